import type { Browser } from 'wxt/browser';
import {
  DETECTIONS,
  FRAME_REPORT,
  isRequest,
  REVEAL,
  type DetectionsResponse,
  type RevealRequest,
} from '~/lib/messages';

export interface ActiveTab {
  id: number | undefined;
  /** Known thanks to the activeTab permission, granted when the popup opens. */
  url: string | undefined;
}

/**
 * The tab the popup speaks about: the active tab of its window; or, when the popup page was
 * opened in a tab of its own for a page ("Look up in Cluster Lens" where no popup can open),
 * that page, named in its address (`?tab=<id>&url=<page address>`).
 */
export async function queryActiveTab(search = ''): Promise<ActiveTab> {
  const params = new URLSearchParams(search);
  const forTab = Number(params.get('tab'));
  const forUrl = params.get('url');
  if (Number.isInteger(forTab) && forTab > 0 && forUrl) return { id: forTab, url: forUrl };
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id, url: tab?.url };
}

/** What the tab's content script found, or null when nothing answers in time. */
export async function requestDetections(
  tabId: number,
  timeoutMs = 1500,
): Promise<DetectionsResponse | null> {
  const answer = browser.tabs
    .sendMessage(tabId, { type: DETECTIONS }, { frameId: 0 })
    .then((r) => (r as DetectionsResponse | undefined) ?? null)
    .catch(() => null);
  const timeout = new Promise<null>((done) => setTimeout(() => done(null), timeoutMs));
  return Promise.race([answer, timeout]);
}

/** Asks the page to scroll to the organisation's first mention and open its card. */
export async function revealOnPage(tabId: number, id: string): Promise<void> {
  const message: RevealRequest = { type: REVEAL, id };
  await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
}

/**
 * Calls `listener` whenever a frame of the tab reports its findings to the background (the
 * report reaches every page of the extension, the popup included); returns the unsubscribe.
 */
export function watchPageReports(tabId: number, listener: () => void): () => void {
  const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.tab?.id === tabId && isRequest(message, FRAME_REPORT)) listener();
    // No answer from here: the background answers the report.
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}
