/**
 * The evidence rule for aliases that are also ordinary words: such a match counts only if the
 * same organisation is named unambiguously in the same text (or elsewhere on the page, when the
 * caller says so), or a cluster word stands within a few words of it.
 */
import type { CompiledMatcher, Candidate } from './alias-matcher';
import { isClusterWordAt } from './cluster-words';
import {
  CHAR_WORD,
  NormalizeBuffer,
  charClassAt,
  isWordUnit,
  normalizeForMatching,
  originalEnd,
} from './normalize';

/** Why a match counts. */
export type Evidence =
  /** The alias is distinctive on its own. */
  | 'not-needed'
  /** An alias of the same organisation that needs no context is in the same text. */
  | 'same-organisation'
  /** The caller's context (e.g. the page's other blocks) confirmed the organisation. */
  | 'page-context'
  /** A cluster word is within the window. */
  | 'cluster-word';

export interface EvidenceContext {
  /**
   * Ids confirmed outside the text being matched, e.g. organisations the page names
   * unambiguously in other blocks. The content script passes what it found so far.
   */
  confirmedIds?: ReadonlySet<string>;
  /** How many words either side are searched for a cluster word. Default 6. */
  window?: number;
}

export const DEFAULT_EVIDENCE_WINDOW = 6;

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
  const sharedBy = (c: Candidate) => new Set(c.aliasIndexes.map((a) => aliases[a]?.id)).size > 1;
  for (const c of candidates) {
    if (sharedBy(c)) continue;
    for (const a of c.aliasIndexes) {
      const alias = aliases[a];
      if (alias && !alias.needsContext) confirmedHere.add(alias.id);
    }
  }
  const window = context.window ?? DEFAULT_EVIDENCE_WINDOW;
  return candidates.map((candidate) => {
    let nearClusterWord: boolean | null = null;
    const shared = sharedBy(candidate);
    for (const aliasIndex of candidate.aliasIndexes) {
      const alias = aliases[aliasIndex];
      if (!alias) continue;
      if (shared) {
        if (confirmedHere.has(alias.id))
          return { candidate, aliasIndex, evidence: 'same-organisation' };
        if (context.confirmedIds?.has(alias.id))
          return { candidate, aliasIndex, evidence: 'page-context' };
        continue;
      }
      if (!alias.needsContext) return { candidate, aliasIndex, evidence: 'not-needed' };
      if (confirmedHere.has(alias.id))
        return { candidate, aliasIndex, evidence: 'same-organisation' };
      if (context.confirmedIds?.has(alias.id))
        return { candidate, aliasIndex, evidence: 'page-context' };
      nearClusterWord ??= hasClusterWordNear(text, candidate, window);
      if (nearClusterWord) return { candidate, aliasIndex, evidence: 'cluster-word' };
    }
    return { candidate, aliasIndex: candidate.aliasIndexes[0] ?? -1, evidence: null };
  });
}

interface Token {
  start: number;
  end: number;
}

const windowBuffer = new NormalizeBuffer();
/** Characters normalised on each side per word of window: generous for long words. */
const CHARS_PER_WORD = 40;

function hasClusterWordNear(text: string, candidate: Candidate, window: number): boolean {
  const reach = (window + 2) * CHARS_PER_WORD;
  // Widen to whole words, so the window's edge cannot cut "Datencluster" down to "cluster".
  let windowStart = Math.max(0, candidate.start - reach);
  while (windowStart > 0 && charClassAt(text, windowStart - 1) === CHAR_WORD) windowStart--;
  let windowEnd = Math.min(text.length, candidate.end + reach);
  while (windowEnd < text.length && charClassAt(text, windowEnd) === CHAR_WORD) windowEnd++;
  const normalized = normalizeForMatching(text, false, windowBuffer, windowStart, windowEnd);
  const { units, length, starts } = normalized;
  let normStart = 0;
  while (normStart < length && (starts[normStart] ?? 0) < candidate.start) normStart++;
  let normEnd = normStart;
  while (normEnd < length && (starts[normEnd] ?? 0) < candidate.end) normEnd++;
  const isWord = (k: number) => isWordUnit(units[k] ?? 0);
  // Walk out one word further than the window on each side: neighbours decide some words.
  let from = normStart;
  for (let seen = 0; seen <= window && from > 0;) {
    while (from > 0 && !isWord(from - 1)) from--;
    if (from === 0) break;
    while (from > 0 && isWord(from - 1)) from--;
    seen++;
  }
  let to = normEnd;
  for (let seen = 0; seen <= window && to < length;) {
    while (to < length && !isWord(to)) to++;
    if (to === length) break;
    while (to < length && isWord(to)) to++;
    seen++;
  }
  const tokens: Token[] = [];
  for (let k = from; k < to;) {
    if (!isWord(k)) {
      k++;
      continue;
    }
    const start = k;
    while (k < to && isWord(k)) k++;
    tokens.push({ start, end: k });
  }
  // The candidate's own words are a name, not a neighbour: "klyngen NODE" is not "cluster node".
  const words = tokens.map((t) =>
    t.end > normStart && t.start < normEnd
      ? ''
      : String.fromCharCode(...units.subarray(t.start, t.end)),
  );
  const original = (index: number) => {
    const t = tokens[index];
    return t ? text.slice(starts[t.start] ?? 0, originalEnd(text, normalized, t.end - 1)) : '';
  };
  const first = tokens.findIndex((t) => t.end > normStart);
  let last = first;
  while (last + 1 < tokens.length && (tokens[last + 1]?.start ?? Infinity) < normEnd) last++;
  if (first < 0) return false;
  for (let k = Math.max(0, first - window); k < first; k++) {
    if (isClusterWordAt(words, k, original)) return true;
  }
  for (let k = last + 1; k <= Math.min(tokens.length - 1, last + window); k++) {
    if (isClusterWordAt(words, k, original)) return true;
  }
  return false;
}
