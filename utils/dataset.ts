import details from '~/data/generated/records-details.json';
import type { DatasetRecords } from '~/lib/dataset/model';
import type { RecordDetails } from '~/lib/dataset/record-parts';
import { addBundledDetails } from './bundled-records';

/**
 * The dataset built from data/clusters.csv at build time (scripts/build-data.ts), without the
 * alias table no extension page uses, every field of every record at once (the popup, which
 * shows its first results before it needs them all, uses utils/bundled-records.ts).
 */
export const bundledDataset: DatasetRecords = addBundledDetails(details as RecordDetails[]);
