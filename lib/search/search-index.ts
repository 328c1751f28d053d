import Fuse, { type FuseIndex } from 'fuse.js';
import { countryName } from '../country-display';
import type { ClusterRecord, Dataset } from '../dataset/model';
import {
  foldForSearch,
  FUSE_OPTIONS,
  FUZZY_THRESHOLD,
  KEY_PENALTY,
  SEARCH_KEYS,
  SEARCH_LOCALES,
  WORD,
  type SearchDoc,
} from './search-config';

/**
 * The popup's search. Fuse matches each query word against the dataset's vocabulary (every
 * distinct word of the searched fields, a few thousand at most) rather than against every
 * field of every record: cost grows with the vocabulary, not with the number of records, which
 * keeps a keystroke under a few milliseconds at 10,000 records. Postings map each word back to
 * the records and fields it occurs in; a record matches when every query word does.
 */

/** What scripts/build-data.ts writes to data/generated/search-index.json. */
export interface PrebuiltSearchIndex {
  /** Which records (and in which order) it was built from; see `datasetFingerprint`. */
  fingerprint: string;
  /** The locales whose country names it holds. */
  locales: string[];
  /** The vocabulary: every distinct folded word of the searched fields. */
  terms: string[];
  /** Per term, where it occurs: `recordIndex * KEY_SLOTS + keyIndex` (SEARCH_KEYS order). */
  postings: number[][];
  /** Fuse's index of `terms`, made with `Fuse.createIndex` at build time. */
  index: ReturnType<FuseIndex<string>['toJSON']>;
}

const KEY_SLOTS = 8;

/**
 * A short hash of the records' ids, names and order: a prebuilt index fits a dataset only if
 * the fingerprints agree. FNV-1a, 32 bits: cheap enough to compute when the popup opens.
 */
export function datasetFingerprint(dataset: Pick<Dataset, 'asOf' | 'records'>): string {
  let hash = 0x811c9dc5;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  };
  feed(dataset.asOf);
  for (const r of dataset.records) feed(`\u0000${r.id}\u0001${r.name}`);
  return `${dataset.records.length}-${hash.toString(16).padStart(8, '0')}`;
}

/** The text searched for one record, folded, with the country's name in every given locale. */
export function toSearchDoc(record: ClusterRecord, locales: readonly string[]): SearchDoc {
  const code = record.country;
  const country = code ? [code, ...new Set(locales.map((l) => countryName(code, l)))] : [];
  return {
    name: foldForSearch(record.name),
    acronym: foldForSearch(record.acronym ?? ''),
    aliases: record.aliases.map(foldForSearch),
    city: foldForSearch(record.city ?? ''),
    // Some regions list several ("Bretagne|Pays de la Loire|Normandie").
    region: foldForSearch((record.region ?? '').replaceAll('|', ' ')),
    country: country.map(foldForSearch),
    sectors: record.sectors.map(foldForSearch),
  };
}

/** Locales whose country names a search needs: the shipped ones plus the UI language. */
export function searchLocales(uiLocale: string): string[] {
  return [...new Set<string>([...SEARCH_LOCALES, uiLocale])];
}

/**
 * Whether `locale` names every country of the records as one of `locales` does, so an index
 * built with it as well would be the same (`toSearchDoc` keeps each distinct name once): an
 * `en-US` browser can use the index prebuilt for `en`, a German one cannot.
 */
function namesAlreadyIn(
  records: readonly ClusterRecord[],
  locale: string,
  locales: readonly string[],
): boolean {
  const codes = new Set<string>();
  for (const r of records) if (r.country) codes.add(r.country);
  for (const code of codes) {
    const name = countryName(code, locale);
    if (!locales.some((l) => countryName(code, l) === name)) return false;
  }
  return true;
}

/** The vocabulary, its postings and Fuse's index of it, for a dataset and a set of locales. */
export function buildSearchIndex(
  dataset: Pick<Dataset, 'asOf' | 'records'>,
  locales: readonly string[] = SEARCH_LOCALES,
): PrebuiltSearchIndex {
  const termIds = new Map<string, number>();
  const postings: number[][] = [];
  dataset.records.forEach((record, r) => {
    const doc = toSearchDoc(record, locales);
    SEARCH_KEYS.forEach(({ name }, k) => {
      const seen = new Set<string>();
      for (const text of [doc[name]].flat()) {
        for (const word of text.match(WORD) ?? []) {
          if (seen.has(word)) continue;
          seen.add(word);
          let id = termIds.get(word);
          if (id === undefined) {
            id = postings.length;
            termIds.set(word, id);
            postings.push([]);
          }
          postings[id]!.push(r * KEY_SLOTS + k);
        }
      }
    });
  });
  const terms = [...termIds.keys()];
  return {
    fingerprint: datasetFingerprint(dataset),
    locales: [...locales],
    terms,
    postings,
    index: Fuse.createIndex<string>([], terms).toJSON(),
  };
}

export interface SearchHit {
  record: ClusterRecord;
  /** 0 is a perfect match; lower is better. */
  score: number;
}

interface IndexRecord {
  i: number;
  v?: string;
  n?: number;
}

