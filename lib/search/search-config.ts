import type { IFuseOptions } from 'fuse.js';

/**
 * The one place that says what the popup's search looks at and how fuzzy it is. The build
 * (scripts/build-data.ts, prebuilt index) and the popup (search at runtime) both read it, so a
 * prebuilt index always fits the options it is searched with.
 */

/** The UI languages we ship (locales/*.yml): country names are searchable in each of them. */
export const SEARCH_LOCALES = ['en', 'it'] as const;

/**
 * One record as the search sees it: every text already folded (see `foldForSearch`), so Fuse
 * compares plain lower-case letters and does no Unicode work per keystroke.
 */
export interface SearchDoc {
  name: string;
  acronym: string;
  aliases: string[];
  city: string;
  region: string;
  /** ISO code and the country's name in every SEARCH_LOCALES language and in the UI language. */
  country: string[];
  sectors: string[];
}

/** The largest share of a query word's letters that may be wrong (Fuse's `threshold`). */
export const FUZZY_THRESHOLD = 0.34;

/** Which fields are searched and how much a match in each counts. */
export const SEARCH_KEYS: { name: keyof SearchDoc; weight: number }[] = [
  { name: 'name', weight: 3 },
  { name: 'acronym', weight: 2 },
  { name: 'aliases', weight: 2 },
  { name: 'city', weight: 1 },
  { name: 'region', weight: 1 },
  { name: 'country', weight: 1 },
  { name: 'sectors', weight: 0.5 },
];

/**
 * How much a match in a less important field costs on top of the word's own score (0 is
 * perfect, 1 no match): a name hit ranks above the same word in a city or a sector.
 */
export const KEY_PENALTY: readonly number[] = SEARCH_KEYS.map((k) => (1 - k.weight / 3) * 0.1);

/** The words of a folded text, as the index and the query split them. */
export const WORD = /[\p{L}\p{N}]+/gu;

/** Fuse's options for matching a query word against the index's words. */
export const FUSE_OPTIONS: IFuseOptions<string> = {
  includeScore: true,
  // A name is as likely to be found mid-string ("… Klaster Przemysłowy") as at its start.
  ignoreLocation: true,
  // Two errors in an eight-letter word ("valorail" → valorial), three in "tecnologia" →
  // "tecnologico"; short words must match almost exactly.
  threshold: FUZZY_THRESHOLD,
  minMatchCharLength: 2,
  // Words are folded ahead of time (foldForSearch), so Fuse's own ignoreDiacritics would only
  // NFD-normalise every word again on every keystroke.
  isCaseSensitive: true,
  ignoreDiacritics: false,
};

/** Letters that NFKD does not split into a base letter and a mark. */
const LETTERS: Record<string, string> = {
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ð: 'd',
  ı: 'i',
  ħ: 'h',
};
const SPECIAL = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');

/** Lower case, marks stripped, special letters spelled out, spaces and dashes unified. */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(SPECIAL, (ch) => LETTERS[ch] ?? ch)
    .replace(/[\s\u2010-\u2015-]+/g, ' ')
    .trim();
}
