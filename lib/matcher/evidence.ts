/**
 * The evidence rules for aliases that are also ordinary text. Two classes (lib/dataset/
 * alias-rules.ts, generic-names.ts):
 *
 * - an alias that `needsContext` (a common word, a short acronym) counts with any evidence: the
 *   same organisation named unambiguously in the same text or elsewhere on the page, its own
 *   city or region near it, a cluster word within a few words; and a name of several words
 *   also on a page about clusters (cluster or label vocabulary) or a page that names two other
 *   organisations unambiguously, unless it stands in a run of capitals;
 * - a `generic` alias (a generic phrase, a capitalised common abbreviation) only with strong
 *   evidence: the same organisation named elsewhere, or its own place near it. A cluster word or
 *   a page about clusters is where generic phrases occur as parts of other names.
 */
import type { AliasRule } from '../dataset/model';
import type { CompiledMatcher, Candidate } from './alias-matcher';
import { asciiWordMayCount, isClusterWordAt, splitsWords } from './cluster-words';
import { PAGE_ORGANISATIONS } from './cluster-page';
import {
  CHAR_WORD,
  MAX_CONNECTOR_UNITS,
  NormalizeBuffer,
  charClassAt,
  isWordUnit,
  normalizeForMatching,
  normalizeString,
  originalEnd,
} from './normalize';

/** Why a match counts. Each kind has a plain-words line for the card (evidence-labels.ts). */
export type Evidence =
  /** The alias is distinctive on its own. */
  | 'not-needed'
  /** An alias of the same organisation that needs no context is in the same text. */
  | 'same-organisation'
  /** The caller's context (e.g. the page's other blocks) confirmed the organisation. */
  | 'page-context'
  /** The organisation's own city or region is named within a few words. */
  | 'place-near'
  /** A cluster word is within the window. */
  | 'cluster-word'
  /** The page speaks of clusters: label, programme or cluster-policy vocabulary. */
  | 'page-vocabulary'
  /** The page names at least two other organisations unambiguously. */
  | 'page-organisations';

export const EVIDENCE_KINDS: readonly Evidence[] = [
  'not-needed',
  'same-organisation',
  'page-context',
  'place-near',
  'cluster-word',
  'page-vocabulary',
  'page-organisations',
];

/** Evidence that lets a generic alias count; the others count for the weaker class only. */
export const STRONG_EVIDENCE: ReadonlySet<Evidence> = new Set<Evidence>([
  'not-needed',
  'same-organisation',
  'page-context',
  'place-near',
]);

export interface EvidenceContext {
  /**
   * Ids confirmed outside the text being matched, e.g. organisations the page names
   * unambiguously in other blocks. The content script passes what it found so far.
   */
  confirmedIds?: ReadonlySet<string>;
  /** The page speaks of clusters (cluster-vocabulary.ts found enough of its terms). */
  aboutClusters?: boolean;
  /** How many words either side are searched for a cluster word. Default 6. */
  window?: number;
}

export const DEFAULT_EVIDENCE_WINDOW = 6;
/** A place counts a little further away than a cluster word: "…, a cluster of firms in Ulm". */
const PLACE_WINDOW_FACTOR = 2;

export interface ResolvedCandidate {
  candidate: Candidate;
  aliasIndex: number;
  /** null: the alias needs context and none was found. */
  evidence: Evidence | null;
}

