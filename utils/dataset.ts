import bundled from '~/data/generated/records.json';
import type { DatasetRecords } from '~/lib/dataset/model';
import { messagesLocale } from '~/utils/locale';

/**
 * The dataset built from data/clusters.csv at build time (scripts/build-data.ts), without the
 * alias table no extension page uses (records.json).
 */
export const bundledDataset = bundled as DatasetRecords;

/** The UI language, for dates and numbers formatted with Intl: the language of the messages. */
export function uiLocale(): string {
  return messagesLocale();
}
