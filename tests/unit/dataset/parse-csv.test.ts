// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseClusterCsv } from '~/lib/dataset/parse-csv';
import { formatProblem } from '~/lib/dataset/row-problem';

const today = new Date('2026-11-24T12:00:00Z');
const fixture = (name: string) => readFileSync(`tests/fixtures/bad-csv/${name}`, 'utf8');
const problemsOf = (text: string) => {
  const result = parseClusterCsv(text, { today });
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.problems;
};

describe('parseClusterCsv on the project data', () => {
  const result = parseClusterCsv(readFileSync('data/clusters.csv', 'utf8'), { today });

  it('accepts every row of data/clusters.csv', () => {
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.records.length).toBeGreaterThanOrEqual(285);
  });

  it('keeps the facts of a sourced row as written, with derived ECCP membership', () => {
    if (!result.ok) return;
    const si = result.records.find((r) => r.id === 'si-cluster');
    expect(si).toMatchObject({
      name: 'si-Cluster',
      country: 'GR',
      label: { level: 'gold' },
      eccp: {
        status: 'member',
        rule: 'profile-seen',
        url: 'https://clustercollaboration.eu/cluster-organisations/si-cluster',
      },
    });
    expect(si?.sources.length).toBeGreaterThan(0);
  });

  it('gives every record a unique slug id and at least one http(s) source', () => {
    if (!result.ok) return;
    const ids = new Set(result.records.map((r) => r.id));
    expect(ids.size).toBe(result.records.length);
    for (const r of result.records) {
      expect(r.sources.length).toBeGreaterThan(0);
      for (const s of r.sources) expect(s).toMatch(/^https?:\/\//);
    }
  });
});

describe('parseClusterCsv rejects a bad row with its row, column and reason', () => {
  const cases: [file: string, column: string | null, message: RegExp][] = [
    ['unknown-label.csv', 'label', /unknown label level "platinum"/],
    ['malformed-date.csv', 'label_valid_until', /"2019-13" is not a date/],
    ['website-not-http.csv', 'website', /is not an http\(s\) URL: "javascript:alert\(1\)"/],
    ['no-source.csv', 'source_urls', /no source/],
    ['future-year.csv', 'label_year', /2099 is in the future/],
    ['bad-country.csv', 'country', /"UK" is not an ISO 3166-1 alpha-2 code/],
    ['duplicate-id.csv', 'id', /id "valorial" is already used by row 2/],
    ['html-name.csv', 'name', /looks like HTML markup/],
    ['eccp-yes-without-url.csv', 'eccp_url', /no profile URL/],
    [
      'unknown-match.csv',
      'match',
      /"sometimes" is not a matching rule \(expected strict, context, loose or blank\)/,
    ],
  ];
  it.each(cases)('%s', (file, column, message) => {
    const problems = problemsOf(fixture(file));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ row: 3, column });
    expect(problems[0]?.message).toMatch(message);
  });

  it('names every missing column before reading rows', () => {
    expect(problemsOf(fixture('missing-column.csv'))).toEqual([
      { row: 1, column: null, message: 'missing columns: label' },
    ]);
  });

  it('explains a file separated by semicolons', () => {
    expect(problemsOf(fixture('semicolons.csv'))[0]?.message).toMatch(/must use commas/);
  });

  it('reports every problem of a file, not only the first', () => {
    const text = fixture('unknown-label.csv').replaceAll(
      'https://www.pole-valorial.fr,food',
      'ftp://x,food',
    );
    const problems = problemsOf(text);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'website'],
      [3, 'label'],
      [3, 'website'],
    ]);
  });
});

describe('parseClusterCsv file-level problems', () => {
  it('rejects an empty file', () => {
    expect(problemsOf('   \n')).toEqual([
      { row: null, column: null, message: 'the file is empty' },
    ]);
  });
  it('rejects text that was not UTF-8', () => {
    expect(problemsOf('id,name\nx,Caf\uFFFD\n')[0]?.message).toMatch(/not valid UTF-8/);
  });
  it('accepts a byte-order mark', () => {
    expect(
      parseClusterCsv(`\uFEFF${fixture('unknown-label.csv').split('\n').slice(0, 2).join('\n')}`, {
        today,
      }).ok,
    ).toBe(true);
  });
  it('rejects an unknown column instead of silently dropping it', () => {
    const text = fixture('unknown-label.csv').replace('notes', 'notez');
    expect(problemsOf(text)).toContainEqual({
      row: 1,
      column: 'notez',
      message: 'unknown column (check its spelling)',
    });
  });
});
