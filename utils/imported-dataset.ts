import { storage } from '#imports';
import type { Dataset, DatasetRecords } from '~/lib/dataset/model';
import {
  readStoredDataset,
  storedDatasetOf,
  type StoredDatasetRead,
} from '~/lib/dataset/stored-dataset';
import { STORAGE_KEYS } from '~/lib/storage-keys';

/**
 * A dataset the user imported (storage.local), or null: then the bundled dataset is active.
 * Read by the background (which matches pages against it), the popup and the options page;
 * pages never read it.
 * What storage holds is unknown until checked: every read goes through readStoredDataset.
 */
const storedItem = storage.defineItem<unknown>(`local:${STORAGE_KEYS.importedDataset}`, {
  fallback: null,
});

export async function readImportedDataset(): Promise<StoredDatasetRead> {
  return readStoredDataset(await storedItem.getValue());
}

/** What storage holds, unchecked: for the background's matcher, which keys its cache by it. */
export async function readRawImport(): Promise<unknown> {
  return storedItem.getValue();
}

/** Calls back when an import is applied or reset, without reading or checking it. */
export function watchImportChange(callback: () => void): () => void {
  return storedItem.watch(() => callback());
}

export function watchImportedDataset(callback: (read: StoredDatasetRead) => void): () => void {
  return storedItem.watch((value) => callback(readStoredDataset(value)));
}

/** The import as a valid dataset, or null when there is none or what is stored is not valid. */
export const importedDatasetItem = {
  getValue: async (): Promise<Dataset | null> => storedDatasetOf(await readImportedDataset()),
  watch: (callback: (dataset: Dataset | null) => void): (() => void) =>
    watchImportedDataset((read) => callback(storedDatasetOf(read))),
  /** Its alias table need not be stored: a read derives it again from the records. */
  setValue: (dataset: DatasetRecords | null): Promise<void> => storedItem.setValue(dataset),
};
