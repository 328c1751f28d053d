import type { DatasetRecords } from '~/lib/dataset/model';
import { wholeBundledDataset } from './bundled-records';
import { rememberImportActive } from './import-hint';
import type { StoredDatasetRead } from '~/lib/dataset/stored-dataset';
import { importedDatasetItem, readImportedDataset, watchImportedDataset } from './imported-dataset';

export interface ActiveDataset {
  /** An import as stored, or the bundle's records, every field of each: no alias table. */
  dataset: DatasetRecords;
  /** A stored import could not be read, so the bundle is in use; a reset removes it. */
  storedUnreadable: boolean;
}

async function activeOf(read: StoredDatasetRead): Promise<ActiveDataset> {
  return read.kind === 'valid'
    ? { dataset: read.dataset, storedUnreadable: false }
    : { dataset: await wholeBundledDataset(), storedUnreadable: read.kind === 'invalid' };
}

/**
 * The dataset in use: a user's import (storage.local) when there is a valid one, else the
 * bundle. The bundle always stays as the fallback, also when storage cannot be read at all.
 */
export async function readActiveDataset(): Promise<ActiveDataset> {
  let read: StoredDatasetRead;
  try {
    read = await readImportedDataset();
  } catch {
    return { dataset: await wholeBundledDataset(), storedUnreadable: true };
  }
  return activeOf(read);
}

export async function getActiveDataset(): Promise<DatasetRecords> {
  return (await readActiveDataset()).dataset;
}

/** Calls back with the active dataset whenever an import is applied or reset. */
export function watchActiveDataset(callback: (active: ActiveDataset) => void): () => void {
  return watchImportedDataset((read) => void activeOf(read).then(callback));
}

/** Applies an import (or resets to the bundle, with null) and notes it for the popup. */
export async function setImportedDataset(dataset: DatasetRecords | null): Promise<void> {
  await importedDatasetItem.setValue(dataset);
  rememberImportActive(dataset !== null);
}
