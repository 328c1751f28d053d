import { countryName } from '../country-display';
import type { ClusterRecord, LabelLevel } from '../dataset/model';
import { collator } from '../intl-cache';
import { labelStatus } from '../label-status';

/** How the popup orders its results. `relevance` is the search's own order (best match first). */
export const SORT_KEYS = ['relevance', 'name', 'label', 'validity', 'country'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Gold first; a level no source states and "no label" last. */
const LEVEL_RANK: Record<LabelLevel, number> = {
  gold: 0,
  silver: 1,
  bronze: 2,
  unknown: 3,
  none: 4,
};

/** Current labels first, then those with no published validity, then expired, then none. */
const VALIDITY_RANK = { current: 0, undated: 1, expired: 2, 'not-labelled': 3 } as const;

/**
 * What ordering needs to know once per dataset and language: each record's place in the
 * name order of the UI language (so every sort breaks ties by name without calling the collator
 * again), and each country's place in the order of country names.
 */
export interface SortContext {
  nameRank: ReadonlyMap<ClusterRecord, number>;
  countryRank: ReadonlyMap<string, number>;
  today: Date;
}

/** Records in name order for `locale` (stable: equal names keep the dataset's order). */
export function sortByName(records: readonly ClusterRecord[], locale: string): ClusterRecord[] {
  const compare = collator(locale).compare;
  return [...records].sort((a, b) => compare(a.name, b.name));
}

/** `byName`: the records already in name order (see sortByName). */
export function sortContext(
  byName: readonly ClusterRecord[],
  locale: string,
  today: Date,
): SortContext {
  const nameRank = new Map(byName.map((r, i) => [r, i]));
  const countries = [...new Set(byName.flatMap((r) => (r.country ? [r.country] : [])))];
  const compare = collator(locale).compare;
  const names = new Map(countries.map((c) => [c, countryName(c, locale)]));
  countries.sort((a, b) => compare(names.get(a)!, names.get(b)!) || (a < b ? -1 : 1));
  return { nameRank, countryRank: new Map(countries.map((c, i) => [c, i])), today };
}

/**
 * A label's validity as one number, larger for a label that lasts longer: the last valid day
 * for a dated label (`YYYYMMDD`), the award year for one without published validity.
 */
function validityKey(record: ClusterRecord, today: Date): [rank: number, when: number] {
  const status = labelStatus(record.label, today);
  switch (status.kind) {
    case 'current':
    case 'expired':
      return [VALIDITY_RANK[status.kind], Number(status.lastValidDay.replaceAll('-', ''))];
    case 'undated':
      return [VALIDITY_RANK.undated, status.awardYear ?? 0];
    case 'not-labelled':
      return [VALIDITY_RANK['not-labelled'], 0];
  }
}

/**
 * The items in the chosen order. Every order but relevance ends in the name order, so equal
 * keys read alphabetically; the sort is stable, so relevance keeps the search's order.
 *
 * - name: the UI language's alphabetical order (Intl.Collator).
 * - label: Gold, Silver, Bronze, label unknown, no label.
 * - validity: current labels (valid longest first), labels without published validity
 *   (latest award first), expired labels (latest expiry first), then unlabelled.
 * - country: by country name in the UI language; records without a country last.
 */
export function sortResults<T extends { record: ClusterRecord }>(
  items: readonly T[],
  key: SortKey,
  context: SortContext,
): T[] {
  if (key === 'relevance') return [...items];
  const { nameRank, countryRank, today } = context;
  // One number per item for the key and one for its name, compared without allocating:
  // on every keystroke, for up to every record.
  let primary: (r: ClusterRecord) => number;
  switch (key) {
    case 'name':
      primary = () => 0;
      break;
    case 'label':
      primary = (r) => LEVEL_RANK[r.label.level];
      break;
    case 'validity':
      primary = (r) => {
        const [rank, when] = validityKey(r, today);
        // Within a group, later dates first (`when` is at most 8 digits).
        return rank * 1e9 + (99_999_999 - when);
      };
      break;
    case 'country':
      primary = (r) =>
        r.country === null
          ? Number.MAX_SAFE_INTEGER
          : (countryRank.get(r.country) ?? Number.MAX_SAFE_INTEGER - 1);
      break;
  }
  const n = items.length;
  const keys = new Float64Array(n);
  const names = new Float64Array(n);
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const record = items[i]!.record;
    keys[i] = primary(record);
    names[i] = nameRank.get(record) ?? Number.MAX_SAFE_INTEGER;
    order[i] = i;
  }
  order.sort((a, b) => keys[a]! - keys[b]! || names[a]! - names[b]! || a - b);
  return order.map((i) => items[i]!);
}
