import { boxContains, type Box } from '~/lib/card-position';
import type { MarkStore, PageMark } from './mark-store';

export interface Caret {
  node: Node;
  offset: number;
}

/**
 * The caret position under a point: `caretPositionFromPoint` (Firefox, Chrome 128+), which
 * also looks into the open shadow roots it is given, else WebKit's `caretRangeFromPoint`.
 */
export function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
): Caret | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y, { shadowRoots });
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/**
 * The text nodes and offsets to look at for a caret: the caret's own text node, or, when the
 * caret sits between an element's children, the text on either side of it.
 */
function textAround(caret: Caret): [Text, number][] {
  if (caret.node instanceof Text) return [[caret.node, caret.offset]];
  const out: [Text, number][] = [];
  const before = caret.node.childNodes[caret.offset - 1];
  const after = caret.node.childNodes[caret.offset];
  if (before instanceof Text) out.push([before, before.length]);
  if (after instanceof Text) out.push([after, 0]);
  return out;
}

/** A live Range over a mark (StaticRanges have no geometry), or null if its text has changed. */
export function markRange(mark: PageMark): Range | null {
  const { startContainer, startOffset, endContainer, endOffset } = mark.range;
  try {
    const range = (startContainer.ownerDocument ?? document).createRange();
    range.setStart(startContainer, startOffset);
    range.setEnd(endContainer, endOffset);
    return range;
  } catch {
    return null;
  }
}

/** Whether the caret offset in `node` lies within the mark's part of that node. */
function offsetInMark(mark: PageMark, node: Text, offset: number): boolean {
  const { startContainer, startOffset, endContainer, endOffset } = mark.range;
  if (node === startContainer && offset < startOffset) return false;
  if (node === endContainer && offset > endOffset) return false;
  return true;
}

export interface Hit {
  mark: PageMark;
  /** Which of the mark's client rects holds the point (a mark may wrap over lines). */
  rectIndex: number;
  rect: Box;
}

/**
 * The mark under a point: the caret there, the marks of its text node whose range holds the
 * caret offset, and of those the one whose client rects really contain the point (the caret
 * API snaps to the nearest character even beside a line's end). Nothing in the page changes.
 */
export function markAtPoint(
  store: MarkStore,
  x: number,
  y: number,
  options: { doc?: Document; shadowRoots?: ShadowRoot[]; accept?: (mark: PageMark) => boolean },
): Hit | null {
  const caret = caretAt(options.doc ?? document, x, y, options.shadowRoots);
  if (!caret) return null;
  for (const [node, offset] of textAround(caret)) {
    for (const mark of store.marksAt(node)) {
      if (!mark.confirmed || (options.accept && !options.accept(mark))) continue;
      if (!offsetInMark(mark, node, offset)) continue;
      const rects = markRange(mark)?.getClientRects() ?? [];
      for (let i = 0; i < rects.length; i++) {
        const rect = rects[i]!;
        if (rect.width > 0 && boxContains(rect, x, y)) return { mark, rectIndex: i, rect };
      }
    }
  }
  return null;
}

/**
 * Document order of two marks. Marks in different trees (the page and an open shadow root)
 * are compared through the shadow hosts that put them in the same tree.
 */
export function compareMarks(a: PageMark, b: PageMark): number {
  const ra = markRange(a);
  const rb = markRange(b);
  if (ra && rb && a.range.startContainer.getRootNode() === b.range.startContainer.getRootNode()) {
    return ra.compareBoundaryPoints(Range.START_TO_START, rb);
  }
  const [x, y] = liftToCommonTree(a.range.startContainer, b.range.startContainer);
  if (x === y) return 0;
  return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** The node itself, then the host of each shadow root it sits in, out to the document. */
function composedChain(node: Node): Node[] {
  const chain = [node];
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    chain.push(root.host);
  }
  return chain;
}

function liftToCommonTree(a: Node, b: Node): [Node, Node] {
  const chainB = composedChain(b);
  for (const x of composedChain(a)) {
    const root = x.getRootNode();
    const y = chainB.find((n) => n.getRootNode() === root);
    if (y) return [x, y];
  }
  return [a, b];
}
