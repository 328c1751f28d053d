/**
 * Per-keystroke search time of the popup, on the real dataset and on a 10,000-record synthetic
 * one: every prefix of a set of queries, as typed. Baseline in the same run: plain Fuse over
 * every field of every record (what the popup would do without the vocabulary index).
 *
 *   npx tsx scripts/bench/search.ts
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { Dataset } from '../../lib/dataset/model';
import {
  foldForSearch,
  FUSE_OPTIONS,
  SEARCH_KEYS,
  type SearchDoc,
} from '../../lib/search/search-config';
import {
  buildSearchIndex,
  ClusterSearch,
  toSearchDoc,
  type PrebuiltSearchIndex,
} from '../../lib/search/search-index';
import { applyFilters, NO_FILTERS } from '../../lib/search/filters';
import { sortByName, sortContext, sortResults } from '../../lib/search/sort';
import { summarise } from '../../lib/search/summary';
import { syntheticDataset } from './synthetic-dataset';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const QUERIES = [
  'valorial',
  'valorail',
  'bydgoski klaster',
  'tecnologia',
  'kosice',
  'silicon saxony',
  'francia',
  'energy cluster',
  'bkp',
  'pole mer',
];

/** Every prefix of every query: what the search sees keystroke by keystroke. */
const KEYSTROKES = QUERIES.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function time(run: (query: string) => unknown, rounds: number): number[] {
  for (const q of KEYSTROKES) run(q); // warm up
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of KEYSTROKES) {
      const t = performance.now();
      run(q);
      out.push(performance.now() - t);
    }
  }
  return out.sort((a, b) => a - b);
}

export async function runSearchBench(): Promise<void> {
  const real = JSON.parse(
    readFileSync(join(root, 'data/generated/dataset.json'), 'utf8'),
  ) as Dataset;
  const rows: Record<string, string | number>[] = [];
  for (const [name, dataset, rounds] of [
    ['real', real, 5],
    ['synthetic 10k', syntheticDataset(real, 10_000), 1],
  ] as const) {
    let t = performance.now();
    const prebuilt = JSON.parse(JSON.stringify(buildSearchIndex(dataset))) as PrebuiltSearchIndex;
    const buildMs = performance.now() - t;
    t = performance.now();
    const search = ClusterSearch.forDataset({ ...dataset, origin: 'bundled' }, 'en', prebuilt);
    const loadMs = performance.now() - t;
    const ours = time((q) => search.search(q), rounds);
    // What the popup does per keystroke after the search: facets for every filter, the
    // chosen order (label here: a full sort) and the summary line.
    const today = new Date();
    const ordering = sortContext(sortByName(dataset.records, 'en'), 'en', today);
    const withList = time((q) => {
      const { items } = applyFilters(search.search(q), NO_FILTERS, today);
      return summarise(sortResults(items, 'label', ordering).map((h) => h.record));
    }, rounds);

    const docs = dataset.records.map((r) => toSearchDoc(r, ['en', 'it']));
    const fuse = new Fuse<SearchDoc>(docs, {
      ...(FUSE_OPTIONS as unknown as IFuseOptions<SearchDoc>),
      keys: SEARCH_KEYS,
    });
    const baseline = time((q) => fuse.search(foldForSearch(q)), 1);

    const p95 = percentile(ours, 95);
    const baseP95 = percentile(baseline, 95);
    rows.push({
      dataset: name,
      records: dataset.records.length,
      terms: prebuilt.terms.length,
      'index build ms': buildMs.toFixed(1),
      'load ms': loadMs.toFixed(1),
      keystrokes: ours.length,
      'p50 ms': percentile(ours, 50).toFixed(3),
      'p95 ms': p95.toFixed(3),
      'max ms': ours[ours.length - 1]!.toFixed(3),
      '+ filters, sort, summary p95 ms': percentile(withList, 95).toFixed(3),
      'baseline p95 ms': baseP95.toFixed(2),
      speed: `${(baseP95 / p95).toFixed(0)}×`,
    });
  }
  console.log('Popup search, per keystroke (baseline: Fuse over every field of every record)');
  console.table(rows);
  await Promise.resolve();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runSearchBench();
}
