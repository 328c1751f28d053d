// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffDatasets } from '~/lib/dataset/dataset-diff';
import { datasetToCsv, datasetToJson, recordsToCsv } from '~/lib/dataset/export';
import {
  checkImportSize,
  importedDataset,
  MAX_IMPORT_BYTES,
  parseImport,
  type ImportProblem,
  type ImportProblemCode,
} from '~/lib/dataset/import-file';
import type { Dataset } from '~/lib/dataset/model';
import { bundledDataset } from '~/utils/dataset';
import { buildDataset } from '~/lib/dataset/parse-csv';
import { jsonDepth } from '~/lib/dataset/parse-json';

const today = new Date('2026-11-24T12:00:00Z');
const DIR = 'tests/fixtures/imports';
const bytesOf = (name: string) => new Uint8Array(readFileSync(`${DIR}/${name}`));
const bundled = JSON.parse(readFileSync('data/generated/dataset.json', 'utf8')) as Dataset;
const problemsOf = (bytes: Uint8Array): ImportProblem[] => {
  const result = parseImport(bytes, { today });
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.problems;
};
const p = (
  row: number | null,
  column: string | null,
  message: string,
  code?: ImportProblemCode,
): ImportProblem => ({
  row,
  column,
  message,
  ...(code ? { code } : {}),
});
const NOT_OURS =
  'this JSON is not a Cluster Lens dataset export (expected "format": "cluster-lens-dataset" and a "records" list)';

/** Every bad file under tests/fixtures/imports and exactly what is wrong with it. */
const BAD_FILES: Record<string, ImportProblem[]> = {
  'empty.csv': [p(null, null, 'the file is empty', 'empty')],
  'whitespace-only.csv': [p(null, null, 'the file is empty', 'empty')],
  'windows-1252.csv': [p(null, null, 'the file is not valid UTF-8 text', 'not-utf8')],
  'utf16-bom.csv': [p(null, null, 'the file is UTF-16 text, not UTF-8', 'utf16')],
  'workbook.xlsx': [
    p(null, null, 'the file is a ZIP or spreadsheet workbook, not CSV or JSON', 'spreadsheet'),
  ],
  'binary.csv': [p(null, null, 'the file is binary, not text', 'binary')],
  // The BOM is dropped first: what is left to report is the delimiter.
  'bom-semicolons.csv': [
    p(1, null, 'the columns are separated by ";" or tabs; this file must use commas'),
  ],
  'tabs.csv': [p(1, null, 'the columns are separated by ";" or tabs; this file must use commas')],
  'missing-columns.csv': [p(1, null, 'missing columns: label, source_urls')],
  'header-only.csv': [p(null, null, 'the file has a header but no rows')],
  'duplicate-ids.csv': [p(4, 'id', 'id "aclima" is already used by row 2')],
  'html-name.csv': [p(2, 'name', 'looks like HTML markup: "<img src=x onerror=alert(1)>Cluster"')],
  'javascript-url.csv': [
    p(3, 'website', 'is not an http(s) URL: "javascript:alert(document.cookie)"'),
  ],
  'unknown-label.csv': [
    p(2, 'label', 'unknown label level "platinum" (expected gold, silver, bronze, none, unknown)'),
  ],
  'future-year.csv': [p(2, 'label_year', '2099 is in the future')],
  'bidi-override.csv': [p(2, 'name', 'contains control or bidi-override characters')],
  'unterminated-quote.csv': [
    p(5, null, 'Too few fields: expected 16 fields but parsed 2'),
    p(5, 'label', 'unknown label level "" (expected gold, silver, bronze, none, unknown)'),
    p(5, 'eccp_member', '"" is not yes or unknown'),
    p(5, 'source_urls', 'no source: every row needs at least one source URL'),
  ],
  'not-ours.json': [p(null, null, NOT_OURS)],
  'json-array.json': [p(null, null, NOT_OURS)],
  'json-truncated.json': [
    p(null, null, 'not valid JSON: Unterminated string in JSON at position 200'),
  ],
  'json-newer-schema.json': [
    p(null, 'schema', 'made for dataset schema 2; this version of Cluster Lens reads schema 1'),
  ],
  'json-deep.json': [
    p(null, null, 'the JSON is nested more than 8 levels deep; a Cluster Lens export never is'),
  ],
  'json-extra-fields.json': [
    p(null, null, 'unknown field "__proto__", "onload" (not part of a Cluster Lens export)'),
  ],
  'json-record-extra-field.json': [
    p(1, null, 'unknown field "onclick" (not part of a Cluster Lens export)'),
  ],
  'json-javascript-url.json': [
    p(2, 'website', 'is not an http(s) URL: "javascript:alert(1)"'),
    p(2, 'sources', 'is not an http(s) URL: "javascript:void(0)"'),
  ],
  'json-future-as-of.json': [p(null, 'asOf', '2099-01 is in the future')],
  'json-bad-label.json': [
    p(
      1,
      'label.level',
      'unknown label level "platinum" (expected gold, silver, bronze, none, unknown)',
    ),
    p(1, 'label.year', '2030 is in the future'),
    p(1, 'label.validUntil', '"2019-13" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)'),
  ],
  'json-html-and-separator.json': [
    p(1, 'aliases.1', 'contains "|", which separates list items'),
    p(1, 'name', 'looks like HTML markup: "<b>Bold</b> Cluster"'),
  ],
  'json-duplicate-ids.json': [p(3, 'id', 'id "aclima" is already used by record 1')],
  'json-wrong-types.json': [
    p(1, 'label', 'Invalid input: expected object, received string'),
    p(1, 'sources', 'Invalid input: expected array, received string'),
  ],
};

