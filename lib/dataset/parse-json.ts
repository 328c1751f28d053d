import { z } from 'zod';
import { LIST_SEPARATOR, type CsvColumn } from './csv-columns';
import { EXPORT_FORMAT, recordToCsvRow } from './csv-row';
import { SUCCESSOR_KINDS, type ClusterRecord } from './model';
import { validateRowsSteps, type ParseOptions } from './validate-rows';
import { firstProblems, type RowProblem } from './row-problem';
import { isValidPartialDate } from './row-schema';
import { runToEnd, type Steps } from './steps';
import { VARIANT_RULES } from './name-variants';
import { INFLECTING_LANGUAGES } from '../matcher/inflection';

/**
 * Validation of a Cluster Lens JSON export. The shape is checked strictly (an unknown field is a
 * problem, not something to carry along); then every record goes through the very rules of the
 * CSV import, by way of its CSV row, so both formats accept exactly the same facts. The alias
 * table in the file is never used: the caller derives it again with buildDataset.
 *
 * Problems use RowProblem with `row` = the record's number (1 = the first record) and `column`
 * = the field's path in the record (`label.level`); top-level problems have row null.
 */

/** An export is four levels deep (object, records, record, label); anything far deeper is not ours. */
export const MAX_JSON_DEPTH = 8;
const MAX_TEXT = 20_000;

export type JsonParseResult =
  | { ok: true; records: ClusterRecord[]; asOf: string }
  | { ok: false; problems: RowProblem[]; more?: number };

/** The fields of an export besides its records, as validated. */
export type DatasetFile = z.output<typeof fileSchema>;

export type DatasetValidation =
  | { ok: true; file: DatasetFile; records: ClusterRecord[] }
  | { ok: false; problems: RowProblem[]; more?: number };

const text = z.string().max(MAX_TEXT);
const list = z.array(text);
const LIST_FIELDS = ['aliases', 'sectors', 'sources'] as const;

const recordSchema = z.strictObject({
  id: text,
  name: text,
  acronym: text.nullable(),
  aliases: list,
  country: text.nullable(),
  region: text.nullable(),
  city: text.nullable(),
  sectors: list,
  website: text.nullable(),
  label: z.strictObject({
    level: text,
    year: z.number().int().nullable(),
    validUntil: text.nullable(),
  }),
  eccp: z.strictObject({
    status: z.enum(['member', 'implied', 'unknown']),
    rule: z.enum(['profile-seen', 'label-after-2019-11', 'none']),
    url: text.nullable(),
  }),
  sources: list,
  notes: text,
  match: z.enum(['strict', 'context', 'loose']).nullable().optional(),
  successor: z
    .strictObject({
      id: text,
      kind: z.enum(SUCCESSOR_KINDS),
      year: z.number().int().nullable(),
    })
    .nullable()
    .optional(),
});

const aliasSchema = z.strictObject({
  text,
  id: text,
  kind: z.enum(['name', 'acronym', 'alias']),
  caseSensitive: z.boolean(),
  needsContext: z.boolean(),
  generic: z.enum(['phrase', 'abbreviation']).optional(),
  // A city and regions, each also in other languages (place-names.ts): a few dozen at most.
  places: z.array(text).max(48).optional(),
  variant: z.strictObject({ of: text, rule: z.enum(VARIANT_RULES) }).optional(),
  inflect: z.enum(INFLECTING_LANGUAGES).optional(),
});

const fileSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT).optional(),
  schema: z.literal(1),
  exportedAt: z.iso.datetime().optional(),
  asOf: text,
  origin: z.enum(['bundled', 'imported']).optional(),
  importedAt: z.iso.datetime().optional(),
  sourceName: text.optional(),
  records: z.array(z.unknown()).min(1, 'has no records'),
  aliases: z.array(aliasSchema).optional(),
});

/** Where each CSV column's facts live in a JSON record. */
const FIELD_OF_COLUMN: Record<CsvColumn, string> = {
  id: 'id',
  name: 'name',
  acronym: 'acronym',
  aliases: 'aliases',
  country: 'country',
  region: 'region',
  city: 'city',
  label: 'label.level',
  label_year: 'label.year',
  label_valid_until: 'label.validUntil',
  eccp_member: 'eccp.status',
  eccp_url: 'eccp.url',
  website: 'website',
  sectors: 'sectors',
  source_urls: 'sources',
  notes: 'notes',
  match: 'match',
  successor: 'successor.id',
  successor_year: 'successor.year',
  successor_kind: 'successor.kind',
};

const notOurs = (): RowProblem => ({
  row: null,
  column: null,
  message: `this JSON is not a Cluster Lens dataset export (expected "format": "${EXPORT_FORMAT}" and a "records" list)`,
});

export function parseDatasetJson(source: string, options: ParseOptions = {}): JsonParseResult {
  return runToEnd(parseDatasetJsonSteps(source, options));
}

