import { highlightName, type MarkStyles } from '~/lib/highlight-css';
import { MARK_CATEGORIES, type MarkCategory } from '~/lib/settings';
import { InjectedMarkStyles, type MarkStyleSheet } from './mark-styles';

/**
 * Marks ranges with the CSS Custom Highlight API: one named Highlight per category, painted by
 * `::highlight()` rules the background puts into the frame as extension CSS (mark-styles.ts).
 * Nothing is added to the page's DOM or to its style sheets, so frameworks that own the markup
 * (React, Vue) or the sheets (Lit) never see a change.
 */
export interface Marker {
  add(range: AbstractRange, category: MarkCategory): void;
  remove(range: AbstractRange, category: MarkCategory): void;
  clear(): void;
  setStyles(styles: MarkStyles): void;
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
  dispose() {},
};

export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class HighlightMarker implements Marker {
  private readonly highlights = new Map<MarkCategory, Highlight>();
  private readonly sheet: MarkStyleSheet;

  constructor(styles: MarkStyles, sheet?: MarkStyleSheet) {
    for (const category of MARK_CATEGORIES) {
      const highlight = new Highlight();
      this.highlights.set(category, highlight);
      CSS.highlights.set(highlightName(category), highlight);
    }
    this.sheet = sheet ?? new InjectedMarkStyles(styles);
  }

  add(range: AbstractRange, category: MarkCategory) {
    this.highlights.get(category)?.add(range);
    this.sheet.marked(range);
  }

  remove(range: AbstractRange, category: MarkCategory) {
    this.highlights.get(category)?.delete(range);
  }

  clear() {
    for (const highlight of this.highlights.values()) highlight.clear();
  }

  setStyles(styles: MarkStyles) {
    this.sheet.set(styles);
  }

  dispose() {
    this.clear();
    for (const category of MARK_CATEGORIES) CSS.highlights.delete(highlightName(category));
    this.sheet.dispose();
  }
}

/**
 * A HighlightMarker made when marks may come (prepare: the scan sends text to be matched) or
 * at the first mark: most pages name no organisation, and on them registering the highlights
 * and adding the style rules cost about 1 ms of script and made the page recalculate the
 * style of every element (6.5 ms on a news article). Made at the first mark instead, that
 * recalculation fell inside the next scan slice that asked for style (checkVisibility): 600 ms
 * on the 100,000-element test page; prepared when the text is sent, it happens in the page's
 * next frame, before the answer is marked.
 */
export class LazyHighlightMarker implements Marker {
  private marker: HighlightMarker | null = null;

  constructor(private styles: MarkStyles) {}

  prepare(): HighlightMarker {
    this.marker ??= new HighlightMarker(this.styles);
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

  setStyles(styles: MarkStyles) {
    this.styles = styles;
    this.marker?.setStyles(styles);
  }

  dispose() {
    this.marker?.dispose();
    this.marker = null;
  }
}