describe('bad import files', () => {
  it('has a stated outcome for every fixture, and at least 20 of them', () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(BAD_FILES).sort());
    expect(Object.keys(BAD_FILES).length).toBeGreaterThanOrEqual(20);
  });

  it.each(Object.entries(BAD_FILES))(
    '%s is rejected with exactly its problems',
    (name, expected) => {
      expect(problemsOf(bytesOf(name))).toEqual(expected);
    },
  );

  it('refuses a 50 MB file by its size alone', () => {
    const size = 50 * 1024 * 1024;
    expect(checkImportSize(size)).toEqual({
      row: null,
      column: null,
      message: `the file is ${size} bytes; the limit is ${MAX_IMPORT_BYTES} bytes`,
      code: 'too-large',
      values: [size, MAX_IMPORT_BYTES],
    });
    // And parseImport refuses the bytes too, should a caller skip the File.size check.
    const bytes = new Uint8Array(size).fill(0x61);
    expect(problemsOf(bytes)).toEqual([checkImportSize(size)]);
  });

  it('accepts a file of exactly the limit as far as size goes', () => {
    expect(checkImportSize(MAX_IMPORT_BYTES)).toBeNull();
  });

  it('does not let JSON.parse see pathological nesting', () => {
    expect(jsonDepth('{"a":"[[[[[[[[[[","b":[{}]}')).toBe(3);
    expect(jsonDepth('"\\"["')).toBe(0);
  });
});

describe('good import files', () => {
  const csv = readFileSync('data/clusters.csv', 'utf8');

  it('accepts the project CSV with a BOM and CRLF line ends', () => {
    const text = `\uFEFF${csv.replace(/\n/g, '\r\n')}`;
    const result = parseImport(new TextEncoder().encode(text), { today });
    expect(result.ok && result.kind).toBe('csv');
    expect(result.ok && result.records).toEqual(bundled.records);
  });

  it('round-trips the bundled dataset through a JSON export', () => {
    const json = datasetToJson(bundled, new Date('2026-02-01T00:00:00Z'));
    const result = parseImport(new TextEncoder().encode(json), { today });
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
    expect(result).toMatchObject({ kind: 'json', asOf: bundled.asOf });
    const again = importedDataset(result.records, result.asOf!, 'x.json', today);
    expect(again.records).toEqual(bundled.records);
    expect(again.aliases).toEqual(bundled.aliases);
    expect(again).toMatchObject({ origin: 'imported', sourceName: 'x.json' });
  });

  it('exports the alias table also from the records the extension pages bundle', () => {
    // The options page holds the bundle without the alias table (utils/dataset.ts).
    expect('aliases' in bundledDataset).toBe(false);
    expect(bundledDataset.records).toEqual(bundled.records);
    const exported = datasetToJson(bundledDataset, new Date('2026-02-01T00:00:00Z'));
    expect(JSON.parse(exported)).toEqual(
      JSON.parse(datasetToJson(bundled, new Date('2026-02-01T00:00:00Z'))),
    );
  });

  it('round-trips the bundled dataset through a CSV export', () => {
    const exported = datasetToCsv(bundled);
    expect(exported.split('\n')[0]).toBe(csv.split('\n')[0]);
    const result = parseImport(new TextEncoder().encode(exported), { today });
    expect(result.ok && result.records).toEqual(bundled.records);
  });

  it('derives the alias table again instead of trusting the one in a JSON file', () => {
    const tampered = JSON.parse(datasetToJson(bundled, today)) as Dataset;
    tampered.aliases = [
      {
        text: 'the',
        id: bundled.records[0]!.id,
        kind: 'alias',
        caseSensitive: false,
        needsContext: false,
      },
    ];
    const result = parseImport(new TextEncoder().encode(JSON.stringify(tampered)), { today });
    if (!result.ok) throw new Error('expected the file to be accepted');
    const dataset = importedDataset(result.records, result.asOf!, 'x.json', today);
    expect(dataset.aliases.some((a) => a.text === 'the')).toBe(false);
    expect(dataset.aliases).toEqual(bundled.aliases);
  });

  it('keeps formulas from running when an export is opened in a spreadsheet', () => {
    const record = { ...bundled.records[0]!, notes: '=HYPERLINK("http://x.example","click")' };
    expect(recordsToCsv([record])).toContain(`"'=HYPERLINK(""http://x.example"",""click"")"`);
  });
});

describe('diffDatasets', () => {
  it('lists added, removed and changed organisations with what changed', () => {
    const [a, b, c] = bundled.records as [Dataset['records'][number], ...Dataset['records']];
    const changed = { ...b!, label: { ...b!.label, level: 'gold' as const } };
    const added = { ...a, id: 'new-cluster', name: 'New Cluster' };
    const diff = diffDatasets([a, b!, c!], [a, changed, added]);
    expect(diff.added.map((r) => r.id)).toEqual(['new-cluster']);
    expect(diff.removed.map((r) => r.id)).toEqual([c!.id]);
    expect(diff.unchanged).toBe(1);
    expect(diff.changed).toEqual([
      {
        id: b!.id,
        name: b!.name,
        changes: [{ field: 'label', before: b!.label.level, after: 'gold' }],
      },
    ]);
  });
});

describe('buildDataset for imports', () => {
  it('marks the origin and keeps only the base name of the file', () => {
    const d = importedDataset(
      bundled.records.slice(0, 1),
      '2026-02',
      'C:\\Users\\me\\new\u202e.csv',
      today,
    );
    expect(d).toMatchObject({
      origin: 'imported',
      asOf: '2026-02',
      sourceName: 'new.csv',
      importedAt: today.toISOString(),
    });
    expect(d.aliases).toEqual(
      buildDataset(bundled.records.slice(0, 1), '2026-02', 'imported').aliases,
    );
  });
});
