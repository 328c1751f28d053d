/**
 * The detection engine's public face: compile the alias table once, then match blocks of page
 * text given as their text nodes' strings.
 */
import type { AliasRule } from '../dataset/model';
import { findCandidates, type Candidate, type CompiledMatcher } from './alias-matcher';
import { resolveEvidence, type Evidence, type EvidenceContext } from './evidence';

export {
  MATCHER_FORMAT,
  compileMatcher,
  serializeMatcher,
  deserializeMatcher,
  type CompiledMatcher,
  type SerializedMatcher,
} from './alias-matcher';
export {
  DEFAULT_EVIDENCE_WINDOW,
  EVIDENCE_KINDS,
  STRONG_EVIDENCE,
  takesPageEvidence,
  type Evidence,
  type EvidenceContext,
} from './evidence';
export { clusterTermsIn } from './cluster-vocabulary';
export { isAboutClusters, PAGE_ORGANISATIONS } from './cluster-page';
export { normalizeForMatching, normalizeString, type NormalizedText } from './normalize';
export { isClusterWordAt } from './cluster-words';

export interface SegmentPosition {
  segment: number;
  offset: number;
}

export interface SegmentMatch {
  id: string;
  alias: AliasRule;
  /** Where the match begins: a segment and an offset inside it. */
  start: SegmentPosition;
  /** Where it ends: the segment of its last character and the offset just past it. */
  end: SegmentPosition;
  /** The page text that matched, as written. */
  text: string;
  /** Why it counts; null only in `scanSegments` results that lack evidence. */
  evidence: Evidence | null;
}

export interface TextMatch {
  id: string;
  alias: AliasRule;
  start: number;
  end: number;
  text: string;
  evidence: Evidence | null;
}

/**
 * Every match in `text`, including common-word aliases that found no evidence (`evidence:
 * null`): a caller that learns more about the page later can confirm them then.
 */
export function scanText(
  matcher: CompiledMatcher,
  text: string,
  context?: EvidenceContext,
): TextMatch[] {
  const candidates = findCandidates(matcher, text);
  if (candidates.length === 0) return [];
  return resolveEvidence(matcher, text, candidates, context).flatMap((r) => {
    const alias = matcher.aliases[r.aliasIndex];
    if (!alias) return [];
    const { start, end } = r.candidate;
    return [
      { id: alias.id, alias, start, end, text: text.slice(start, end), evidence: r.evidence },
    ];
  });
}

/**
 * The distinct words (letters and digits, lower-cased) of every alias occurrence in `text`,
 * evidence aside; null when there are more than `limit`. Any mention the full scan can find in
 * a block of the page contains one of these words when `text` is the page's rendered text:
 * either its first word starts an occurrence here, or an earlier, longer occurrence already
 * covers that word. So blocks holding none of them need no matching.
 */
function wordsOf(text: string, candidates: readonly Candidate[], limit: number): string[] | null {
  const words = new Set<string>();
  for (const { start, end } of candidates) {
    for (const word of text.slice(start, end).toLowerCase().split(NOT_WORD)) {
      if (word !== '') words.add(word);
    }
    if (words.size > limit) return null;
  }
  return [...words];
}

export interface TextCheck {
  /** The words of every alias occurrence (see wordsOf); [] when none occurs, null when too many. */
  words: string[] | null;
  /**
   * Whether some occurrence counts by the evidence rules with this text as its only context.
   * The rules only ever gain from more text (another name of the organisation, a cluster word
   * near it), and a block of the page is part of its rendered text, so when this is false for a
   * page's whole text no block of it can count either — until the page adds text.
   */
  evidenced: boolean;
}

/**
 * What the quick check needs from a page's rendered text: the words of what occurs (wordsOf) and evidence.
 * `context` gives what the evidence rules may take from the whole text (whether it speaks of
 * clusters); it is asked only when some alias occurs.
 */
export function checkText(
  matcher: CompiledMatcher,
  text: string,
  context: () => EvidenceContext = () => ({}),
  limit = 256,
): TextCheck {
  const candidates = findCandidates(matcher, text);
  if (candidates.length === 0) return { words: [], evidenced: false };
  const evidenced = resolveEvidence(matcher, text, candidates, context()).some(
    (r) => r.evidence !== null,
  );
  return { words: wordsOf(text, candidates, limit), evidenced };
}

const NOT_WORD = /[^\p{L}\p{N}]+/u;

/** The matches in `text` that count. */
export function matchText(
  matcher: CompiledMatcher,
  text: string,
  context?: EvidenceContext,
): TextMatch[] {
  return scanText(matcher, text, context).filter((m) => m.evidence !== null);
}

/**
 * Like scanText, over the text nodes of one block joined without separators, so a name split
 * by inline elements (`Polo <b>NET</b>`, `Minal<span></span>ogic`) still matches.
 */
export function scanSegments(
  matcher: CompiledMatcher,
  segments: readonly string[],
  context?: EvidenceContext,
): SegmentMatch[] {
  const text = segments.join('');
  const matches = scanText(matcher, text, context);
  if (matches.length === 0) return [];
  const segmentStarts: number[] = [];
  let offset = 0;
  for (const s of segments) {
    segmentStarts.push(offset);
    offset += s.length;
  }
  return matches.map((m) => ({
    id: m.id,
    alias: m.alias,
    start: position(segmentStarts, segments, m.start, false),
    end: position(segmentStarts, segments, m.end, true),
    text: m.text,
    evidence: m.evidence,
  }));
}

export function matchSegments(
  matcher: CompiledMatcher,
  segments: readonly string[],
  context?: EvidenceContext,
): SegmentMatch[] {
  return scanSegments(matcher, segments, context).filter((m) => m.evidence !== null);
}

/**
 * The segment holding the character at `offset` (a start) or just before it (an end), skipping
 * empty segments so a range never starts or ends in an empty text node.
 */
function position(
  segmentStarts: readonly number[],
  segments: readonly string[],
  offset: number,
  isEnd: boolean,
): SegmentPosition {
  let lo = 0;
  let hi = segments.length - 1;
  const target = isEnd ? offset - 1 : offset;
  // Last segment starting at or before target that is not empty.
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if ((segmentStarts[mid] ?? 0) <= target) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  while (found > 0 && (segments[found]?.length ?? 0) === 0) found--;
  return { segment: found, offset: offset - (segmentStarts[found] ?? 0) };
}
