import type { MatchPart } from '~/lib/page-matching';
import type { TextBlock } from './block-collector';

/** A block longer than this is matched window by window, one window per part. */
export const WINDOW_CHARS = 16_384;
/** Windows overlap by more than the longest alias, so no match is lost at a boundary. */
const WINDOW_OVERLAP = 256;

/** A block waiting to be matched, from `from` on in its joined text. */
export interface PendingBlock {
  block: TextBlock;
  from: number;
}

/** Where a segment of a part comes from in its block. */
export interface SegmentOrigin {
  /** Index of the text node in the block. */
  node: number;
  /** Where the segment starts inside that node. */
  offset: number;
}

/** A part as sent for matching, with what maps its matches back to the block's text nodes. */
export interface PlannedPart {
  block: TextBlock;
  /** The text nodes' strings when the part was read: a match over changed text is dropped. */
  data: string[];
  part: MatchPart;
  origins: SegmentOrigin[];
  /** The block's whole length and where the next window starts (-1: this is the last). */
  total: number;
  next: number;
}

/**
 * The next window of a pending block: at most WINDOW_CHARS (cut at a space where one is near),
 * with a margin either side so words cut by the window and their evidence are whole.
 */
export function planPart(pending: PendingBlock): PlannedPart {
  const data = pending.block.nodes.map((n) => n.data);
  const total = data.reduce((sum, s) => sum + s.length, 0);
  const from = pending.from;
  const until = total - from > WINDOW_CHARS ? windowBoundary(data, from + WINDOW_CHARS) : total;
  const lo = Math.max(0, from - WINDOW_OVERLAP);
  const hi = Math.min(total, until + WINDOW_OVERLAP);
  const segments: string[] = [];
  const origins: SegmentOrigin[] = [];
  let pos = 0;
  let sliceStart = -1;
  data.forEach((s, node) => {
    const start = pos;
    pos += s.length;
    const overlaps = s.length === 0 ? start >= lo && start < hi : pos > lo && start < hi;
    if (!overlaps) return;
    const a = Math.max(lo, start) - start;
    const b = Math.min(hi, pos) - start;
    if (sliceStart < 0) sliceStart = start + a;
    segments.push(s.slice(a, b));
    origins.push({ node, offset: a });
  });
  if (sliceStart < 0) sliceStart = lo;
  return {
    block: pending.block,
    data,
    part: { segments, from: from - sliceStart, until: until - sliceStart },
    origins,
    total,
    next: until >= total ? -1 : until,
  };
}

/** The first whitespace at or after `target` (within reach), so windows rarely cut words. */
function windowBoundary(segments: readonly string[], target: number): number {
  const text = segments.join('');
  const rest = text.slice(target, target + WINDOW_OVERLAP).search(/\s/);
  return rest < 0 ? target : target + rest;
}