export function resolveEvidence(
  matcher: CompiledMatcher,
  text: string,
  candidates: readonly Candidate[],
  context: EvidenceContext = {},
): ResolvedCandidate[] {
  const { aliases } = matcher;
  const confirmedHere = new Set<string>();
  // A name two organisations share ("Finance Innovation") confirms neither: only evidence that
  // points at one of them (its other names on the page) does.
  const sharedBy = (c: Candidate) =>
    c.aliasIndexes.length > 1 && new Set(c.aliasIndexes.map((a) => aliases[a]?.id)).size > 1;
  for (const c of candidates) {
    if (sharedBy(c)) continue;
    for (const a of c.aliasIndexes) {
      const alias = aliases[a];
      if (alias && !alias.needsContext) confirmedHere.add(alias.id);
    }
  }
  const window = context.window ?? DEFAULT_EVIDENCE_WINDOW;
  const confirmedIds = context.confirmedIds;
  // Organisations named unambiguously on the page, here or in other blocks, besides `id`.
  const othersNamed = (id: string) => {
    let n = 0;
    for (const other of confirmedHere) if (other !== id && ++n >= PAGE_ORGANISATIONS) return true;
    if (confirmedIds) {
      for (const other of confirmedIds) {
        if (other !== id && !confirmedHere.has(other) && ++n >= PAGE_ORGANISATIONS) return true;
      }
    }
    return false;
  };
  return candidates.map((candidate) => {
    // How far the neighbourhood reaches, set by the first alias that looks at it; the
    // neighbourhood itself is read only when a rule needs it.
    let reach: number | undefined;
    let near: Neighbourhood | null | undefined;
    const neighbours = () => {
      if (near === undefined && reach !== undefined) near = neighbourhood(text, candidate, reach);
      return near ?? null;
    };
    // A cluster word near it, unless the text around it cannot hold one (cheaply seen).
    const clusterWordNear = () => {
      if (reach === undefined) return false;
      if (near === undefined && !mayHaveClusterWordNear(text, candidate, window, reach))
        return false;
      const n = neighbours();
      return n !== null && hasClusterWordNear(n, window);
    };
    const shared = sharedBy(candidate);
    // The weaker page-level evidence, kept while a stronger kind may still come from another alias.
    let fallback: ResolvedCandidate | null = null;
    for (const aliasIndex of candidate.aliasIndexes) {
      const alias = aliases[aliasIndex];
      if (!alias) continue;
      if (shared) {
        if (confirmedHere.has(alias.id))
          return { candidate, aliasIndex, evidence: 'same-organisation' };
        if (confirmedIds?.has(alias.id)) return { candidate, aliasIndex, evidence: 'page-context' };
        continue;
      }
      if (!alias.needsContext) return { candidate, aliasIndex, evidence: 'not-needed' };
      if (confirmedHere.has(alias.id))
        return { candidate, aliasIndex, evidence: 'same-organisation' };
      if (confirmedIds?.has(alias.id)) return { candidate, aliasIndex, evidence: 'page-context' };
      const places = placeTokens(matcher, aliasIndex);
      if (places.length > 0 || !alias.generic) {
        reach ??= places.length > 0 ? window * PLACE_WINDOW_FACTOR : window;
        const n = places.length > 0 ? neighbours() : null;
        if (n && hasPlaceNear(n, places, window * PLACE_WINDOW_FACTOR))
          return { candidate, aliasIndex, evidence: 'place-near' };
      }
      if (alias.generic) continue;
      if (clusterWordNear()) return { candidate, aliasIndex, evidence: 'cluster-word' };
      // Page-level evidence is not for a word in a run of capitals: a headline or a slogan
      // ("CLEAN ENERGY NOW", "MADE IN ITALY") on a page about clusters is still a slogan.
      // Nor for a single word: pages write NET, MADE or "Systematic" in other senses even when
      // they are about clusters; a name of several ordinary words ("Paper Province") is safer.
      if (fallback || !takesPageEvidence(alias)) continue;
      const n = neighbours();
      if (n && inCapitals(n, text, candidate)) continue;
      if (context.aboutClusters) fallback = { candidate, aliasIndex, evidence: 'page-vocabulary' };
      else if (othersNamed(alias.id))
        fallback = { candidate, aliasIndex, evidence: 'page-organisations' };
    }
    return fallback ?? { candidate, aliasIndex: candidate.aliasIndexes[0] ?? -1, evidence: null };
  });
}

const windowBuffer = new NormalizeBuffer();
/** Characters normalised on each side per word of window: generous for long words. */
const CHARS_PER_WORD = 40;
/** Words beyond the window on each side that the first, narrow window holds (see walkOut). */
const NARROW_MARGIN = 3;

/** The words around a candidate, normalised, its own words blanked. */
interface Neighbourhood {
  words: string[];
  original: (index: number) => string;
  /** Each token's [start, end) in the original text. */
  spans: (readonly [number, number])[];
  /** The candidate's first and last token. */
  first: number;
  last: number;
}