/** parseDatasetJson one record at a time (see steps.ts). */
export function* parseDatasetJsonSteps(
  source: string,
  options: ParseOptions = {},
): Steps<JsonParseResult> {
  if (jsonDepth(source) > MAX_JSON_DEPTH) {
    return {
      ok: false,
      problems: [
        {
          row: null,
          column: null,
          message: `the JSON is nested more than ${MAX_JSON_DEPTH} levels deep; a Cluster Lens export never is`,
        },
      ],
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [{ row: null, column: null, message: `not valid JSON: ${reason}` }],
    };
  }
  yield;
  const result = yield* validateDatasetSteps(data, options);
  return result.ok ? { ok: true, records: result.records, asOf: result.file.asOf } : result;
}

/**
 * The rules of a dataset export applied to a value already parsed, whether from a file or from
 * storage: its shape, then every record by the very rules of the CSV import.
 */
export function* validateDatasetSteps(
  data: unknown,
  options: ParseOptions = {},
): Steps<DatasetValidation> {
  const today = options.today ?? new Date();
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, problems: [notOurs()] };
  }
  const top = data as Record<string, unknown>;
  if (top.format !== undefined ? top.format !== EXPORT_FORMAT : !('records' in top)) {
    return { ok: false, problems: [notOurs()] };
  }
  if (typeof top.schema === 'number' && top.schema !== 1) {
    return {
      ok: false,
      problems: [
        {
          row: null,
          column: 'schema',
          message: `made for dataset schema ${top.schema}; this version of Cluster Lens reads schema 1`,
        },
      ],
    };
  }

  const problems: RowProblem[] = [];
  const file = fileSchema.safeParse(data);
  if (!file.success) {
    // A large file can have more issues than push(...) can take arguments.
    return { ok: false, problems: file.error.issues.map((issue) => problemOf(issue, null)) };
  }
  const { asOf } = file.data;
  if (!isValidPartialDate(asOf)) {
    problems.push({
      row: null,
      column: 'asOf',
      message: `"${clip(asOf)}" is not a date (YYYY-MM or YYYY-MM-DD)`,
    });
  } else if (asOf.length > 4 && firstDay(asOf) > today.toISOString().slice(0, 10)) {
    problems.push({ row: null, column: 'asOf', message: `${asOf} is in the future` });
  } else if (asOf.length === 4) {
    problems.push({ row: null, column: 'asOf', message: 'needs a month (YYYY-MM or YYYY-MM-DD)' });
  }

  // Shape first, record by record; records with a sound shape then meet the CSV rules.
  const sound: { row: number; raw: Record<string, string> }[] = [];
  for (const [index, raw] of file.data.records.entries()) {
    const result = recordSchema.safeParse(raw);
    yield;
    if (!result.success) {
      problems.push(...result.error.issues.map((issue) => problemOf(issue, index + 1)));
      continue;
    }
    const record = result.data as ClusterRecord;
    // A list item holding the CSV list separator would become two items; say so, and check
    // the rest of the record with the separator blanked out.
    const cleaned = { ...record };
    for (const field of LIST_FIELDS) {
      record[field].forEach((item, i) => {
        if (item.includes(LIST_SEPARATOR)) {
          problems.push({
            row: index + 1,
            column: `${field}.${i}`,
            message: `contains "${LIST_SEPARATOR}", which separates list items`,
          });
        }
      });
      cleaned[field] = record[field].map((item) => item.replaceAll(LIST_SEPARATOR, ' '));
    }
    // Problems of a row are then those of record number `row`.
    sound.push({ row: index + 1, raw: recordToCsvRow(cleaned) });
  }
  if (sound.length === 0) {
    return { ok: false, problems: problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
  }

  const rows = yield* validateRowsSteps(sound, options);
  const found = firstProblems(
    [
      { problems: problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)), more: 0 },
      {
        problems: rows.problems.map((p) => ({
          row: p.row,
          column: p.column === null ? null : (FIELD_OF_COLUMN[p.column as CsvColumn] ?? p.column),
          message: p.message.replace(/already used by row (\d+)/, 'already used by record $1'),
        })),
        more: rows.more,
      },
    ],
    options.maxProblems ?? Infinity,
  );
  if (found.problems.length > 0) return { ok: false, ...found };
  return { ok: true, file: file.data, records: rows.records };
}

function problemOf(issue: z.core.$ZodIssue, record: number | null): RowProblem {
  const path = issue.path.map(String);
  let column: string | null;
  if (record === null && path[0] === 'records' && path.length > 1) {
    record = Number(path[1]) + 1;
    column = path.slice(2).join('.') || null;
  } else {
    column = path.join('.') || null;
  }
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${clip(k)}"`).join(', ');
    return {
      row: record,
      column,
      message: `unknown field ${keys} (not part of a Cluster Lens export)`,
    };
  }
  return { row: record, column, message: issue.message };
}

function firstDay(date: string): string {
  const [y, m = '01', d = '01'] = date.split('-');
  return `${y}-${m}-${d}`;
}

function clip(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** Deepest nesting of objects and arrays, counted without parsing (strings skipped). */
export function jsonDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}
