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
import { isInline, isInSkippedSubtree, isSkippedElement } from './block-collector';

/** Most elements in one piece: `innerText` of 1,000 list items took about 0.3 ms. */
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
          this.findShadowRoots(node);
          this.addToRun(parent, node, renderedText(node));
        } else {
          this.endRun(node);
          this.element(node);
        }
      }
    }
    return true;
  }

  /** A block element: one piece if small enough, else split into its children. */
  private element(el: Element) {
    const size = el.getElementsByTagName('*').length + 1;
    if (size <= this.maxElements) {
      this.findShadowRoots(el);
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

  /**
   * Open shadow roots under `el`. Only the built-in elements the DOM standard lists and
   * autonomous custom elements (a hyphen in the name) can have one, so only those are looked at:
   * touching every element from JS creates a wrapper for each, the garbage the pieces are read
   * to avoid. Over the 1,000 pieces of the 100,000-element page this took 37–41 ms in all,
   * against 48–53 ms for a loop over every element and 150–280 ms for one XPath of both kinds.
   */
  private findShadowRoots(el: Element) {
    if (el.shadowRoot) this.onShadowRoot(el.shadowRoot);
    for (const host of el.querySelectorAll(BUILT_IN_HOSTS)) this.hostFound(host);
    const doc = el.ownerDocument;
    if (typeof doc.evaluate === 'function' && typeof XPathResult !== 'undefined') {
      const custom = doc.evaluate(
        CUSTOM_ELEMENTS_XPATH,
        el,
        null,
        XPathResult.ORDERED_NODE_SNAPSHOT_TYPE,
        null,
      );
      for (let i = 0; i < custom.snapshotLength; i++) {
        this.hostFound(custom.snapshotItem(i) as Element);
      }
    } else {
      for (const inner of el.getElementsByTagName('*')) {
        if (inner.localName.includes('-')) this.hostFound(inner);
      }
    }
  }

  private hostFound(host: Element) {
    const shadow = host.shadowRoot;
    if (shadow && !isSkippedElement(host) && !isInSkippedSubtree(host)) this.onShadowRoot(shadow);
  }
}

/** Built-in elements that can host a shadow root (DOM standard, attachShadow). */
const BUILT_IN_HOSTS =
  'article, aside, blockquote, body, div, footer, h1, h2, h3, h4, h5, h6, header, main, nav, p, section, span';
/** Autonomous custom elements under the context node (CSS cannot select by a hyphen in a name). */
const CUSTOM_ELEMENTS_XPATH = "descendant::*[contains(local-name(), '-')]";

/** The element's text as rendered (innerText), or its text content where there is none. */
function renderedText(el: Element): string {
  return el instanceof HTMLElement ? el.innerText : (el.textContent ?? '');
}