/** Searches one dataset's records; made once per dataset, then queried on every keystroke. */
export class ClusterSearch {
  /** Whether the build's prebuilt index was used (false: it was built when the popup opened). */
  readonly usedPrebuilt: boolean;
  private readonly records: readonly ClusterRecord[];
  private readonly terms: readonly string[];
  private readonly postings: readonly (readonly number[])[];
  private readonly indexRecords: readonly IndexRecord[];
  private readonly indexKeys: ReturnType<FuseIndex<string>['toJSON']>['keys'];
  /** Bigram → the terms that contain it, to pick the few terms worth handing to Fuse. */
  private readonly bigrams = new Map<string, number[]>();

  private constructor(
    records: readonly ClusterRecord[],
    built: PrebuiltSearchIndex,
    prebuilt: boolean,
  ) {
    this.records = records;
    this.terms = built.terms;
    this.postings = built.postings;
    const index = Fuse.parseIndex<string>(built.index);
    this.indexRecords = index.records;
    this.indexKeys = index.keys;
    this.usedPrebuilt = prebuilt;
    built.terms.forEach((term, t) => {
      for (const gram of new Set(bigramsOf(term))) {
        let list = this.bigrams.get(gram);
        if (!list) this.bigrams.set(gram, (list = []));
        list.push(t);
      }
    });
  }

  /**
   * For a dataset, with the prebuilt index when it fits (same records, and it holds the UI
   * language's country names), else an index built now (an imported dataset).
   */
  static forDataset(
    dataset: Pick<Dataset, 'asOf' | 'origin' | 'records'>,
    uiLocale: string,
    prebuilt?: PrebuiltSearchIndex | null,
  ): ClusterSearch {
    const locales = searchLocales(uiLocale);
    const fits =
      prebuilt !== null &&
      prebuilt !== undefined &&
      dataset.origin === 'bundled' &&
      prebuilt.fingerprint === datasetFingerprint(dataset) &&
      locales.every(
        (l) => prebuilt.locales.includes(l) || namesAlreadyIn(dataset.records, l, prebuilt.locales),
      );
    if (fits) return new ClusterSearch(dataset.records, prebuilt, true);
    return new ClusterSearch(dataset.records, buildSearchIndex(dataset, locales), false);
  }

  /** Records matching every word of the query, best first; an empty query matches nothing. */
  search(query: string): SearchHit[] {
    const words = [...new Set(foldForSearch(query).match(WORD) ?? [])];
    if (words.length === 0) return [];
    let scores: Map<number, number> | null = null;
    for (const word of words) {
      const wordScores = this.recordScores(word);
      if (scores === null) {
        scores = wordScores;
        continue;
      }
      const both = new Map<number, number>();
      for (const [r, s] of scores) {
        const other = wordScores.get(r);
        if (other !== undefined) both.set(r, s + other);
      }
      scores = both;
      if (scores.size === 0) break;
    }
    const hits = [...scores!].map(([r, s]) => ({
      record: this.records[r]!,
      score: s / words.length,
    }));
    return hits.sort(
      (a, b) =>
        a.score - b.score ||
        a.record.name.length - b.record.name.length ||
        a.record.name.localeCompare(b.record.name),
    );
  }

  /** For one query word: each record it matches, with its best score over fields. */
  private recordScores(word: string): Map<number, number> {
    const out = new Map<number, number>();
    for (const [t, termScore] of this.matchTerms(word)) {
      for (const posting of this.postings[t]!) {
        const r = Math.floor(posting / KEY_SLOTS);
        const score = termScore + KEY_PENALTY[posting % KEY_SLOTS]!;
        const best = out.get(r);
        if (best === undefined || score < best) out.set(r, score);
      }
    }
    return out;
  }

  /** The vocabulary's words that match a query word, with a score (0 best). */
  private matchTerms(word: string): Map<number, number> {
    const out = new Map<number, number>();
    if (word.length === 1) {
      // One letter is the start of typing: words that begin with it.
      this.terms.forEach((term, t) => {
        if (term.startsWith(word)) out.set(t, term === word ? 0 : 0.05);
      });
      return out;
    }
    // q-gram lemma: a word within k edits of a substring of a term shares at least
    // m + 1 - 2(k + 1) of its m - 1 bigrams with it. Only those terms go to Fuse.
    const grams = [...new Set(bigramsOf(word))];
    const k = Math.floor(FUZZY_THRESHOLD * word.length);
    const needed = Math.max(1, word.length + 1 - 2 * (k + 1));
    const shared = new Map<number, number>();
    for (const gram of grams) {
      for (const t of this.bigrams.get(gram) ?? []) shared.set(t, (shared.get(t) ?? 0) + 1);
    }
    const candidates: IndexRecord[] = [];
    for (const [t, count] of shared) if (count >= needed) candidates.push(this.indexRecords[t]!);
    if (candidates.length === 0) return out;
    const fuse = new Fuse<string>(
      this.terms,
      FUSE_OPTIONS,
      Fuse.parseIndex<string>({ keys: this.indexKeys, records: candidates }),
    );
    for (const hit of fuse.search(word)) {
      const term = hit.item;
      // Fuse scores any exact substring 0; a whole word or a word's start is the better hit.
      const place = term === word ? 0 : term.startsWith(word) ? 0.02 : 0.05;
      out.set(hit.refIndex, (hit.score ?? 0) + place);
    }
    return out;
  }
}

function bigramsOf(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) out.push(text.slice(i, i + 2));
  return out;
}
