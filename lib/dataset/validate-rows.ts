import { buildAliasTable } from './alias-table';
import { deriveEccp } from './eccp';
import { isAwarded, SUCCESSOR_KINDS, type ClusterRecord, type Dataset } from './model';
import { firstProblems, type RowProblem } from './row-problem';
import { rowSchema, type ValidRow } from './row-schema';
import { slugify } from './slug';
import type { Steps } from './steps';

/**
 * Rows to records: the rules every row meets and the dataset built from the records. Apart
 * from the CSV parser (parse-csv.ts), so what checks rows without parsing a file (the JSON
 * import, a stored dataset read in the background) does not carry the parser.
 */

export interface ParseOptions {
  /** Reference day for "in the future" checks. */
  today?: Date;
  /** Keep the first this many problems (by row) and count the rest; all by default. */
  maxProblems?: number;
}

export const isBlank = (raw: Record<string, string> | undefined) =>
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
  const duplicates = [
    ...duplicateIdProblems(
      records,
      valid.map((v) => v.row),
    ),
    ...successorProblems(
      records,
      valid.map((v) => v.row),
    ),
  ];
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
  if (v.successor === null && (v.successor_year !== null || v.successor_kind !== null)) {
    problems.push({
      row,
      column: 'successor',
      message: 'a successor year or kind needs a successor id',
    });
  }
  if (v.successor !== null && v.successor_kind === null) {
    problems.push({
      row,
      column: 'successor_kind',
      message: `a successor needs its kind (${SUCCESSOR_KINDS.join(' or ')})`,
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
    ...(v.successor !== null && v.successor_kind !== null
      ? { successor: { id: v.successor, kind: v.successor_kind, year: v.successor_year } }
      : {}),
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

/** A successor is another row of the same file, and following successors never comes back. */
function successorProblems(records: ClusterRecord[], rows: number[]): RowProblem[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const problems: RowProblem[] = [];
  records.forEach((r, i) => {
    const next = r.successor?.id;
    if (next === undefined) return;
    const row = rows[i] ?? null;
    if (next === r.id) {
      problems.push({ row, column: 'successor', message: 'a row cannot be its own successor' });
    } else if (!byId.has(next)) {
      problems.push({ row, column: 'successor', message: `no row has the id "${next}"` });
    } else {
      const seen = new Set([r.id]);
      for (let at = byId.get(next); at; at = at.successor ? byId.get(at.successor.id) : undefined) {
        if (seen.has(at.id)) {
          problems.push({
            row,
            column: 'successor',
            message: `successors go round in a circle through "${at.id}"`,
          });
          break;
        }
        seen.add(at.id);
      }
    }
  });
  return problems;
}
