/** The introduction page (entrypoints/welcome): what the marks mean, with a live sample. */
export const WELCOME_PATH = '/welcome.html';

/** Opens the introduction in a new tab. */
export function openWelcomePage() {
  return browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) });
}

/**
 * runtime.onInstalled: the introduction opens once, when the extension is first installed;
 * never on an update, a reload or a browser update, which greet nobody new.
 */
export async function greetOnInstall(details: { reason: string }): Promise<void> {
  if (details.reason !== 'install') return;
  // A browser that refuses the tab (a policy, a closing window) costs the reader nothing.
  await openWelcomePage().catch(() => undefined);
}
