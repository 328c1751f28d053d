import { storage } from '#imports';
import type { Dataset } from '~/lib/dataset/model';
import { STORAGE_KEYS } from '~/lib/storage-keys';

/**
 * A dataset the user imported (storage.local), or null: then the bundled dataset is active.
 * Kept apart from the bundle so the content script can read it without bundling all records.
 */
export const importedDatasetItem = storage.defineItem<Dataset | null>(
  `local:${STORAGE_KEYS.importedDataset}`,
  {
    fallback: null,
  },
);
