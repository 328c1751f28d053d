import { MARK_CATEGORIES, type MarkCategory, type MarkStyle } from '~/lib/settings';

/**
 * Marks ranges with the CSS Custom Highlight API: one named Highlight per category, painted by
 * `::highlight()` rules in a constructed stylesheet. Nothing is added to the page's DOM, so
 * frameworks that own the markup (React, Vue) never see a change.
 */
export interface Marker {
  add(range: AbstractRange, category: MarkCategory): void;
  remove(range: AbstractRange, category: MarkCategory): void;
  clear(): void;
  setStyles(styles: Record<MarkCategory, MarkStyle>): void;
  /** Make the marks visible inside an open shadow root too. */
  adoptInto(root: ShadowRoot): void;
  dispose(): void;
  /**
   * Marks may come soon: get ready now, in the page's time, so the style work of getting
   * ready does not land in a later scan slice (see LazyHighlightMarker).
   */
  prepare?(): void;
}

/** Marks nothing: where the Highlight API is missing (detection still runs), and in tests. */
export const NO_MARKS: Marker = {
  add() {},
  remove() {},
  clear() {},
  setStyles() {},
  adoptInto() {},
  dispose() {},
};

export const highlightName = (category: MarkCategory) => `cluster-lens-${category}`;

export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** The `::highlight()` rules for the chosen styles: an underline per level, never colour alone. */
export function highlightCss(styles: Record<MarkCategory, MarkStyle>): string {
  return MARK_CATEGORIES.map((category) => {
    const { underline, color } = styles[category];
    return `::highlight(${highlightName(category)}) {
  text-decoration: underline ${underline} ${color};
  text-decoration-thickness: 2px;
  text-underline-offset: 3px;
  background-color: ${color}1f;
}`;
  }).join('\n');
}

export class HighlightMarker implements Marker {
  private readonly highlights = new Map<MarkCategory, Highlight>();
  private readonly sheet = new CSSStyleSheet();
  private readonly adopters: (Document | ShadowRoot)[] = [];

  constructor(styles: Record<MarkCategory, MarkStyle>, doc: Document = document) {
    for (const category of MARK_CATEGORIES) {
      const highlight = new Highlight();
      this.highlights.set(category, highlight);
      CSS.highlights.set(highlightName(category), highlight);
    }
    this.setStyles(styles);
    this.adopt(doc);
  }

  add(range: AbstractRange, category: MarkCategory) {
    this.highlights.get(category)?.add(range);
  }

  remove(range: AbstractRange, category: MarkCategory) {
    this.highlights.get(category)?.delete(range);
  }

  clear() {
    for (const highlight of this.highlights.values()) highlight.clear();
  }

  setStyles(styles: Record<MarkCategory, MarkStyle>) {
    this.sheet.replaceSync(highlightCss(styles));
  }

  adoptInto(root: ShadowRoot) {
    this.adopt(root);
  }

  dispose() {
    this.clear();
    for (const category of MARK_CATEGORIES) CSS.highlights.delete(highlightName(category));
    for (const target of this.adopters) {
      target.adoptedStyleSheets = target.adoptedStyleSheets.filter((s) => s !== this.sheet);
    }
    this.adopters.length = 0;
  }

  private adopt(target: Document | ShadowRoot) {
    if (this.adopters.includes(target)) return;
    // Adopted sheets are not part of the DOM tree: the page's markup stays byte-identical.
    target.adoptedStyleSheets = [...target.adoptedStyleSheets, this.sheet];
    this.adopters.push(target);
  }
}

/**
 * A HighlightMarker made when marks may come (prepare: the scan sends text to be matched) or
 * at the first mark: most pages name no organisation, and on them registering the highlights
 * and adopting the style sheet cost about 1 ms of script and made the page recalculate the
 * style of every element (6.5 ms on a news article). Made at the first mark instead, that
 * recalculation fell inside the next scan slice that asked for style (checkVisibility): 600 ms
 * on the 100,000-element test page; prepared when the text is sent, it happens in the page's
 * next frame, before the answer is marked.
 */
export class LazyHighlightMarker implements Marker {
  private marker: HighlightMarker | null = null;
  private readonly roots: ShadowRoot[] = [];

  constructor(private styles: Record<MarkCategory, MarkStyle>) {}

  prepare(): HighlightMarker {
    if (!this.marker) {
      this.marker = new HighlightMarker(this.styles);
      for (const root of this.roots) this.marker.adoptInto(root);
      this.roots.length = 0;
    }
    return this.marker;
  }

  add(range: AbstractRange, category: MarkCategory) {
    this.prepare().add(range, category);
  }

  remove(range: AbstractRange, category: MarkCategory) {
    this.marker?.remove(range, category);
  }

  clear() {
    this.marker?.clear();
  }

  setStyles(styles: Record<MarkCategory, MarkStyle>) {
    this.styles = styles;
    this.marker?.setStyles(styles);
  }

  adoptInto(root: ShadowRoot) {
    if (this.marker) this.marker.adoptInto(root);
    else if (!this.roots.includes(root)) this.roots.push(root);
  }

  dispose() {
    this.marker?.dispose();
    this.marker = null;
    this.roots.length = 0;
  }
}
