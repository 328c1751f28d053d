import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '~/lib/dataset/model';
import { applyFilters, NO_FILTERS } from '~/lib/search/filters';
import { buildSearchIndex, ClusterSearch, searchLocales } from '~/lib/search/search-index';

const dataset = JSON.parse(readFileSync('data/generated/dataset.json', 'utf8')) as Dataset;
const prebuilt = JSON.parse(JSON.stringify(buildSearchIndex(dataset))) as ReturnType<
  typeof buildSearchIndex
>;
const search = ClusterSearch.forDataset(dataset, 'en', prebuilt);
const first = (q: string) => search.search(q)[0]?.record.name;

describe('popup search', () => {
  it('uses the prebuilt index for the bundled dataset, and builds one for an import', () => {
    expect(search.usedPrebuilt).toBe(true);
    expect(
      ClusterSearch.forDataset({ ...dataset, origin: 'imported' }, 'en', prebuilt).usedPrebuilt,
    ).toBe(false);
    // A UI language the build did not cover needs its country names: built at runtime.
    expect(ClusterSearch.forDataset(dataset, 'de', prebuilt).usedPrebuilt).toBe(false);
  });
  it('uses the prebuilt index for a regional English browser, whose country names it holds', () => {
    // Chromium reports `en-US`: building the index at every open cost the popup ~30 ms.
    expect(ClusterSearch.forDataset(dataset, 'en-US', prebuilt).usedPrebuilt).toBe(true);
    expect(ClusterSearch.forDataset(dataset, 'en-GB', prebuilt).usedPrebuilt).toBe(true);
    // The same index as one built for that locale.
    const { terms, postings } = buildSearchIndex(dataset, searchLocales('en-US'));
    expect({ terms, postings }).toEqual({ terms: prebuilt.terms, postings: prebuilt.postings });
    expect(ClusterSearch.forDataset(dataset, 'de-AT', prebuilt).usedPrebuilt).toBe(false);
  });
  it('finds names despite typos, accents and word order', () => {
    expect(first('valorial')).toBe('Valorial');
    expect(first('valorail')).toBe('Valorial');
    expect(first('kosice')).toBe('IT Valley Košice');
    expect(first('bydgoski klaster')).toBe('Bydgoski Klaster Przemysłowy');
    expect(first('klaster bydgoski')).toBe('Bydgoski Klaster Przemysłowy');
    expect(search.search('tecnologia').map((h) => h.record.id)).toContain(
      'lombardy-energy-cleantech-cluster',
    );
  });
  it('finds countries by their English and Italian names', () => {
    const de = dataset.records.filter((r) => r.country === 'DE').length;
    expect(search.search('germania').filter((h) => h.record.country === 'DE')).toHaveLength(de);
    expect(search.search('germany').filter((h) => h.record.country === 'DE')).toHaveLength(de);
  });
  it('matches nothing for an empty or unrelated query', () => {
    expect(search.search('  ')).toEqual([]);
    expect(search.search('zzzzqqq')).toEqual([]);
  });
});

describe('filters', () => {
  const today = new Date('2026-02-01T00:00:00Z');
  const all = dataset.records.map((record) => ({ record, score: 0 }));
  it('counts each value with the other filters applied', () => {
    const { items, facets } = applyFilters(all, { ...NO_FILTERS, level: 'gold' }, today);
    expect(items).toHaveLength(dataset.records.filter((r) => r.label.level === 'gold').length);
    // The level facet ignores the level filter itself: every level keeps its full count.
    expect(facets.level.get('silver')).toBe(
      dataset.records.filter((r) => r.label.level === 'silver').length,
    );
    expect(facets.country.get('FR')).toBe(
      dataset.records.filter((r) => r.label.level === 'gold' && r.country === 'FR').length,
    );
  });
});
