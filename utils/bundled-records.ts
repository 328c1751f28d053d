import listed from '~/data/generated/records-list.json';
import type { DatasetRecords } from '~/lib/dataset/model';
import { joinDetails, type RecordDetails } from '~/lib/dataset/record-parts';

/**
 * The bundled dataset's records, at first with only the fields the popup's list needs (see
 * lib/dataset/record-parts.ts): what the popup shows first. `wholeBundledDataset` (or
 * utils/dataset.ts, for pages that want all of it at once) adds the rest to these very objects.
 */
export const bundledList = listed as DatasetRecords;

let whole: Promise<DatasetRecords> | null = null;

/** Adds the records' other fields (idempotent); gives the bundled dataset, now whole. */
export function addBundledDetails(details: readonly RecordDetails[]): DatasetRecords {
  if (!whole) {
    joinDetails(bundledList.records, details);
    whole = Promise.resolve(bundledList);
  }
  return bundledList;
}

/**
 * The bundled dataset with every field: the records' other fields are the extension's own
 * chunk, loaded when first asked for (the popup asks after its first results are painted).
 */
export function wholeBundledDataset(): Promise<DatasetRecords> {
  return (whole ??= import('~/data/generated/records-details.json').then((m) => {
    joinDetails(bundledList.records, m.default as RecordDetails[]);
    return bundledList;
  }));
}
