// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetToJson, recordsToCsv } from '~/lib/dataset/export';
import { parseImport } from '~/lib/dataset/import-file';
import type { ClusterRecord } from '~/lib/dataset/model';
import { buildDataset } from '~/lib/dataset/parse-csv';
import { defuseFormula, restoreFormula } from '~/lib/dataset/spreadsheet-formula';

const today = new Date('2026-11-24T12:00:00Z');

/**
 * A record whose every free-text field starts the way a spreadsheet formula does (= + - @),
 * or with an apostrophe of its own, so an export must defuse them and an import restore them.
 */
const formulaLike: ClusterRecord = {
  id: 'harbour-robotics-network',
  name: '=Harbour Robotics Network',
  acronym: '+HRN',
  aliases: ['-Harbour Robotics', "'=already quoted", "'s-Hertogenbosch Robotics"],
  country: 'NL',
  region: "'@North Brabant",
  city: "'s-Hertogenbosch",
  sectors: ['-robotics', '@logistics', '+ports'],
  website: 'https://harbour-robotics.example.org',
  label: { level: 'silver', year: 2024, validUntil: '2026-12' },
  eccp: {
    status: 'member',
    rule: 'profile-seen',
    url: 'https://clustercollaboration.eu/cluster-organisations/harbour-robotics',
  },
  sources: ['https://harbour-robotics.example.org/about', 'https://example.org/labels-2024'],
  notes: '=HYPERLINK("http://x.example","click") then +1, -1 and @ everyone',
  match: 'strict',
};

function imported(text: string): ClusterRecord[] {
  const result = parseImport(new TextEncoder().encode(text), { today });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.records;
}

describe('a re-import of our own export', () => {
  it('gives back every field of a CSV export unchanged, formula-like text included', () => {
    const csv = recordsToCsv([formulaLike]);
    // Still defused for spreadsheets: no cell of the file starts a formula.
    expect(csv).toContain(`"'=Harbour Robotics Network"`);
    expect(csv).toContain(`"'+HRN"`);
    expect(imported(csv)).toEqual([formulaLike]);
  });

  it('gives back every field of a JSON export unchanged', () => {
    const dataset = buildDataset([formulaLike], '2026-10', 'bundled');
    const [again] = imported(datasetToJson(dataset, today));
    for (const field of Object.keys(formulaLike) as (keyof ClusterRecord)[]) {
      expect({ field, value: again?.[field] }).toEqual({ field, value: formulaLike[field] });
    }
  });

  it('still reads a hand-written cell that merely starts with an apostrophe', () => {
    const csv = recordsToCsv([{ ...formulaLike, name: "'t Harbour Cluster" }]);
    expect(imported(csv)[0]?.name).toBe("'t Harbour Cluster");
  });
});

describe('defuseFormula and restoreFormula', () => {
  it('are inverse for any text', () => {
    const text = fc.string({
      unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', ' '),
      maxLength: 6,
    });
    fc.assert(
      fc.property(text, (value) => {
        expect(restoreFormula(defuseFormula(value))).toBe(value);
        expect(defuseFormula(value)).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});
