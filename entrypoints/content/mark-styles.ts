import { highlightCss, type MarkStyles } from '~/lib/highlight-css';
import { MARK_STYLES, type MarkStylesRequest, type MarkStylesResponse } from '~/lib/messages';

/** Where a frame's `::highlight()` rules live. */
export interface MarkStyleSheet {
  set(styles: MarkStyles): void;
  /** A mark was added over this range. */
  marked(range: AbstractRange): void;
  dispose(): void;
}

type Send = (request: MarkStylesRequest) => Promise<MarkStylesResponse | undefined>;

const sendToBackground: Send = (request) => browser.runtime.sendMessage(request);

/**
 * The rules as extension CSS, put into the frame by the background (utils/mark-style-injection.ts):
 * nothing the page can see in its style sheets, drop by assigning its own, or trip over when it
 * copies its sheets into another document. Extension CSS paints the marks in open shadow roots
 * too, in Chromium and Firefox. Only if the browser refuses (a frame the extension may not put
 * CSS into) does the frame fall back to adopting a sheet (AdoptedMarkStyles).
 */
export class InjectedMarkStyles implements MarkStyleSheet {
  /** The styles whose rules the frame has now, as far as the background said. */
  private inFrame: MarkStyles | null = null;
  private wanted: MarkStyles | null;
  private busy = false;
  private fallback: AdoptedMarkStyles | null = null;

  constructor(
    styles: MarkStyles,
    private readonly send: Send = sendToBackground,
  ) {
    this.wanted = styles;
    this.sync();
  }

  set(styles: MarkStyles) {
    this.wanted = styles;
    if (this.fallback) this.fallback.set(styles);
    else this.sync();
  }

  marked(range: AbstractRange) {
    this.fallback?.marked(range);
  }

  dispose() {
    this.wanted = null;
    if (this.fallback) this.fallback.dispose();
    else this.sync();
  }

  /** One request at a time, each from what the frame has to what is wanted now. */
  private sync() {
    const wanted = this.wanted;
    if (this.busy || sameRules(wanted, this.inFrame)) return;
    this.busy = true;
    this.send({ type: MARK_STYLES, styles: wanted, previous: this.inFrame }).then(
      (reply) => {
        this.busy = false;
        if (reply?.injected) {
          this.inFrame = wanted;
          this.sync();
        } else if (this.wanted) {
          this.fallback = new AdoptedMarkStyles(this.wanted);
        }
      },
      () => {
        // No background (the extension was reloaded or removed): this copy of the script is
        // about to stop; there is nothing to style with.
        this.busy = false;
      },
    );
  }
}

function sameRules(a: MarkStyles | null, b: MarkStyles | null): boolean {
  return a === b || (a !== null && b !== null && highlightCss(a) === highlightCss(b));
}

/**
 * The fallback: a constructed sheet adopted by the document or shadow root of each mark, only
 * where there is a mark, and adopted again at the next mark when a framework that assigns
 * `adoptedStyleSheets = [...]` (Lit, say) dropped it. Unlike extension CSS the page can see it.
 */
export class AdoptedMarkStyles implements MarkStyleSheet {
  private readonly sheet = new CSSStyleSheet();
  private readonly adopters = new Set<Partial<DocumentOrShadowRoot>>();

  constructor(styles: MarkStyles) {
    this.set(styles);
  }

  set(styles: MarkStyles) {
    this.sheet.replaceSync(highlightCss(styles));
  }

  marked(range: AbstractRange) {
    // The mark's document or shadow root (a node out of the tree has neither: nothing to paint).
    const root = range.startContainer.getRootNode() as Partial<DocumentOrShadowRoot>;
    if (!root.adoptedStyleSheets || root.adoptedStyleSheets.includes(this.sheet)) return;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
    this.adopters.add(root);
  }

  dispose() {
    for (const root of this.adopters) {
      root.adoptedStyleSheets = root.adoptedStyleSheets?.filter((s) => s !== this.sheet);
    }
    this.adopters.clear();
  }
}
