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
  /** The element the block flows in (null for text directly under a root). */
  anchor: Element | null;
}

/**
 * Whether a block is rendered and visible (not `display: none`, not `visibility: hidden`): the
 * same text the quick check reads, as innerText leaves both out. Asked only for blocks that
 * contain a match: checkVisibility needs up-to-date style, and asking it for every block of a
 * large page cost more than all the rest of the scan (83 ms of 174 ms on the largest corpus page
 * in the profiler).
 */
export function isBlockVisible(block: TextBlock): boolean {
  const el = block.anchor ?? block.nodes[0]?.parentElement ?? null;
  // Where checkVisibility is missing, count the text: a highlight on hidden text is never painted.
  return (
    el === null ||
    typeof el.checkVisibility !== 'function' ||
    el.checkVisibility({ visibilityProperty: true })
  );
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

/** Built-in elements that can host a shadow root (DOM standard, attachShadow). */
const BUILT_IN_HOSTS =
  'article, aside, blockquote, body, div, footer, h1, h2, h3, h4, h5, h6, header, main, nav, p, section, span';
/** Autonomous custom elements under the context node (CSS cannot select by a hyphen in a name). */
const CUSTOM_ELEMENTS_XPATH = "descendant::*[contains(local-name(), '-')]";

/**
 * The open shadow roots of `el` and the elements under it, outside skipped subtrees. Only the
 * built-in elements the DOM standard lists and autonomous custom elements (a hyphen in the
 * name) can have one, so only those are looked at: touching every element from JS creates a
 * wrapper for each. Over the 1,000 pieces of the 100,000-element page this took 37–41 ms in
 * all, against 48–53 ms for a loop over every element and 150–280 ms for one XPath of both
 * kinds; over the 67 corpus pages, a median of 1.50 ms a page against 1.90 ms.
 */
export function findOpenShadowRoots(
  el: Element,
  onShadowRoot: (root: ShadowRoot) => void | 'stop',
) {
  // Whether the caller wants no more (the bootstrap only asks whether there is one).
  const found = (host: Element): boolean => {
    const shadow = host.shadowRoot;
    if (!shadow || isSkippedElement(host) || isInSkippedSubtree(host)) return false;
    return onShadowRoot(shadow) === 'stop';
  };
  if (found(el)) return;
  // An element without element children (a component's host, say) hides no other host: its
  // queries, XPath's above all, cost more than all the rest of its piece.
  if (el.firstElementChild === null) return;
  for (const host of el.querySelectorAll(BUILT_IN_HOSTS)) if (found(host)) return;
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
      if (found(custom.snapshotItem(i) as Element)) return;
    }
  } else {
    for (const inner of el.getElementsByTagName('*')) {
      if (inner.localName.includes('-') && found(inner)) return;
    }
  }
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

/** Entries of the per-element cache before it starts over (recomputing costs the depth). */
const PARENT_CACHE_LIMIT = 4096;

interface ParentInfo {
  /** The text under this element is not to be scanned. */
  skip: boolean;
  /** The block the text under this element flows in. */
  anchor: Element | null;
}

/**
 * Walks one root (a document, an element or an open shadow root). A TreeWalker over text nodes
 * alone, without a filter callback, keeps the walk in native code; what an element means for
 * its text (skipped, which block) is worked out once per element and cached. Open shadow roots
 * are looked for in a second, element-only walk and handed to `onShadowRoot`.
 */
export class BlockCollector {
  private readonly texts: TreeWalker;
  /** Made when the text walk is done, if at all (a page's walks can be many). */
  private elements: TreeWalker | null = null;
  private readonly parents = new Map<Node, ParentInfo>();
  private current: TextBlock | null = null;
  private currentAnchor: Element | null = null;
  private textsDone = false;
  private done = false;
  /** For a run: its first node, still to be read. */
  private first: ChildNode | null;
  private readonly stopAt: ChildNode | null;

