/**
 * Whether the content script can run on a tab's page. It is declared for http(s) pages only,
 * and browsers keep extensions out of their own pages and their web stores.
 */
const STORE_HOSTS = [
  'chromewebstore.google.com',
  'addons.mozilla.org',
  'microsoftedge.microsoft.com',
];

export type PageAccess =
  | { kind: 'scannable'; hostname: string }
  /** Browser-internal, store, file or unknown pages: no content script there. */
  | { kind: 'not-scannable' };

export function pageAccess(url: string | undefined): PageAccess {
  if (!url) return { kind: 'not-scannable' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'not-scannable' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { kind: 'not-scannable' };
  const host = parsed.hostname.toLowerCase();
  if (STORE_HOSTS.includes(host)) return { kind: 'not-scannable' };
  if (host === 'chrome.google.com' && parsed.pathname.startsWith('/webstore')) {
    return { kind: 'not-scannable' };
  }
  return { kind: 'scannable', hostname: host };
}
