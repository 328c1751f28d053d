import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, serveFixtures, tabIdOf, type ExtensionBrowser } from './harness';

/**
 * Nothing the content script does announces the extension to the page, and nothing the page
 * sends can switch it off (WXT's "content script started" message carried the extension's id
 * to every page and frame, and a forged one stopped the script in that frame).
 */
let ext: ExtensionBrowser;
let server: Awaited<ReturnType<typeof serveFixtures>>;

beforeAll(async () => {
  [ext, server] = await Promise.all([launchExtension(), serveFixtures()]);
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** The texts of the page's gold marks, sorted. */
function goldMarks(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...(CSS.highlights.get('cluster-lens-gold') ?? [])]
      .map((r) => {
        const range = new Range();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      })
      .sort(),
  );
}

async function openMarked(url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  await expect.poll(() => goldMarks(page), { timeout: 20_000 }).toEqual(['Valorial']);
  return page;
}

describe('the page and the content script in Chromium', () => {
  it('posts the page nothing that names the extension', async () => {
    const url = server.url('page-channel.html');
    const page = await openMarked(url);
    // The script has started and marked; give any message time to arrive.
    await page.waitForTimeout(300);
    const received = await page.evaluate(
      () => (window as unknown as { received: string[] }).received,
    );
    expect(received.filter((m) => m.includes(ext.extensionId))).toEqual([]);
    expect(received.filter((m) => m.includes('content-script-started'))).toEqual([]);
    await page.close();
  });

  it('keeps marking after the page forges a "newer script started" event and message', async () => {
    const url = server.url('page-channel.html');
    const page = await openMarked(url);
    const tabId = await tabIdOf(ext, url);
    const badge = () =>
      ext.worker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), tabId);
    await expect.poll(badge).toBe('1');
    // What WXT 0.20's context listens for, and what it posts, under the extension's id.
    await page.evaluate((id) => {
      const type = `${id}:content:wxt:content-script-started`;
      const detail = { contentScriptName: 'content', messageId: 'forged' };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, ...detail }, '*');
    }, ext.extensionId);
    await page.evaluate(() => {
      document.getElementById('later')!.textContent = 'Minalogic joined the project later.';
    });
    await expect
      .poll(() => goldMarks(page), { timeout: 10_000 })
      .toEqual(['Minalogic', 'Valorial']);
    await expect.poll(badge).toBe('2');
    await page.close();
  });

  it('stops the older copy when the script runs again in the same frame', async () => {
    const url = server.url('page-channel.html');
    const page = await openMarked(url);
    const tabId = await tabIdOf(ext, url);
    // The copy's own world, found again without the page: the same script run a second time
    // (as an extension update or a developer's reload may run it) must leave one copy working.
    // Every working copy reports what its frame holds after a change: count the reports.
    await ext.worker.evaluate(() => {
      const seen = globalThis as unknown as { reports: number; lastReport: number };
      seen.reports = 0;
      seen.lastReport = Date.now();
      chrome.runtime.onMessage.addListener((message: { type?: string }) => {
        if (message.type !== 'cluster-lens:frame-report') return;
        seen.reports++;
        seen.lastReport = Date.now();
      });
    });
    await ext.worker.evaluate(async (tabId) => {
      await chrome.scripting.executeScript({
        target: { tabId },
        files: ['content-scripts/content.js'],
      });
    }, tabId);
    // The new copy scans the frame afresh and reports: wait until reports have stopped for 2 s
    // (at most 15 s), then count from zero.
    await expect
      .poll(
        () =>
          ext.worker.evaluate(() => {
            const seen = globalThis as unknown as { reports: number; lastReport: number };
            return seen.reports > 0 && Date.now() - seen.lastReport > 2000;
          }),
        { timeout: 15_000, interval: 250 },
      )
      .toBe(true);
    await ext.worker.evaluate(() => {
      (globalThis as unknown as { reports: number }).reports = 0;
    });
    await page.evaluate(() => {
      document.getElementById('later')!.textContent = 'Minalogic joined the project later.';
    });
    await expect
      .poll(() => goldMarks(page), { timeout: 10_000 })
      .toEqual(['Minalogic', 'Valorial']);
    await page.waitForTimeout(1500);
    const reports = await ext.worker.evaluate(
      () => (globalThis as unknown as { reports: number }).reports,
    );
    expect(reports).toBe(1);
    await page.close();
  });
});
