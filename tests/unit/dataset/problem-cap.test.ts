// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '~/lib/dataset/csv-columns';
import { parseImport, parseImportInSlices } from '~/lib/dataset/import-file';

const today = new Date('2026-11-24T12:00:00Z');

/** 2,000 rows, each with a bad country and a bad label. */
function csv(): Uint8Array {
  const rows = Array.from(
    { length: 2000 },
    (_, i) => `row-${i},Cluster ${i},,,QQ,,,tin,,,unknown,,,,https://example.org,,,,,`,
  );
  return new TextEncoder().encode(`${[CSV_COLUMNS.join(','), ...rows].join('\n')}\n`);
}

describe('a file with thousands of problems', () => {
  it('keeps the first ones by row and counts the rest', () => {
    const result = parseImport(csv(), { today, maxProblems: 3 });
    expect(result).toEqual({
      ok: false,
      kind: 'csv',
      problems: [
        { row: 2, column: 'country', message: expect.stringContaining('"QQ"') as string },
        { row: 2, column: 'label', message: expect.stringContaining('"tin"') as string },
        { row: 3, column: 'country', message: expect.stringContaining('"QQ"') as string },
      ],
      more: 3997,
    });
  });

  it('gives the same answer in slices, pausing between them', async () => {
    let pauses = 0;
    const sliced = await parseImportInSlices(csv(), {
      today,
      maxProblems: 3,
      budgetMs: 0,
      pause: () => Promise.resolve(void pauses++),
    });
    expect(sliced).toEqual(parseImport(csv(), { today, maxProblems: 3 }));
    expect(pauses).toBeGreaterThan(2000);
  });
});
