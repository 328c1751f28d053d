/**
 * Matching a page's text blocks for its content script, done where the matcher lives (the
 * background): the page sends parts of its blocks as their text nodes' strings, and gets back
 * where each mention starts and ends, as a segment and an offset in the part it sent.
 */
import {
  scanSegments,
  takesPageEvidence,
  type CompiledMatcher,
  type Evidence,
  type EvidenceContext,
  type SegmentPosition,
} from './matcher';

/** A window of one block of page text: its text nodes' strings (cut to the window's margins). */
export interface MatchPart {
  segments: string[];
  /**
   * Matches starting in [from, until) of the joined segments belong to this part; the text
   * outside is margin, read so words cut by a window and their evidence stay whole.
   */
  from: number;
  until: number;
}

/** One mention in a part. */
export interface PartMatch {
  /** Index of the part in the request. */
  part: number;
  /** In the part's segments: where the mention starts, and the segment of its last character. */
  start: SegmentPosition;
  end: SegmentPosition;
  id: string;
  /** The alias that matched, as the dataset writes it. */
  alias: string;
  /** The page text that matched, as written. */
  text: string;
  /** Why it counts; null while it waits for the organisation to be named elsewhere on the page. */
  evidence: Evidence | null;
  /**
   * Set for a generic name (a generic phrase, a common abbreviation) and a single word: only its
   * own other names or its place confirm it, never the page's vocabulary or other organisations.
   */
  localOnly?: true;
}

/** Joins parts in one call of the matcher: a character no alias contains, so no match spans two. */
const PART_SEPARATOR = '\uFFFC';

/**
 * Every mention in the parts, in one call of the matcher (one long call costs far less than many
 * short ones). `confirmedIds`: organisations the page has already named unambiguously, so an
 * alias that needs evidence counts at once; `aboutClusters`: the page speaks of clusters.
 */
export function matchParts(
  matcher: CompiledMatcher,
  parts: readonly MatchPart[],
  confirmedIds: ReadonlySet<string>,
  aboutClusters = false,
): PartMatch[] {
  const context: EvidenceContext = { confirmedIds, aboutClusters };
  const segments: string[] = [];
  /** For each joined segment: its part (-1 for a separator), index in it and start in the part. */
  const origin: { part: number; segment: number; start: number }[] = [];
  parts.forEach((part, index) => {
    if (index > 0) {
      segments.push(PART_SEPARATOR);
      origin.push({ part: -1, segment: -1, start: 0 });
    }
    let start = 0;
    part.segments.forEach((text, segment) => {
      segments.push(text);
      origin.push({ part: index, segment, start });
      start += text.length;
    });
  });
  const found: PartMatch[] = [];
  for (const match of scanSegments(matcher, segments, context)) {
    const start = origin[match.start.segment];
    const end = origin[match.end.segment];
    if (!start || !end || start.part < 0 || start.part !== end.part) continue;
    const part = parts[start.part]!;
    const partStart = start.start + match.start.offset;
    if (partStart < part.from || partStart >= part.until) continue;
    // A cluster word or a place counts only inside the mention's own block, not a neighbour in
    // the batch: the evidence is what the part alone gives (none: the mention waits, as any
    // other would).
    const evidence =
      (match.evidence === 'cluster-word' || match.evidence === 'place-near') && parts.length > 1
        ? evidenceAlone(matcher, part, partStart, context)
        : match.evidence;
    found.push({
      part: start.part,
      start: { segment: start.segment, offset: match.start.offset },
      end: { segment: end.segment, offset: match.end.offset },
      id: match.id,
      alias: match.alias.text,
      text: match.text,
      evidence,
      ...(takesPageEvidence(match.alias) ? {} : { localOnly: true as const }),
    });
  }
  return found;
}

/** The evidence of a match found in a batch, with its own part as the only text. */
function evidenceAlone(
  matcher: CompiledMatcher,
  part: MatchPart,
  partStart: number,
  context: EvidenceContext,
): Evidence | null {
  const starts: number[] = [];
  let offset = 0;
  for (const s of part.segments) {
    starts.push(offset);
    offset += s.length;
  }
  const alone = scanSegments(matcher, part.segments, context).find(
    (m) => (starts[m.start.segment] ?? 0) + m.start.offset === partStart,
  );
  return alone?.evidence ?? null;
}
