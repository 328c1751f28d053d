import type { Dataset } from '~/lib/dataset/model';
import { bundledDataset } from './dataset';
import { importedDatasetItem } from './imported-dataset';

export { importedDatasetItem };

/**
 * The dataset in use: a user's import (storage.local) when there is one, else the bundle.
 * The bundle always stays as the fallback.
 */
export async function getActiveDataset(): Promise<Dataset> {
  return (await importedDatasetItem.getValue()) ?? bundledDataset;
}

/** Calls back with the active dataset whenever an import is applied or reset. */
export function watchActiveDataset(callback: (dataset: Dataset) => void): () => void {
  return importedDatasetItem.watch((value) => callback(value ?? bundledDataset));
}
