import type { Browser } from 'wxt/browser';
import { highlightCss, type MarkStyles } from '~/lib/highlight-css';

/** The frame (and, where the browser names it, the document) that asked for its marks' styles. */
export interface StyleTarget {
  tabId: number;
  frameId: number;
  documentId?: string;
}

/**
 * Puts the marks' `::highlight()` rules into one frame as extension CSS and takes out the rules
 * the frame had before. Extension CSS is neither in the page's `document.styleSheets` nor in
 * its `adoptedStyleSheets`, so a page can neither see it nor drop it by assigning its own
 * sheets, and copying its sheets into another document keeps working.
 *
 * Chrome: author origin, which paints highlights in open shadow roots too (user-origin
 * `::highlight()` rules are not painted at all in Chromium 156). Firefox: user origin, the one
 * that reaches elements in shadow roots (author-origin rules apply to the document's own tree
 * only). Checked with screenshots in tests/e2e/mark-styles.test.ts and firefox-isolation.test.ts.
 * False when the browser refused (the frame has gone, or the extension may not run there).
 */
export async function injectMarkStyles(
  target: StyleTarget,
  styles: MarkStyles | null,
  previous: MarkStyles | null,
): Promise<boolean> {
  const css = styles && highlightCss(styles);
  const old = previous && highlightCss(previous);
  try {
    // The new rules first, then the old ones out, so the marks never show unstyled.
    if (css !== null && css !== old) await insert(target, css);
    if (old !== null && old !== css) await remove(target, old);
    return true;
  } catch {
    return false;
  }
}

async function insert(target: StyleTarget, css: string) {
  if (import.meta.env.MANIFEST_VERSION === 3) {
    await browser.scripting.insertCSS({ target: scriptingTarget(target), css, origin: 'AUTHOR' });
  } else {
    await browser.tabs.insertCSS(target.tabId, tabsDetails(target, css));
  }
}

async function remove(target: StyleTarget, css: string) {
  if (import.meta.env.MANIFEST_VERSION === 3) {
    await browser.scripting.removeCSS({ target: scriptingTarget(target), css, origin: 'AUTHOR' });
  } else {
    await browser.tabs.removeCSS(target.tabId, tabsDetails(target, css));
  }
}

/** The document that asked, where Chrome names it: not a newer one the frame has moved on to. */
function scriptingTarget({
  tabId,
  frameId,
  documentId,
}: StyleTarget): Browser.scripting.InjectionTarget {
  return documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [frameId] };
}

function tabsDetails({ frameId }: StyleTarget, code: string): Browser.extensionTypes.InjectDetails {
  return { code, frameId, cssOrigin: 'user', matchAboutBlank: true };
}