/**
 * The text a neighbourhood of `window` words is taken from: generous for long words, and
 * widened to whole words, so the window's edge cannot cut "Datencluster" down to "cluster".
 */
function generousWindow(text: string, candidate: Candidate, window: number): [number, number] {
  const reach = (window + 2) * CHARS_PER_WORD;
  let windowStart = Math.max(0, candidate.start - reach);
  while (windowStart > 0 && charClassAt(text, windowStart - 1) === CHAR_WORD) windowStart--;
  let windowEnd = Math.min(text.length, candidate.end + reach);
  while (windowEnd < text.length && charClassAt(text, windowEnd) === CHAR_WORD) windowEnd++;
  return [windowStart, windowEnd];
}

function neighbourhood(text: string, candidate: Candidate, window: number): Neighbourhood | null {
  const [windowStart, windowEnd] = generousWindow(text, candidate, window);
  // Most of that window is not needed: first the few words around the candidate, as written.
  const words = window + 1 + NARROW_MARGIN;
  const narrowStart = Math.max(windowStart, wordsBefore(text, candidate.start, words));
  const narrowEnd = Math.min(windowEnd, wordsAfter(text, candidate.end, words));
  const near = walkOut(text, candidate, window, narrowStart, narrowEnd, windowStart, windowEnd);
  if (near !== undefined) return near;
  return walkOut(text, candidate, window, windowStart, windowEnd, windowStart, windowEnd) ?? null;
}

/** Where the `count`-th run of word characters before `offset` starts (0 if fewer). */
function wordsBefore(text: string, offset: number, count: number): number {
  let k = offset;
  for (let n = 0; n < count && k > 0; n++) {
    while (k > 0 && !isWordAt(text, k - 1)) k--;
    while (k > 0 && isWordAt(text, k - 1)) k--;
  }
  return k;
}

/** Where the `count`-th run of word characters from `offset` ends (the text's end if fewer). */
function wordsAfter(text: string, offset: number, count: number): number {
  let k = offset;
  for (let n = 0; n < count && k < text.length; n++) {
    while (k < text.length && !isWordAt(text, k)) k++;
    while (k < text.length && isWordAt(text, k)) k++;
  }
  return k;
}

/** charClassAt(text, k) === CHAR_WORD, without a call for ASCII. */
function isWordAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  return charClassAt(text, k) === CHAR_WORD;
}

/**
 * The neighbourhood found in the window [windowStart, windowEnd) of the text, a part of the
 * generous window [widestStart, widestEnd); undefined when the generous window could find other
 * words. The normaliser is local: a window's edges change only its first word (a connector there
 * is read as a word, as nothing precedes it) and its last (a connector there has no space after
 * it yet), and the whitespace next to them; from the first letter after that it writes what any
 * wider window writes. So when a word of the window lies beyond the words taken on each side, or
 * the window ends where the generous one does, the generous window finds the same words.
 */
