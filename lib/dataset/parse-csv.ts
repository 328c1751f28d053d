import Papa from 'papaparse';
import { CSV_COLUMNS, OPTIONAL_COLUMNS } from './csv-columns';
import { buildAliasTable } from './alias-table';
import { deriveEccp } from './eccp';
import { isAwarded, type ClusterRecord, type Dataset } from './model';
import { firstProblems, type RowProblem } from './row-problem';
import { rowSchema, type ValidRow } from './row-schema';
import { slugify } from './slug';
import { restoreFormula } from './spreadsheet-formula';
import { runToEnd, type Steps } from './steps';

export interface ParseOptions {
  /** Reference day for "in the future" checks. */
  today?: Date;
  /** Keep the first this many problems (by row) and count the rest; all by default. */
  maxProblems?: number;
}

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

const isBlank = (raw: Record<string, string> | undefined) =>
  raw === undefined || Object.values(raw).every((v) => (v ?? '').trim() === '');

/**
 * The rules every row meets, whether it came from a CSV file, a JSON record (by way of its CSV
 * row) or storage: each cell, the cells together, and ids unique across rows. Blank rows are
 * skipped. The records of the valid rows come back with the problems of the others.
 */
export function* validateRowsSteps(
  rows: readonly { row: number; raw: Record<string, string> }[],
  options: ParseOptions = {},
): Steps<{ records: ClusterRecord[]; problems: RowProblem[]; more: number }> {
  const schema = rowSchema(options.today ?? new Date());
  const max = options.maxProblems ?? Infinity;
  const problems: RowProblem[] = [];
  let more = 0;
  // Rows come in order, so the first problems kept are the first by row.
  const add = (p: RowProblem) => (problems.length < max ? problems.push(p) : more++);
  const valid: { row: number; value: ValidRow }[] = [];
  for (const { row, raw } of rows) {
    if (isBlank(raw)) continue;
    const result = schema.safeParse(raw);
    yield;
    if (!result.success) {
      for (const issue of result.error.issues) {
        add({ row, column: String(issue.path[0] ?? ''), message: issue.message });
      }
      continue;
    }
    crossFieldProblems(result.data, row).forEach(add);
    valid.push({ row, value: result.data });
  }
  const records = valid.map(({ value }) => toRecord(value));
  const duplicates = duplicateIdProblems(
    records,
    valid.map((v) => v.row),
  );
  return {
    records,
    ...firstProblems(
      [
        { problems, more },
        { problems: duplicates, more: 0 },
      ],
      max,
    ),
  };
}

export function buildDataset(
  records: ClusterRecord[],
  asOf: string,
  origin: Dataset['origin'],
): Dataset {
  return { schema: 1, asOf, origin, records, aliases: buildAliasTable(records) };
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

function crossFieldProblems(v: ValidRow, row: number): RowProblem[] {
  const problems: RowProblem[] = [];
  if (!isAwarded(v.label)) {
    if (v.label_year !== null) {
      problems.push({
        row,
        column: 'label_year',
        message: `a year needs a label level, not "${v.label}"`,
      });
    }
    if (v.label_valid_until !== null) {
      problems.push({
        row,
        column: 'label_valid_until',
        message: `a validity date needs a label level, not "${v.label}"`,
      });
    }
  }
  if (v.eccp_member === 'yes' && v.eccp_url === null) {
    problems.push({
      row,
      column: 'eccp_url',
      message: 'eccp_member is yes but no profile URL is given',
    });
  }
  if (v.eccp_member !== 'yes' && v.eccp_url !== null) {
    problems.push({
      row,
      column: 'eccp_member',
      message: 'a profile URL is given, so eccp_member must be yes',
    });
  }
  if (v.id === '' && slugify(v.name) === '') {
    problems.push({ row, column: 'id', message: 'no id, and none can be made from the name' });
  }
  return problems;
}

function toRecord(v: ValidRow): ClusterRecord {
  const label = { level: v.label, year: v.label_year, validUntil: v.label_valid_until };
  return {
    id: v.id || slugify(v.name),
    name: v.name,
    acronym: v.acronym,
    aliases: v.aliases,
    country: v.country,
    region: v.region,
    city: v.city,
    sectors: v.sectors,
    website: v.website,
    label,
    eccp: deriveEccp(label, v.eccp_member === 'yes' ? v.eccp_url : null),
    sources: v.source_urls,
    notes: v.notes,
    match: v.match,
  };
}

function duplicateIdProblems(records: ClusterRecord[], rows: number[]): RowProblem[] {
  const firstRow = new Map<string, number>();
  const problems: RowProblem[] = [];
  records.forEach((r, i) => {
    const row = rows[i] ?? null;
    const earlier = firstRow.get(r.id);
    if (earlier === undefined) {
      if (row !== null) firstRow.set(r.id, row);
      return;
    }
    problems.push({ row, column: 'id', message: `id "${r.id}" is already used by row ${earlier}` });
  });
  return problems;
}

function sortProblems(problems: RowProblem[]): RowProblem[] {
  return [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
