import Papa from 'papaparse';
import { CSV_COLUMNS, OPTIONAL_COLUMNS } from './csv-columns';
import type { ClusterRecord } from './model';
import { firstProblems, type RowProblem } from './row-problem';
import { restoreFormula } from './spreadsheet-formula';
import { runToEnd, type Steps } from './steps';
import { buildDataset, isBlank, validateRowsSteps, type ParseOptions } from './validate-rows';

export { buildDataset, validateRowsSteps, type ParseOptions };

export type ParseResult =
  | { ok: true; records: ClusterRecord[] }
  /** `more`: how many problems were found beyond those listed (see maxProblems). */
  | { ok: false; problems: RowProblem[]; more?: number };

/** Spreadsheet row of the first data row: the header is row 1. */
const FIRST_DATA_ROW = 2;

/**
 * Parses and validates the whole CSV before anything is used: either every row is valid and
 * the records come back, or every problem found comes back with its row and column.
 */
export function parseClusterCsv(text: string, options: ParseOptions = {}): ParseResult {
  return runToEnd(parseClusterCsvSteps(text, options));
}

/** parseClusterCsv one row at a time (see steps.ts). */
export function* parseClusterCsvSteps(
  text: string,
  options: ParseOptions = {},
): Steps<ParseResult> {
  const fileProblems = checkFile(text);
  if (fileProblems.length > 0) return { ok: false, problems: fileProblems };

  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    delimiter: ',',
    skipEmptyLines: false,
    // Our export puts an apostrophe before formula-like cells; take it off (spreadsheet-formula.ts).
    transform: restoreFormula,
  });
  yield;
  const header = (parsed.meta.fields ?? []).map((f) => f.trim());
  const headerProblems = checkHeader(header);
  if (headerProblems.length > 0) return { ok: false, problems: headerProblems };

  const problems: RowProblem[] = parsed.errors
    // A blank line (such as the file's last) parses as a one-field row; it is not a problem.
    .filter((e) => !(e.row !== undefined && isBlank(parsed.data[e.row])))
    .map((e) => ({
      row: e.row === undefined ? null : e.row + FIRST_DATA_ROW,
      column: null,
      message: e.message,
    }));
  const rows = parsed.data.map((raw, index) => ({ row: index + FIRST_DATA_ROW, raw }));
  const result = yield* validateRowsSteps(rows, options);
  if (result.records.length === 0 && problems.length === 0 && result.problems.length === 0) {
    problems.push({ row: null, column: null, message: 'the file has a header but no rows' });
  }
  const found = firstProblems(
    [{ problems: sortProblems(problems), more: 0 }, result],
    options.maxProblems ?? Infinity,
  );
  if (found.problems.length > 0) return { ok: false, ...found };
  return { ok: true, records: result.records };
}

function checkFile(text: string): RowProblem[] {
  if (text.trim() === '') return [{ row: null, column: null, message: 'the file is empty' }];
  if (text.includes('\uFFFD')) {
    return [
      {
        row: null,
        column: null,
        message: 'the file is not valid UTF-8 text (save it as CSV UTF-8 and try again)',
      },
    ];
  }
  if (text.includes('\u0000')) {
    return [{ row: null, column: null, message: 'the file is binary, not CSV text' }];
  }
  return [];
}

function checkHeader(header: string[]): RowProblem[] {
  const first = header.join(',');
  if (header.length === 1 && /[;\t]/.test(first)) {
    return [
      {
        row: 1,
        column: null,
        message: 'the columns are separated by ";" or tabs; this file must use commas',
      },
    ];
  }
  const known = new Set<string>(CSV_COLUMNS);
  const problems: RowProblem[] = [];
  const missing = CSV_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.has(c) && !header.includes(c));
  if (missing.length > 0) {
    problems.push({ row: 1, column: null, message: `missing columns: ${missing.join(', ')}` });
  }
  for (const column of header) {
    if (!known.has(column)) {
      problems.push({ row: 1, column, message: 'unknown column (check its spelling)' });
    }
  }
  const seen = new Set<string>();
  for (const column of header) {
    if (seen.has(column)) problems.push({ row: 1, column, message: 'the column appears twice' });
    seen.add(column);
  }
  return problems;
}

function sortProblems(problems: RowProblem[]): RowProblem[] {
  return [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
