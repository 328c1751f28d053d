import bundled from '~/data/generated/dataset.json';
import type { Dataset } from '~/lib/dataset/model';
import { messagesLocale } from '~/utils/locale';

/** The dataset built from data/clusters.csv at build time (scripts/build-data.ts). */
export const bundledDataset = bundled as Dataset;

/** The UI language, for dates and numbers formatted with Intl: the language of the messages. */
export function uiLocale(): string {
  return messagesLocale();
}
