import Papa from 'papaparse';
import { CSV_COLUMNS, OPTIONAL_COLUMNS } from './csv-columns';
import { buildAliasTable } from './alias-table';
import { deriveEccp } from './eccp';
import { isAwarded, type ClusterRecord, type Dataset } from './model';
import type { RowProblem } from './row-problem';
import { rowSchema, type ValidRow } from './row-schema';
import { slugify } from './slug';

export interface ParseOptions {
  /** Reference day for "in the future" checks. */
  today?: Date;
}

export type ParseResult =
  { ok: true; records: ClusterRecord[] } | { ok: false; problems: RowProblem[] };

/** Spreadsheet row of the first data row: the header is row 1. */
const FIRST_DATA_ROW = 2;

/**
 * Parses and validates the whole CSV before anything is used: either every row is valid and
 * the records come back, or every problem found comes back with its row and column.
 */
export function parseClusterCsv(text: string, options: ParseOptions = {}): ParseResult {
  const today = options.today ?? new Date();
  const fileProblems = checkFile(text);
  if (fileProblems.length > 0) return { ok: false, problems: fileProblems };

  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    delimiter: ',',
    skipEmptyLines: false,
  });
  const header = (parsed.meta.fields ?? []).map((f) => f.trim());
  const headerProblems = checkHeader(header);
  if (headerProblems.length > 0) return { ok: false, problems: headerProblems };

  const isBlank = (raw: Record<string, string> | undefined) =>
    raw === undefined || Object.values(raw).every((v) => (v ?? '').trim() === '');
  const problems: RowProblem[] = parsed.errors
    // A blank line (such as the file's last) parses as a one-field row; it is not a problem.
    .filter((e) => !(e.row !== undefined && isBlank(parsed.data[e.row])))
    .map((e) => ({
      row: e.row === undefined ? null : e.row + FIRST_DATA_ROW,
      column: null,
      message: e.message,
    }));

  const schema = rowSchema(today);
  const valid: { row: number; value: ValidRow }[] = [];
  parsed.data.forEach((raw, index) => {
    const row = index + FIRST_DATA_ROW;
    if (isBlank(raw)) return;
    const result = schema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ row, column: String(issue.path[0] ?? ''), message: issue.message });
      }
      return;
    }
    problems.push(...crossFieldProblems(result.data, row));
    valid.push({ row, value: result.data });
  });

  if (valid.length === 0 && problems.length === 0) {
    problems.push({ row: null, column: null, message: 'the file has a header but no rows' });
  }
  const records = valid.map(({ value }) => toRecord(value));
  problems.push(
    ...duplicateIdProblems(
      records,
      valid.map((v) => v.row),
    ),
  );
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, records };
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