function walkOut(
  text: string,
  candidate: Candidate,
  window: number,
  windowStart: number,
  windowEnd: number,
  widestStart: number,
  widestEnd: number,
): Neighbourhood | null | undefined {
  const normalized = normalizeForMatching(text, false, windowBuffer, windowStart, windowEnd);
  const { units, length, starts } = normalized;
  let normStart = 0;
  while (normStart < length && (starts[normStart] ?? 0) < candidate.start) normStart++;
  let normEnd = normStart;
  while (normEnd < length && (starts[normEnd] ?? 0) < candidate.end) normEnd++;
  // Walk out one word further than the window on each side: neighbours decide some words.
  let from = normStart;
  for (let seen = 0; seen <= window && from > 0;) {
    while (from > 0 && !isWordUnit(units[from - 1] ?? 0)) from--;
    if (from === 0) break;
    while (from > 0 && isWordUnit(units[from - 1] ?? 0)) from--;
    seen++;
  }
  let to = normEnd;
  for (let seen = 0; seen <= window && to < length;) {
    while (to < length && !isWordUnit(units[to] ?? 0)) to++;
    if (to === length) break;
    while (to < length && isWordUnit(units[to] ?? 0)) to++;
    seen++;
  }
  let before = windowStart === widestStart;
  for (let k = from - 1; k >= 0 && !before; k--) before = isWordUnit(units[k] ?? 0);
  let after = windowEnd === widestEnd;
  for (let k = to; k < length && !after; k++) after = isWordUnit(units[k] ?? 0);
  if (!before || !after) return undefined;
  const words: string[] = [];
  // Offsets into the shared buffer are read now: the next normalisation overwrites it.
  const spans: (readonly [number, number])[] = [];
  let first = -1;
  let last = -1;
  for (let k = from; k < to;) {
    if (!isWordUnit(units[k] ?? 0)) {
      k++;
      continue;
    }
    const start = k;
    let word = '';
    while (k < to && isWordUnit(units[k] ?? 0)) word += String.fromCharCode(units[k++] ?? 0);
    // The candidate's own words are a name, not a neighbour: "klyngen NODE" is not "cluster node".
    const own = k > normStart && start < normEnd;
    if (first < 0 && k > normStart) first = last = words.length;
    else if (first >= 0 && start < normEnd) last = words.length;
    words.push(own ? '' : word);
    spans.push([starts[start] ?? 0, originalEnd(text, normalized, k - 1)]);
  }
  if (first < 0) return null;
  const original = (index: number) => {
    const span = spans[index];
    return span ? text.slice(span[0], span[1]) : '';
  };
  return { words, original, spans, first, last };
}

/**
 * False when no cluster word can be within `window` words of the candidate in its neighbourhood
 * of `reach` words, seen on the text as written, without normalising it: in ASCII text (and
 * SPLITTING_PUNCTUATION) each normalised word is a run of letters and digits in lower case, in
 * the same order; the runs left out are connector words (`and` → `&`), none longer than
 * MAX_CONNECTOR_UNITS. So the runs up to the `window`-th longer one on each side hold the
 * window's words. True when unsure (other text), for the full rules to decide.
 */
function mayHaveClusterWordNear(
  text: string,
  candidate: Candidate,
  window: number,
  reach: number,
): boolean {
  const [windowStart, windowEnd] = generousWindow(text, candidate, reach);
  let words = 0;
  for (let k = candidate.end; k < windowEnd && words < window;) {
    const c = text.charCodeAt(k);
    if (!isAsciiWordUnit(c)) {
      if (unsure(c)) return true;
      k++;
      continue;
    }
    const start = k;
    while (k < windowEnd && isAsciiWordUnit(text.charCodeAt(k))) k++;
    // What ends the run must split words: a soft hyphen, say, joins it to more letters.
    if (asciiWordMayCount(text, start, k) || unsure(text.charCodeAt(k))) return true;
    if (k - start > MAX_CONNECTOR_UNITS) words++;
  }
  words = 0;
  for (let k = candidate.start; k > windowStart && words < window;) {
    const c = text.charCodeAt(k - 1);
    if (!isAsciiWordUnit(c)) {
      if (unsure(c)) return true;
      k--;
      continue;
    }
    const end = k;
    while (k > windowStart && isAsciiWordUnit(text.charCodeAt(k - 1))) k--;
    if (asciiWordMayCount(text, k, end) || unsure(text.charCodeAt(k - 1))) return true;
    if (end - k > MAX_CONNECTOR_UNITS) words++;
  }
  return false;
}

/** A unit beyond ASCII that is not known to split words (NaN, beyond the text, is not). */
function unsure(c: number): boolean {
  return c >= 128 && !splitsWords(c);
}

function isAsciiWordUnit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

function isCapitalWord(word: string): boolean {
  return /\p{Lu}.*\p{Lu}/su.test(word) && !/\p{Ll}/u.test(word);
}

/**
 * Whether the word right before or after the candidate, with only spaces between, is written in
 * capitals too ("CLEAN og MADE" names two organisations; "MADE IN ITALY" is a slogan).
 */
