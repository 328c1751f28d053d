import { mergeDetections } from '~/lib/detections';
import {
  FRAME_REPORT,
  OTHER_FRAMES,
  QUICK_CHECK,
  RECORD,
  type Detection,
  type RecordResponse,
} from '~/lib/messages';
import { getActiveDataset } from '~/utils/active-dataset';
import { showCount } from '~/utils/badge-count';
import { createLookupMenu, lookUp, LOOKUP_MENU_ID } from '~/utils/lookup';
import { onRequest } from '~/utils/messaging';
import { forwardMentionCommand } from '~/utils/mention-commands';
import { QuickChecker, watchQuickChecker } from '~/utils/quick-checker';
import { refreshManagedPolicy } from '~/utils/settings';

export default defineBackground(() => {
  // Menus persist across restarts of the worker; (re)create them when the extension installs.
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(createLookupMenu);
  });
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

  // A card opening on a page: the full record, which pages do not carry.
  onRequest(RECORD, async ({ id }): Promise<RecordResponse> => {
    const dataset = await getActiveDataset();
    return { record: dataset.records.find((r) => r.id === id) ?? null, asOf: dataset.asOf };
  });

  // Pages ask whether their text names any organisation at all (see PageScanner).
  const quickChecker = new QuickChecker();
  watchQuickChecker(quickChecker);
  onRequest(QUICK_CHECK, (message) => quickChecker.check(message));

  browser.commands.onCommand.addListener((command) => void forwardMentionCommand(command));

  // A new document in the tab: its frames report afresh.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') reports.delete(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => reports.delete(tabId));
});