  /**
   * `onShadowRoot` null: the caller has looked for open shadow roots already (the quick check
   * does), so the element walk is left out. `run`: only the children of `root` from `first` up
   * to `stopAt` (a block child, or null for the end of `root`) are read: a run of text that
   * flows directly in a large element (see PieceReader).
   */
  constructor(
    private readonly root: Node,
    private readonly onShadowRoot: ((root: ShadowRoot) => void) | null = () => {},
    run: { first: ChildNode; stopAt: ChildNode | null } | null = null,
  ) {
    const doc = root.ownerDocument ?? (root as Document);
    this.texts = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    this.first = run?.first ?? null;
    this.stopAt = run?.stopAt ?? null;
    if (run) this.texts.currentNode = run.first;
  }

  get finished(): boolean {
    return this.done;
  }

  /**
   * Walks on until `outOfTime()` says stop (asked every few dozen nodes) or the root ends.
   * Returns the blocks completed meanwhile; blocks without words are dropped.
   */
  collect(outOfTime: () => boolean): TextBlock[] {
    const blocks: TextBlock[] = [];
    let steps = 0;
    while (!this.textsDone) {
      if ((++steps & 63) === 0 && outOfTime()) return blocks;
      const node = this.nextText();
      if (!node) {
        this.flush(blocks);
        this.textsDone = true;
        break;
      }
      const info = this.infoOf(node.parentNode);
      if (info.skip) continue;
      if (info.anchor !== this.currentAnchor) {
        this.flush(blocks);
        this.currentAnchor = info.anchor;
      }
      (this.current ??= { nodes: [], anchor: info.anchor }).nodes.push(node);
    }
    const onShadowRoot = this.onShadowRoot;
    if (!onShadowRoot) this.done = true;
    while (!this.done) {
      if ((++steps & 255) === 0 && outOfTime()) return blocks;
      this.elements ??= (this.root.ownerDocument ?? (this.root as Document)).createTreeWalker(
        this.root,
        NodeFilter.SHOW_ELEMENT,
      );
      const el = this.elements.nextNode() as Element | null;
      if (!el) {
        this.done = true;
        break;
      }
      const shadow = el.shadowRoot;
      if (shadow && !this.infoOf(el).skip) onShadowRoot?.(shadow);
    }
    return blocks;
  }

  private nextText(): Text | null {
    const first = this.first;
    this.first = null;
    const node =
      first?.nodeType === Node.TEXT_NODE ? (first as Text) : (this.texts.nextNode() as Text | null);
    // A run ends where the block after it starts: at it, inside it or after it.
    const stopAt = this.stopAt;
    if (node && stopAt && stopAt.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) {
      return null;
    }
    return node;
  }

  private infoOf(parent: Node | null): ParentInfo {
    if (!parent || parent === this.root || !(parent instanceof Element)) {
      return parent === this.root && parent instanceof Element
        ? this.elementInfo(parent, { skip: false, anchor: null })
        : { skip: false, anchor: parent instanceof Element ? parent : null };
    }
    const cached = this.parents.get(parent);
    if (cached) return cached;
    const info = this.elementInfo(parent, this.infoOf(parent.parentNode));
    // The walk is in document order, so a parent's text is met in one stretch and only the
    // ancestors of where it is matter: a bounded cache keeps a page of 100,000 elements from
    // holding (and the garbage collector from tracing) an entry for each of them.
    if (this.parents.size >= PARENT_CACHE_LIMIT) this.parents.clear();
    this.parents.set(parent, info);
    return info;
  }

  private elementInfo(el: Element, above: ParentInfo): ParentInfo {
    if (above.skip || isSkippedElement(el)) return { skip: true, anchor: null };
    return { skip: false, anchor: INLINE.has(el.localName) ? (above.anchor ?? el) : el };
  }

  private flush(into: TextBlock[]) {
    const block = this.current;
    this.current = null;
    if (!block || !block.nodes.some((n) => /\S/.test(n.data))) return;
    into.push(block);
  }
}
