import { displayFileName } from './file-name';
import type { Dataset } from './model';
import { buildDataset } from './validate-rows';
import { validateDatasetSteps } from './parse-json';
import type { RowProblem } from './row-problem';
import { runToEnd } from './steps';

/**
 * The imported dataset as read back from storage, checked by the very rules of an import
 * before anything uses it: a value an older version, a bug or a hand in the developer tools
 * left there must not break the page scan, the popup or the options page. Its alias table is
 * derived again from the records, as an import's is.
 */
export type StoredDatasetRead =
  | { kind: 'none' }
  | { kind: 'valid'; dataset: Dataset }
  | { kind: 'invalid'; problems: RowProblem[] };

/**
 * Dates are not held against today: an import that was valid when applied stays valid when
 * the clock is set back. Every other rule is the import's.
 */
const NO_FUTURE_CHECK = new Date(Date.UTC(9999, 11, 31));

export function readStoredDataset(raw: unknown): StoredDatasetRead {
  if (raw === null || raw === undefined) return { kind: 'none' };
  const result = runToEnd(validateDatasetSteps(raw, { today: NO_FUTURE_CHECK, maxProblems: 5 }));
  if (!result.ok) return { kind: 'invalid', problems: result.problems };
  const { asOf, importedAt, sourceName } = result.file;
  return {
    kind: 'valid',
    dataset: {
      ...buildDataset(result.records, asOf, 'imported'),
      ...(importedAt === undefined ? {} : { importedAt }),
      ...(sourceName === undefined ? {} : { sourceName: displayFileName(sourceName) }),
    },
  };
}

export function storedDatasetOf(read: StoredDatasetRead): Dataset | null {
  return read.kind === 'valid' ? read.dataset : null;
}
