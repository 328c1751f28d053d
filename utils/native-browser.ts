import type { browser as PolyfilledBrowser } from 'wxt/browser';

type ExtensionApi = typeof PolyfilledBrowser;

/**
 * The browser's own extension API: Firefox's `browser`, Chromium's `chrome`, whose calls return
 * promises in Manifest V3 as Firefox's do. The content script every frame loads uses it
 * instead of webextension-polyfill's `browser` (about 10 KB that every frame would compile and
 * evaluate); what it uses is the same in both browsers: `runtime.sendMessage`, `storage` reads
 * and `onChanged`, `runtime.id`, and `runtime.onMessage` answered through `sendResponse`
 * (answerRequests below), not by returning a promise, which Chromium does not take.
 */
export function extensionApi(): ExtensionApi {
  const api = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return api.browser?.runtime?.id ? api.browser : api.chrome!;
}

export const nativeBrowser: ExtensionApi = /* @__PURE__ */ extensionApi();
