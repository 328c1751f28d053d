/**
 * Reads a large document's rendered text in pieces, a few native `innerText` calls per slice,
 * for the quick check: walking such a page node by node from JS creates a wrapper for every
 * node, and the garbage collector then traces the whole DOM inside the scanner's slices (on a
 * page of 100,000 elements its marking steps took 40–200 ms in a slice of an 8 ms budget).
 *
 * The body is split into subtrees of at most `maxElements` elements. An element too large to
 * be one piece is split into its children; text that flows directly in it (its text nodes and
 * inline children between two block children) forms a run, read as one piece, so a name split
 * across inline elements stays whole.
 */
import { findOpenShadowRoots, isInline, isSkippedElement } from './block-collector';

/**
 * Most elements in one piece of a large page: `innerText` of 1,000 list items took about 0.3 ms.
 * (A page of usual size is read as one piece: a limit of Infinity.)
 */
export const PIECE_MAX_ELEMENTS = 1000;

/** Where a piece's text lies, for a full scan of it if the quick check finds a name there. */
export interface TextPiece {
  /** The subtree read; for a run, the element the run flows in. */
  root: Element;
  /** For a run: its first child node, and the block child after it (null: the end of `root`). */
  run: { first: ChildNode; stopAt: ChildNode | null } | null;
  text: string;
}

interface OpenRun {
  parent: Element;
  first: ChildNode;
  parts: string[];
}

export class PieceReader {
  readonly pieces: TextPiece[] = [];
  /** Characters read so far, in all pieces. */
  chars = 0;
  /** Per level of split elements: the next child to look at (null: that element is done). */
  private readonly next: (ChildNode | null)[] = [];
  private readonly parents: Element[] = [];
  private run: OpenRun | null = null;
  private started = false;

  constructor(
    readonly body: Element,
    /** Called for each open shadow root met in the pieces (their text innerText leaves out). */
    private readonly onShadowRoot: (root: ShadowRoot) => void,
    private readonly maxElements = PIECE_MAX_ELEMENTS,
  ) {}

  /** Reads on until `outOfTime()` says stop or the body is done; true once done. */
  read(outOfTime: () => boolean): boolean {
    if (!this.started) {
      this.started = true;
      this.element(this.body);
    }
    while (this.next.length > 0) {
      if (outOfTime()) return false;
      const level = this.next.length - 1;
      const node = this.next[level]!;
      const parent = this.parents[level]!;
      if (node === null) {
        this.endRun(null);
        this.next.pop();
        this.parents.pop();
        continue;
      }
      this.next[level] = node.nextSibling;
      if (node.nodeType === Node.TEXT_NODE) {
        this.addToRun(parent, node, (node as Text).data);
      } else if (node instanceof Element && !isSkippedElement(node)) {
        if (isInline(node)) {
          findOpenShadowRoots(node, this.onShadowRoot);
          this.addToRun(parent, node, renderedText(node));
        } else {
          this.endRun(node);
          this.element(node);
        }
      }
    }
    return true;
  }

  /** A block element: one piece if small enough (always, without a limit), else split. */
  private element(el: Element) {
    if (this.maxElements === Infinity || el.getElementsByTagName('*').length < this.maxElements) {
      findOpenShadowRoots(el, this.onShadowRoot);
      this.add({ root: el, run: null, text: renderedText(el) });
      return;
    }
    if (el.shadowRoot) this.onShadowRoot(el.shadowRoot);
    this.next.push(el.firstChild);
    this.parents.push(el);
  }

  private addToRun(parent: Element, node: ChildNode, text: string) {
    if (this.run === null) this.run = { parent, first: node, parts: [] };
    this.run.parts.push(text);
  }

  /** Closes the open run before `stopAt` (null: its element has no more children). */
  private endRun(stopAt: ChildNode | null) {
    const run = this.run;
    if (run === null) return;
    this.run = null;
    const text = run.parts.join('');
    if (!/\S/.test(text)) return;
    this.add({ root: run.parent, run: { first: run.first, stopAt }, text });
  }

  private add(piece: TextPiece) {
    this.pieces.push(piece);
    this.chars += piece.text.length;
  }
}

/** The element's text as rendered (innerText), or its text content where there is none. */
function renderedText(el: Element): string {
  return el instanceof HTMLElement ? el.innerText : (el.textContent ?? '');
}
