import { mergeDetections } from '~/lib/detections';
import {
  FRAME_CARD,
  FRAME_REPORT,
  LOAD_CARD,
  LOAD_BOOT,
  LOAD_LENS,
  MARK_STYLES,
  MATCH,
  OTHER_FRAMES,
  QUICK_CHECK,
  RECORD,
  SUPPRESS,
  type Detection,
  type FrameCardRequest,
  type FrameCardResponse,
  type LoadCardResponse,
  type LoadBootResponse,
  type LoadLensResponse,
  type MarkStylesResponse,
  type RecordResponse,
  type SuppressResponse,
} from '~/lib/messages';
import type { DatasetRecords } from '~/lib/dataset/model';
import { getActiveDataset } from '~/utils/active-dataset';
import { watchImportChange } from '~/utils/imported-dataset';
import { showCount } from '~/utils/badge-count';
import { BackgroundMatcher, watchBackgroundMatcher } from '~/utils/background-matcher';
import { injectBootstrap, injectCard, injectPageLens } from '~/utils/card-injection';
import { injectMarkStyles } from '~/utils/mark-style-injection';
import { createLookupMenu, lookUp, LOOKUP_MENU_ID } from '~/utils/lookup';
import { onRequest } from '~/utils/messaging';
import { forwardMentionCommand } from '~/utils/mention-commands';
import { refreshManagedPolicy } from '~/utils/settings';
import { suppressOnSite } from '~/utils/suppressions';
import { withLinks } from '~/lib/dataset/links';
import { greetOnInstall } from '~/utils/welcome-page';

export default defineBackground(() => {
  // Menus persist across restarts of the worker; (re)create them when the extension installs.
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(createLookupMenu);
  });
  // A new reader gets the introduction (an update or a reload does not open it again).
  browser.runtime.onInstalled.addListener((details) => void greetOnInstall(details));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== LOOKUP_MENU_ID || !info.selectionText) return;
    void lookUp(info.selectionText, { id: tab?.id, url: info.pageUrl ?? tab?.url });
  });

  // Keep the copy of the administrator's policy that pages and the popup read current.
  void refreshManagedPolicy();
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void refreshManagedPolicy();
  });

  /** What each frame of each tab last reported. Rebuilt by the frames' reports after a restart. */
  const reports = new Map<number, Map<number, Detection[]>>();

  onRequest(FRAME_REPORT, (message, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return undefined;
    const frames = reports.get(tabId) ?? new Map<number, Detection[]>();
    frames.set(sender.frameId ?? 0, message.detections);
    reports.set(tabId, frames);
    return showCount(tabId, mergeDetections([...frames.values()]).length);
  });

  onRequest(OTHER_FRAMES, (_message, sender) => {
    const frames = sender.tab?.id === undefined ? undefined : reports.get(sender.tab.id);
    const others = [...(frames ?? new Map<number, Detection[]>())]
      .filter(([frameId]) => frameId !== 0)
      .map(([, detections]) => detections);
    return Promise.resolve<Detection[][]>(others);
  });

  // A card opening on a page: the full record, which pages do not carry. The active dataset
  // is read (and an import checked) once, not at every card.
  let active: Promise<DatasetRecords> | null = null;
  watchImportChange(() => (active = null));
  onRequest(RECORD, async ({ id }): Promise<RecordResponse> => {
    const dataset = await (active ??= getActiveDataset());
    const record = dataset.records.find((r) => r.id === id);
    // The card names the organisation's predecessor or successor; pages carry no other record.
    return { record: record ? withLinks(dataset.records, record) : null, asOf: dataset.asOf };
  });

  // The one matcher: pages ask whether their text names any organisation at all (see
  // PageScanner), then where, block by block. Pages carry neither dataset nor matcher.
  const matcher = new BackgroundMatcher();
  watchBackgroundMatcher(matcher);
  onRequest(QUICK_CHECK, (message) => matcher.check(message));
  onRequest(MATCH, (message, sender) =>
    matcher.match(message, hostnameOf(sender.url ?? sender.tab?.url)),
  );

  // A card opening for the first time in a frame: its code, put into that frame's content
  // script world (see injectCard).
  onRequest(LOAD_CARD, async (_message, sender): Promise<LoadCardResponse> => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return { loaded: false };
    return { loaded: await injectCard(tabId, sender.frameId ?? 0) };
  });

  // A frame below the top one, large enough to show text and showing some (its probe asks):
  // the bootstrap, which top frames are declared to load.
  onRequest(LOAD_BOOT, async (_message, sender): Promise<LoadBootResponse> => {
    const tabId = sender.tab?.id;
    const frameId = sender.frameId;
    if (tabId === undefined || !frameId) return { loaded: false };
    return { loaded: await injectBootstrap(tabId, frameId) };
  });

  // A frame whose quick check found a name (or that needs reading node by node, or the top
  // frame asked to show a frame's card): the scanner, marker and card, put into that frame's
  // content script world the same way.
  onRequest(LOAD_LENS, async (_message, sender): Promise<LoadLensResponse> => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return { loaded: false };
    return { loaded: await injectPageLens(tabId, sender.frameId ?? 0) };
  });

  // A frame about to mark: the marks' styles, as extension CSS in that frame (see
  // injectMarkStyles); again, with the old ones taken out, when the reader changes them.
  onRequest(MARK_STYLES, async ({ styles, previous }, sender): Promise<MarkStylesResponse> => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return { injected: false };
    const target = { tabId, frameId: sender.frameId ?? 0, documentId: sender.documentId };
    return { injected: await injectMarkStyles(target, styles, previous) };
  });

  // A frame's card, shown by the tab's top frame (see FrameCardRequest): forwarded with the
  // frame's id, which the top frame matches against its frame elements.
  onRequest(FRAME_CARD, async (message, sender): Promise<FrameCardResponse> => {
    const tabId = sender.tab?.id;
    const frameId = sender.frameId;
    if (tabId === undefined || !frameId) return { shown: false };
    try {
      const reply = await browser.tabs.sendMessage<FrameCardRequest, FrameCardResponse | undefined>(
        tabId,
        { ...message, frameId },
        { frameId: 0 },
      );
      return { shown: reply?.shown === true };
    } catch {
      // No content script in the top frame (a page the extension may not run on).
      return { shown: false };
    }
  });

  onRequest(SUPPRESS, ({ entry }): Promise<SuppressResponse> => suppressOnSite(entry));

  browser.commands.onCommand.addListener((command) => void forwardMentionCommand(command));

  // A new document in the tab: its frames report afresh.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') reports.delete(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => reports.delete(tabId));
});

/** The host a frame's address names ('' for about:blank and the like). */
function hostnameOf(url: string | undefined): string {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}
