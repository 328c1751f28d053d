import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClusterRecord, Dataset } from '~/lib/dataset/model';
import { parseClusterCsv } from '~/lib/dataset/parse-csv';
import { recordsToCsv } from '~/lib/dataset/export';
import { applyFilters, NO_FILTERS } from '~/lib/search/filters';
import { recordsToListText } from '~/lib/search/result-list-text';
import { sortByName, sortContext, sortResults } from '~/lib/search/sort';
import { summarise } from '~/lib/search/summary';
import { testRecord } from '../record-fixture';

const dataset = JSON.parse(readFileSync('data/generated/dataset.json', 'utf8')) as Dataset;
const today = new Date('2026-02-01T00:00:00Z');
const all = dataset.records.map((record) => ({ record, score: 0 }));
const ids = (items: readonly { record: ClusterRecord }[]) => items.map((i) => i.record.id);

/** The most frequent value of a list-valued field, worked out here from the data. */
function mostCommon(values: string[][]): string {
  const counts = new Map<string, number>();
  for (const list of values) for (const v of new Set(list)) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}

describe('sector and region filters', () => {
  it('keeps exactly the records that list the chosen sector', () => {
    const sector = mostCommon(dataset.records.map((r) => r.sectors));
    const { items, facets } = applyFilters(all, { ...NO_FILTERS, sector }, today);
    const expected = dataset.records.filter((r) => r.sectors.includes(sector)).map((r) => r.id);
    expect(ids(items)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(1);
    // Its own facet ignores it: every sector keeps its count over the whole dataset.
    expect(facets.sector.get(sector)).toBe(expected.length);
  });

  it('matches one region of a record that names several', () => {
    const listed = dataset.records.filter((r) => r.region?.includes('|'));
    expect(listed.length).toBeGreaterThan(0);
    const region = listed[0]!.region!.split('|')[1]!;
    const { items, facets } = applyFilters(all, { ...NO_FILTERS, region }, today);
    const expected = dataset.records.filter((r) => r.region?.split('|').includes(region));
    expect(ids(items)).toEqual(expected.map((r) => r.id));
    expect(ids(items)).toContain(listed[0]!.id);
    // A combined value is never offered as a region of its own.
    expect([...facets.region.keys()].filter((v) => v.includes('|'))).toEqual([]);
  });

  it('offers no "unknown" value, and a record without one is not matched', () => {
    const records = [
      testRecord({ id: 'a', sectors: ['energy', 'unknown'], region: 'Unknown' }),
      testRecord({ id: 'b', sectors: [], region: null }),
      testRecord({ id: 'c', sectors: ['energy'], region: 'Bayern' }),
    ].map((record) => ({ record, score: 0 }));
    const { facets } = applyFilters(records, NO_FILTERS, today);
    expect([...facets.sector]).toEqual([['energy', 2]]);
    expect([...facets.region]).toEqual([['Bayern', 1]]);
    expect(ids(applyFilters(records, { ...NO_FILTERS, sector: 'energy' }, today).items)).toEqual([
      'a',
      'c',
    ]);
    expect(ids(applyFilters(records, { ...NO_FILTERS, region: 'Bayern' }, today).items)).toEqual([
      'c',
    ]);
  });

  it('counts a sector facet with the other filters applied', () => {
    const sector = mostCommon(dataset.records.map((r) => r.sectors));
    const { facets } = applyFilters(all, { ...NO_FILTERS, level: 'bronze' }, today);
    expect(facets.sector.get(sector) ?? 0).toBe(
      dataset.records.filter((r) => r.label.level === 'bronze' && r.sectors.includes(sector))
        .length,
    );
  });
});

/** The name order of a language, written out here rather than taken from lib/search/sort. */
function namesIn(locale: string, records: readonly ClusterRecord[]): string[] {
  const c = new Intl.Collator(locale);
  return records
    .map((r, i) => ({ r, i }))
    .sort((a, b) => c.compare(a.r.name, b.r.name) || a.i - b.i)
    .map((x) => x.r.id);
}

describe('sorting the results', () => {
  const context = (locale: string) =>
    sortContext(sortByName(dataset.records, locale), locale, today);

  it('sorts by name in the UI language, stably', () => {
    for (const locale of ['en', 'de', 'pl']) {
      expect(ids(sortResults(all, 'name', context(locale)))).toEqual(
        namesIn(locale, dataset.records),
      );
    }
    // Equal names keep the order they came in.
    const twins = [
      testRecord({ id: 'second', name: 'Same' }),
      testRecord({ id: 'first', name: 'Same' }),
      testRecord({ id: 'other', name: 'Another' }),
    ];
    const ctx = sortContext(sortByName(twins, 'en'), 'en', today);
    expect(
      ids(
        sortResults(
          twins.map((record) => ({ record })),
          'name',
          ctx,
        ),
      ),
    ).toEqual(['other', 'second', 'first']);
  });

  it('sorts Polish names by the Polish alphabet (Ł after L)', () => {
    const records = ['Łódź Cluster', 'Lublin Cluster', 'Mazovia Cluster'].map((name) =>
      testRecord({ id: name, name }),
    );
    const ctx = sortContext(sortByName(records, 'pl'), 'pl', today);
    expect(
      ids(
        sortResults(
          records.map((record) => ({ record })),
          'name',
          ctx,
        ),
      ),
    ).toEqual(['Lublin Cluster', 'Łódź Cluster', 'Mazovia Cluster']);
  });

  it('keeps the search order for relevance', () => {
    const reversed = [...all].reverse();
    expect(ids(sortResults(reversed, 'relevance', context('en')))).toEqual(ids(reversed));
  });

  it('sorts by label: Gold, Silver, Bronze, unknown, none; by name within a level', () => {
    const rank = { gold: 0, silver: 1, bronze: 2, unknown: 3, none: 4 };
    const byName = namesIn('en', dataset.records);
    const expected = [...dataset.records]
      .sort(
        (a, b) =>
          rank[a.label.level] - rank[b.label.level] || byName.indexOf(a.id) - byName.indexOf(b.id),
      )
      .map((r) => r.id);
    expect(ids(sortResults(all, 'label', context('en')))).toEqual(expected);
  });

  it('sorts by validity: current (longest first), unpublished, expired (latest first), none', () => {
    const lastDay = (v: string) => {
      const [y, m, d] = v.split('-').map(Number);
      if (d) return v;
      const month = m ?? 12;
      return `${y}-${String(month).padStart(2, '0')}-${new Date(Date.UTC(y!, month, 0)).getUTCDate()}`;
    };
    const key = (r: ClusterRecord): [number, string] => {
      if (r.label.level === 'none' || r.label.level === 'unknown') return [3, ''];
      if (!r.label.validUntil) return [1, String(r.label.year ?? 0).padStart(4, '0')];
      const last = lastDay(r.label.validUntil);
      return [last >= '2026-02-01' ? 0 : 2, last];
    };
    const byName = namesIn('en', dataset.records);
    const expected = [...dataset.records]
      .sort((a, b) => {
        const [ga, wa] = key(a);
        const [gb, wb] = key(b);
        return (
          ga - gb || (wa < wb ? 1 : wa > wb ? -1 : 0) || byName.indexOf(a.id) - byName.indexOf(b.id)
        );
      })
      .map((r) => r.id);
    expect(ids(sortResults(all, 'validity', context('en')))).toEqual(expected);
  });

  it('sorts by country name in the UI language, records without a country last', () => {
    for (const locale of ['en', 'de']) {
      const names = new Intl.DisplayNames([locale], { type: 'region' });
      const c = new Intl.Collator(locale);
      const byName = namesIn(locale, dataset.records);
      const expected = [...dataset.records]
        .sort(
          (a, b) =>
            (a.country === null ? 1 : 0) - (b.country === null ? 1 : 0) ||
            (a.country && b.country ? c.compare(names.of(a.country)!, names.of(b.country)!) : 0) ||
            byName.indexOf(a.id) - byName.indexOf(b.id),
        )
        .map((r) => r.id);
      expect(ids(sortResults(all, 'country', context(locale)))).toEqual(expected);
    }
  });
});

describe('the summary of the results', () => {
  it('counts the levels, unknown labels and ECCP members', () => {
    const s = summarise(dataset.records);
    const count = (p: (r: ClusterRecord) => boolean) => dataset.records.filter(p).length;
    expect(s).toEqual({
      total: dataset.records.length,
      gold: count((r) => r.label.level === 'gold'),
      silver: count((r) => r.label.level === 'silver'),
      bronze: count((r) => r.label.level === 'bronze'),
      labelUnknown: count((r) => r.label.level === 'unknown'),
      eccpMembers: count((r) => r.eccp.status === 'member'),
    });
  });
});

describe('the results as files and text', () => {
  it('exports results that our own import reads back, formula cells and all', () => {
    const risky = testRecord({
      id: 'risky',
      name: '=HYPERLINK("http://example.org","x")',
      country: 'FR',
      sources: ['https://example.org/a'],
    });
    const chosen = [...dataset.records.slice(0, 5), risky];
    const csv = recordsToCsv(chosen);
    expect(csv).toContain(`"'=HYPERLINK(`);
    const parsed = parseClusterCsv(csv);
    expect(parsed.ok && parsed.records.map((r) => r.id)).toEqual(chosen.map((r) => r.id));
    expect(parsed.ok && parsed.records.at(-1)!.name).toBe(risky.name);
  });

  it('copies one line per organisation, with its label and country, never more lines', () => {
    const records = [
      testRecord({ name: 'Alpha\nCluster\u202e', country: 'FR' }),
      testRecord({ name: 'Beta', country: null }),
    ];
    const text = recordsToListText(records, {
      label: (r) => r.label.level,
      country: (r) => r.country ?? '?',
      line: (n, l, c) => `${n} | ${l} | ${c}`,
    });
    expect(text).toBe('Alpha Cluster | unknown | FR\nBeta | unknown | ?\n');
    expect(recordsToListText([], { label: String, country: String, line: String })).toBe('');
  });
});
