/**
 * Collects a page's text block by block: the text nodes under one block-level element that are
 * not separated by another block, in document order, so a name split across inline elements
 * (`Polo <b>NET</b>`) is matched as one string. Resumable, so a huge page is walked in slices.
 */

/** Elements whose text is not prose for a reader, or is theirs to edit. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'code',
  'pre', 'kbd', 'samp', 'svg', 'math', 'iframe', 'frame', 'object', 'embed', 'canvas', 'video',
  'audio', 'head', 'title',
]); // prettier-ignore

/** Elements that flow inside a line: their text belongs to the surrounding block. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'label',
  'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'big',
  'tt', 'nobr', 'acronym', 'strike',
]); // prettier-ignore

/** Our own UI's host elements carry this attribute; they are never scanned. */
export const OWN_UI_ATTRIBUTE = 'data-cluster-lens-ui';

export interface TextBlock {
  /** The block's text nodes in order (the matcher's segments are their data). */
  nodes: Text[];
}

export function isSkippedElement(el: Element): boolean {
  if (SKIPPED.has(el.localName)) return true;
  if (el.hasAttribute('hidden') || el.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** Whether a node sits in a subtree the scanner must leave alone. */
export function isInSkippedSubtree(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}

export function isInline(el: Element): boolean {
  return INLINE.has(el.localName);
}

/** The nearest ancestor that starts a block of its own. */
export function blockAncestor(node: Node): Element | null {
  let el = node.parentElement;
  while (el && INLINE.has(el.localName)) el = el.parentElement;
  return el;
}

/**
 * Walks one root (a document, an element or an open shadow root). Open shadow roots found on
 * the way are handed to `onShadowRoot`, to be walked as roots of their own.
 */
export class BlockCollector {
  private readonly walker: TreeWalker;
  private current: TextBlock | null = null;
  private currentAnchor: Element | null = null;
  private done = false;
  private readonly visibility = new Map<Element, boolean>();

  constructor(
    root: Node,
    private readonly onShadowRoot: (root: ShadowRoot) => void = () => {},
  ) {
    const doc = root.ownerDocument ?? (root as Document);
    this.walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => {
        if (node.nodeType !== Node.ELEMENT_NODE) return NodeFilter.FILTER_ACCEPT;
        const el = node as Element;
        if (isSkippedElement(el)) return NodeFilter.FILTER_REJECT;
        if (el.shadowRoot) this.onShadowRoot(el.shadowRoot);
        return NodeFilter.FILTER_ACCEPT;
      },
    });
  }

  get finished(): boolean {
    return this.done;
  }

  /**
   * Walks on until `outOfTime()` says stop (asked every few dozen nodes) or the root ends.
   * Returns the blocks completed meanwhile; blocks without visible words are dropped.
   */
  collect(outOfTime: () => boolean): TextBlock[] {
    const blocks: TextBlock[] = [];
    let steps = 0;
    while (!this.done) {
      if ((++steps & 63) === 0 && outOfTime()) break;
      const node = this.walker.nextNode();
      if (!node) {
        this.flush(blocks);
        this.done = true;
        break;
      }
      if (node.nodeType === Node.TEXT_NODE) {
        const anchor = blockAncestor(node);
        if (anchor !== this.currentAnchor) {
          this.flush(blocks);
          this.currentAnchor = anchor;
        }
        (this.current ??= { nodes: [] }).nodes.push(node as Text);
      } else if (!INLINE.has((node as Element).localName)) {
        // Entering a block (or a line break) ends the block before it.
        this.flush(blocks);
        this.currentAnchor = null;
      }
    }
    return blocks;
  }

  private flush(into: TextBlock[]) {
    const block = this.current;
    this.current = null;
    if (!block || !block.nodes.some((n) => /\S/.test(n.data))) return;
    if (this.currentAnchor && !this.isVisible(this.currentAnchor)) return;
    into.push(block);
  }

  private isVisible(el: Element): boolean {
    let visible = this.visibility.get(el);
    if (visible === undefined) {
      // checkVisibility covers display:none ancestors and content-visibility; where it is
      // missing, count the text (a highlight on hidden text is simply never painted).
      visible = typeof el.checkVisibility === 'function' ? el.checkVisibility() : true;
      this.visibility.set(el, visible);
    }
    return visible;
  }
}
