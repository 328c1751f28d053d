import type { DatasetRecords } from '~/lib/dataset/model';
import { bundledList, wholeBundledDataset } from './bundled-records';
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

/**
 * Whether an import is active, remembered in the extension's localStorage so the popup can tell
 * synchronously, at its first render, that the bundled dataset is the one to show (reading
 * storage.local first would cost the popup's first paint a round trip). Storage stays the truth:
 * the popup still reads it and switches if the hint was wrong.
 */
const IMPORT_HINT = 'cluster-lens:imported-dataset';

export async function setImportedDataset(dataset: DatasetRecords | null): Promise<void> {
  await importedDatasetItem.setValue(dataset);
  try {
    if (dataset) localStorage.setItem(IMPORT_HINT, '1');
    else localStorage.removeItem(IMPORT_HINT);
  } catch {
    // No localStorage here (a worker): the popup then waits for storage, as before.
  }
}

/**
 * The bundled dataset when no import is known to be active, undefined when one may be. Its
 * records may as yet hold only the fields the popup lists (utils/bundled-records.ts):
 * `readActiveDataset` gives them whole.
 */
export function bundledDatasetIfActive(): DatasetRecords | undefined {
  try {
    return localStorage.getItem(IMPORT_HINT) === null ? bundledList : undefined;
  } catch {
    return undefined;
  }
}
