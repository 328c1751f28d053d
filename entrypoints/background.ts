import { badgeText } from '~/lib/badge';
import { FOUND_COUNT } from '~/lib/messages';
import { onRequest } from '~/utils/messaging';

export default defineBackground(() => {
  onRequest(FOUND_COUNT, (message, sender) => {
    const tabId = sender.tab?.id;
    // Only a top frame speaks for its tab; frames report to their top frame instead.
    if (tabId === undefined || sender.frameId !== 0) return undefined;
    return showCount(tabId, message.count);
  });
});

async function showCount(tabId: number, count: number): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#1f4e79' });
  await browser.action.setBadgeText({ tabId, text: badgeText(count) });
}
