import { badgeText } from '~/lib/badge';

/** The badge methods the count needs; both browsers return promises (Firefox natively). */
interface BadgeApi {
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
}

/**
 * The toolbar button's API. Chrome's MV3 build has `action`; Firefox's MV2 build has only
 * `browserAction`, with the same badge methods, and `action` is undefined there.
 */
function toolbarButton(): BadgeApi {
  // The types give browserAction's methods callbacks; in Firefox they return promises.
  return browser.action ?? (browser.browserAction as unknown as BadgeApi);
}

/** Shows on the toolbar button how many organisations the tab's page mentions. */
export async function showCount(tabId: number, count: number): Promise<void> {
  const button = toolbarButton();
  await button.setBadgeBackgroundColor({ tabId, color: '#1f4e79' });
  await button.setBadgeText({ tabId, text: badgeText(count) });
}
