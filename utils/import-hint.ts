import type { DatasetRecords } from '~/lib/dataset/model';
import { bundledList } from './bundled-records';

/**
 * Whether an import is active, remembered in the extension's localStorage so the popup can tell
 * synchronously, at its first render, that the bundled dataset is the one to show (reading
 * storage.local first would cost the popup's first paint a round trip). Storage stays the truth:
 * the popup still reads it and switches if the hint was wrong. A module of its own, apart from
 * utils/active-dataset.ts: the popup's first paint needs the hint, not the reader and checker
 * of a stored import.
 */
const IMPORT_HINT = 'cluster-lens:imported-dataset';

/** Notes whether an import is now active (see utils/active-dataset.ts setImportedDataset). */
export function rememberImportActive(active: boolean): void {
  try {
    if (active) localStorage.setItem(IMPORT_HINT, '1');
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
