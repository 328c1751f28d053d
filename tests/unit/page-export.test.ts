// @vitest-environment node
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '~/lib/dataset/model';
import { pageDetectionsToCsv, pageExportFileName } from '~/lib/page-export';

const dataset = JSON.parse(readFileSync('data/generated/dataset.json', 'utf8')) as Dataset;
const records = new Map(dataset.records.map((r) => [r.id, r]));
const today = new Date('2026-11-24T10:00:00Z');

describe('pageDetectionsToCsv', () => {
  it('writes one row per organisation found, with label status as of the export day', () => {
    const csv = pageDetectionsToCsv(
      [
        { id: 'hamburg-aviation', name: 'Hamburg Aviation', count: 2, texts: ['Hamburg Aviation'] },
        { id: 'aclima', name: 'ACLIMA', count: 1, texts: ['ACLIMA'] },
        { id: 'gone', name: 'Not in the dataset', count: 1, texts: ['x'] },
      ],
      records,
      'https://news.example/a?b=1',
      dataset.asOf,
      today,
    );
    const { data } = Papa.parse<Record<string, string>>(csv, { header: true });
    expect(data).toEqual([
      {
        name: 'Hamburg Aviation',
        acronym: '',
        country: 'DE',
        label: 'gold',
        label_year: '',
        label_status: 'current',
        label_valid_until: '2027',
        eccp: 'member',
        eccp_rule: 'profile-seen',
        eccp_url: records.get('hamburg-aviation')!.eccp.url,
        mentions: '2',
        matched_text: 'Hamburg Aviation',
        page_url: 'https://news.example/a?b=1',
        exported_on: '2026-11-24',
        dataset_as_of: dataset.asOf,
      },
      expect.objectContaining({
        name: "ACLIMA - Basque Country's Environmental Industry's Cluster Asociation",
        label: 'bronze',
        label_status: 'expired',
        label_valid_until: '2015-04',
        eccp: 'unknown',
      }),
    ]);
  });

  it('escapes cells a spreadsheet would run as formulas', () => {
    const csv = pageDetectionsToCsv(
      [{ id: 'valorial', name: 'Valorial', count: 1, texts: ['=HYPERLINK("http://x")'] }],
      records,
      'https://example.org/',
      dataset.asOf,
      today,
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});

describe('pageExportFileName', () => {
  it('writes matched page text without direction or invisible controls', () => {
    const csv = pageDetectionsToCsv(
      [{ id: 'aclima', name: 'ACLIMA', count: 2, texts: ['AC\u202eLIMA', 'ACL\u200bIMA\n'] }],
      records,
      'https://news.example/',
      dataset.asOf,
      today,
    );
    const { data } = Papa.parse<Record<string, string>>(csv, { header: true });
    expect(data[0]!.matched_text).toBe('ACLIMA | ACLIMA ');
  });

  it('names the file after the host and the day', () => {
    expect(pageExportFileName('https://www.example.org/x', today)).toBe(
      'cluster-lens-www.example.org-2026-11-24.csv',
    );
    expect(pageExportFileName('not a url', today)).toBe('cluster-lens-page-2026-11-24.csv');
  });
});
