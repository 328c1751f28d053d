import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleMessage, Page } from 'playwright-core';
import { launchExtension, serveFixtures, type ExtensionBrowser } from './harness';
import { PING, type PingResponse } from '../../lib/messages';

let browser: ExtensionBrowser;
let server: Awaited<ReturnType<typeof serveFixtures>>;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchExtension(), serveFixtures()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page and collects what it logs as an error, including uncaught exceptions. */
async function openCollectingErrors(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForLoadState('load');
  return { page, errors };
}

describe('the built extension in Chromium', () => {
  it('starts its service worker from the extension', () => {
    expect(browser.worker.url()).toBe(`chrome-extension://${browser.extensionId}/background.js`);
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('renders the popup, search box focused, without console errors', async () => {
    const { page, errors } = await openCollectingErrors(
      `chrome-extension://${browser.extensionId}/popup.html`,
    );
    const search = page.getByRole('combobox', { name: 'Search cluster organisations' });
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toMatch(/^\d{1,3}(,\d{3})* organisations$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders the options page, and a change persists in storage.sync', async () => {
    const { page, errors } = await openCollectingErrors(
      `chrome-extension://${browser.extensionId}/options.html`,
    );
    const toggle = page.getByLabel('Mark cluster organisations on web pages');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved');
    const stored = await browser.worker.evaluate(() => chrome.storage.sync.get('settings'));
    expect(stored).toMatchObject({ settings: { enabled: false, siteMode: 'everywhere' } });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs its content script on a page served from 127.0.0.1', async () => {
    const url = server.url('plain.html');
    const { page } = await openCollectingErrors(url);
    const answer = await browser.worker.evaluate(
      async ({ url, type }) => {
        // Without the tabs permission, tab URLs are hidden: ask every tab, keep the page's answer.
        // The content script runs at document_idle, so ask until it is listening.
        for (let i = 0; i < 50; i++) {
          for (const tab of await chrome.tabs.query({})) {
            try {
              const reply: { url?: string } | undefined = await chrome.tabs.sendMessage(tab.id!, {
                type,
              });
              if (reply?.url === url) return reply;
            } catch {
              // No content script in that tab (yet).
            }
          }
          await new Promise((r) => setTimeout(r, 100));
        }
        return null;
      },
      { url, type: PING },
    );
    expect(answer).toEqual({ url, topFrame: true } satisfies PingResponse);
    await page.close();
  });
});
