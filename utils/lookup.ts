import { i18n } from '#i18n';
import { storage } from '#imports';

/**
 * "Look up in Cluster Lens" on selected text: the background leaves the selection here and opens
 * the popup, which takes it as its search. storage.session: gone when the browser closes.
 */
export const pendingLookupItem = storage.defineItem<string | null>('session:pendingLookup', {
  fallback: null,
});

export const LOOKUP_MENU_ID = 'cluster-lens-lookup';
/** Longer selections are cut: a name is never this long, and the popup search stays fast. */
const MAX_LOOKUP_CHARS = 120;

export function lookupQuery(selection: string): string {
  return selection.replace(/\s+/g, ' ').trim().slice(0, MAX_LOOKUP_CHARS);
}

export function createLookupMenu(): void {
  browser.contextMenus.create({
    id: LOOKUP_MENU_ID,
    // %s is the selected text, filled in by the browser.
    title: i18n.t('menu.lookup'),
    contexts: ['selection'],
  });
}

/**
 * Opens the popup on the selection; where a popup can't be opened, the same page in a tab, told
 * which page the selection came from so its "On this page" speaks of that page.
 */
export async function lookUp(
  selection: string,
  from?: { id?: number; url?: string },
): Promise<void> {
  const query = lookupQuery(selection);
  if (query === '') return;
  await pendingLookupItem.setValue(query);
  const action =
    browser.action ??
    (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  try {
    await action.openPopup();
  } catch {
    await pendingLookupItem.setValue(null);
    const params = new URLSearchParams({ q: query });
    if (from?.id !== undefined && from.url) {
      params.set('tab', String(from.id));
      params.set('url', from.url);
    }
    const url = `${browser.runtime.getURL('/popup.html')}?${params.toString()}`;
    await browser.tabs.create({ url });
  }
}

/** The popup's first query: from its address (a tab), else a pending lookup (taken once). */
export async function takeInitialQuery(search: string): Promise<string | null> {
  const fromUrl = new URLSearchParams(search).get('q');
  if (fromUrl) return lookupQuery(fromUrl);
  const pending = await pendingLookupItem.getValue();
  if (pending !== null) await pendingLookupItem.setValue(null);
  return pending;
}
