/** The card's code, built apart from the content script (entrypoints/card.ts). */
const CARD_SCRIPT = '/card.js';

/**
 * Runs the card's code in one frame, in the world of the extension's content scripts there.
 * The card is loaded this way, when a page first needs one, rather than imported from a
 * web-accessible URL: a resource any page can request is a way for pages to tell the extension
 * is installed, and injected code has no URL a page can probe. False when the browser refused
 * (the frame has gone, or the extension may not run there).
 */
export async function injectCard(tabId: number, frameId: number): Promise<boolean> {
  try {
    if (import.meta.env.MANIFEST_VERSION === 3) {
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [frameId] },
        files: [CARD_SCRIPT],
      });
    } else {
      await browser.tabs.executeScript(tabId, { file: CARD_SCRIPT, frameId });
    }
    return true;
  } catch {
    return false;
  }
}
