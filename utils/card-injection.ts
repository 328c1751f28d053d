/** The card's code, built apart from the content script (entrypoints/card.ts). */
const CARD_SCRIPT = '/card.js';
/** The scanner, marker and hover card, built apart from the bootstrap (entrypoints/page-lens). */
const PAGE_LENS_SCRIPT = '/page-lens.js';
/** The bootstrap, declared for top frames; frames below get it when their probe asks. */
const BOOT_SCRIPT = '/content-scripts/content.js';

/**
 * Runs the card's code in one frame, in the world of the extension's content scripts there.
 * The card is loaded this way, when a page first needs one, rather than imported from a
 * web-accessible URL: a resource any page can request is a way for pages to tell the extension
 * is installed, and injected code has no URL a page can probe. False when the browser refused
 * (the frame has gone, or the extension may not run there).
 */
export function injectCard(tabId: number, frameId: number): Promise<boolean> {
  return injectFile(tabId, frameId, CARD_SCRIPT);
}

/**
 * Runs the page lens (scanner, marker, hover card) in one frame, the same way as the card: only
 * frames whose text may name someone, and a top frame asked to show a frame's card, pay for it
 * (see entrypoints/content/page-boot.ts).
 */
export function injectPageLens(tabId: number, frameId: number): Promise<boolean> {
  return injectFile(tabId, frameId, PAGE_LENS_SCRIPT);
}

/**
 * Runs the bootstrap in a frame below the top one whose probe (entrypoints/frame-probe.ts)
 * found it large enough to show text, and showing some.
 */
export function injectBootstrap(tabId: number, frameId: number): Promise<boolean> {
  return injectFile(tabId, frameId, BOOT_SCRIPT);
}

async function injectFile(tabId: number, frameId: number, file: string): Promise<boolean> {
  try {
    if (import.meta.env.MANIFEST_VERSION === 3) {
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [frameId] },
        files: [file],
      });
    } else {
      // about:blank frames run the declared content script too (matchAboutBlank).
      await browser.tabs.executeScript(tabId, { file, frameId, matchAboutBlank: true });
    }
    return true;
  } catch {
    return false;
  }
}