function inCapitals(near: Neighbourhood, text: string, candidate: Candidate): boolean {
  const { original, first, last, spans } = near;
  const before = spans[first - 1];
  const after = spans[last + 1];
  return (
    (before !== undefined &&
      SPACES_ONLY.test(text.slice(before[1], candidate.start)) &&
      isCapitalWord(original(first - 1))) ||
    (after !== undefined &&
      SPACES_ONLY.test(text.slice(candidate.end, after[0])) &&
      isCapitalWord(original(last + 1)))
  );
}

const SPACES_ONLY = /^\s+$/u;
const MULTI_WORD = /[\p{L}\p{N}][^\p{L}\p{N}]+[\p{L}\p{N}]/u;

/**
 * Whether page-level evidence (a page about clusters, other organisations named) can confirm
 * the alias: a name of several ordinary words, not a generic name and not a single word.
 */
export function takesPageEvidence(alias: Pick<AliasRule, 'text' | 'generic'>): boolean {
  return !alias.generic && MULTI_WORD.test(alias.text);
}

function hasClusterWordNear(near: Neighbourhood, window: number): boolean {
  const { words, original, first, last } = near;
  for (let k = Math.max(0, first - window); k < first; k++) {
    if (isClusterWordAt(words, k, original)) return true;
  }
  for (let k = last + 1; k <= Math.min(words.length - 1, last + window); k++) {
    if (isClusterWordAt(words, k, original)) return true;
  }
  return false;
}

/** Case endings a place name takes in running text ("Krakowie", "Wrocławiu", "Ulmer"). */
const PLACE_ENDING_MAX = 4;
const PLACE_STEM_MIN = 4;

/** Whether page word `word` is place word `place`, or it with a case ending. */
function placeWordMatches(word: string, place: string): boolean {
  if (word === place) return true;
  if (place.length < PLACE_STEM_MIN || word.length > place.length + PLACE_ENDING_MAX) return false;
  if (word.startsWith(place)) return true;
  // "Warszawa" → "Warszawie", "Praha" → "Praze" is beyond this; a final vowel may give way.
  const stem = /[aeiouy]$/.test(place) ? place.slice(0, -1) : null;
  return stem !== null && stem.length >= PLACE_STEM_MIN && word.startsWith(stem);
}

function hasPlaceNear(
  near: Neighbourhood,
  places: readonly (readonly string[])[],
  window: number,
): boolean {
  const { words, original, first, last } = near;
  const from = Math.max(0, first - window);
  const to = Math.min(words.length - 1, last + window);
  for (let k = from; k <= to; k++) {
    if (words[k] === '') continue;
    for (const place of places) {
      if (k + place.length - 1 > to) continue;
      let all = true;
      for (let p = 0; p < place.length && all; p++) {
        const word = words[k + p] ?? '';
        const want = place[p] ?? '';
        // Only the last word of a place takes a case ending.
        all = p === place.length - 1 ? placeWordMatches(word, want) : word === want;
      }
      // A place is a proper noun: "nice" or "mo" in lower case is no town.
      if (all && /^\P{Ll}/u.test(original(k))) return true;
    }
  }
  return false;
}

/** Each alias's places as normalised word lists, computed once per matcher. */
const placeCache = new WeakMap<CompiledMatcher, (readonly (readonly string[])[] | undefined)[]>();
const NO_PLACES: readonly (readonly string[])[] = [];

function placeTokens(matcher: CompiledMatcher, aliasIndex: number): readonly (readonly string[])[] {
  let cache = placeCache.get(matcher);
  if (!cache) {
    cache = [];
    placeCache.set(matcher, cache);
  }
  let places = cache[aliasIndex];
  if (!places) {
    const written = matcher.aliases[aliasIndex]?.places ?? [];
    places = written.length === 0 ? NO_PLACES : written.map(placeWords).filter((p) => p.length > 0);
    cache[aliasIndex] = places;
  }
  return places;
}

function placeWords(place: string): string[] {
  const normal = normalizeString(place);
  const words: string[] = [];
  let word = '';
  for (let k = 0; k < normal.length; k++) {
    const unit = normal.charCodeAt(k);
    if (isWordUnit(unit)) word += normal[k];
    else if (word !== '') {
      words.push(word);
      word = '';
    }
  }
  if (word !== '') words.push(word);
  return words;
}
