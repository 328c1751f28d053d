/**
 * The matcher lives in the background only: pages ask it. These tests load the built
 * extension in Chromium and check that what pages ask is answered in full, whatever the
 * frames and whatever the state of the service worker.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DetectionsResponse, ScanStatsResponse } from '../../lib/messages';
import { writeLargeArticle, writeTwentyFrames } from './fixtures';
import { askTab, launchExtension, serveFixtures, type ExtensionBrowser } from './harness';

let ext: ExtensionBrowser;
let server: Awaited<ReturnType<typeof serveFixtures>>;
let large: ReturnType<typeof writeLargeArticle>;
let twenty: ReturnType<typeof writeTwentyFrames>;

beforeAll(async () => {
  large = writeLargeArticle();
  twenty = writeTwentyFrames();
  [ext, server] = await Promise.all([launchExtension(), serveFixtures()]);
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/**
 * The extension as it is now: after the service worker was stopped, the next one that starts
 * is another worker, which Playwright reaches through a new handle. A stopped worker is started
 * again (as any event for the extension would start it).
 */
async function current(cdp: CDPSession): Promise<ExtensionBrowser> {
  for (let attempt = 0; attempt < 20; attempt++) {
    for (const worker of [...ext.context.serviceWorkers()].reverse()) {
      const alive = await Promise.race([
        worker.evaluate(() => true).catch(() => false),
        new Promise<false>((r) => setTimeout(() => r(false), 1000)),
      ]);
      if (alive) return { ...ext, worker };
    }
    await cdp
      .send('ServiceWorker.startWorker', { scopeURL: `chrome-extension://${ext.extensionId}/` })
      .catch(() => {});
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the service worker did not start again');
}

let cdp: CDPSession;

async function ask<T>(url: string, type: string): Promise<T> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const reply = await askTab<T>(await current(cdp), url, type);
      if (reply) return reply;
    } catch {
      // The worker handle went away with the worker: take the next one.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no content script answered in ${url}`);
}

async function settled(url: string) {
  await expect
    .poll(async () => (await ask<ScanStatsResponse>(url, 'cluster-lens:scan-stats')).idle, {
      timeout: 30_000,
    })
    .toBe(true);
  await new Promise((r) => setTimeout(r, 400));
}

const counts = async (url: string) =>
  Object.fromEntries(
    (await ask<DetectionsResponse>(url, 'cluster-lens:detections')).detections.map((d) => [
      d.id,
      d.count,
    ]),
  );

/** The text of each Cluster Lens highlight range in one frame. */
function marked(frame: Page | ReturnType<Page['frames']>[number]) {
  return frame.evaluate(() =>
    [...CSS.highlights]
      .filter(([name]) => name.startsWith('cluster-lens-'))
      .flatMap(([, h]) =>
        [...h].map((r) => {
          const range = new Range();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString();
        }),
      )
      .sort(),
  );
}

/**
 * The frames of the tab showing `url` whose content script world holds the bootstrap (its
 * clock's global, which the frame probe does not set), asked from the service worker.
 */
async function framesWithBootstrap(url: string) {
  const results = await (
    await current(cdp)
  ).worker.evaluate(async (pageUrl) => {
    const [tab] = await chrome.tabs.query({ url: pageUrl });
    if (tab?.id === undefined) return [];
    return chrome.scripting.executeScript({
      target: { tabId: tab.id, allFrames: true },
      func: () => ({
        top: window === window.top,
        note: location.pathname.includes('/frame-'),
        bootstrap: '__clusterLensClock' in globalThis,
      }),
    });
  }, url);
  const frames = results.map(
    (r) => r.result as { top: boolean; note: boolean; bootstrap: boolean },
  );
  expect(frames).toHaveLength(21);
  const count = (pick: (f: (typeof frames)[number]) => boolean) =>
    frames.filter((f) => pick(f) && f.bootstrap).length;
  return {
    top: count((f) => f.top),
    notes: count((f) => f.note),
    empty: count((f) => !f.top && !f.note),
  };
}

/** Stops every service worker of the browser, the extension's included (it restarts on demand). */
async function stopWorkers(cdp: CDPSession) {
  await cdp.send('ServiceWorker.stopAllWorkers');
}

describe("the background's matcher", () => {
  it('marks a page of 20 frames in full: 10 empty ad-like frames, 10 naming organisations', async () => {
    const page = await ext.context.newPage();
    cdp = await ext.context.newCDPSession(page);
    const url = server.url('generated/twenty-frames.html');
    await page.goto(url);
    expect(page.frames()).toHaveLength(1 + twenty.frames);
    await expect
      .poll(() => counts(url), { timeout: 30_000 })
      .toEqual({ valorial: twenty.valorial, 'hamburg-aviation': twenty.hamburg });
    const articleFrames = page.frames().filter((f) => f.url().includes('/frame-'));
    expect(articleFrames).toHaveLength(10);
    for (const frame of articleFrames) {
      await expect.poll(() => marked(frame)).toEqual(['Hamburg Aviation', 'Valorial']);
    }
    // The top frame names no one and the empty frames hold nothing to mark.
    expect(await marked(page)).toEqual([]);
    // Only the top frame and the frames that show text got the bootstrap; the ten empty ad-like
    // frames (five of 300×250, five of 1×1) kept the probe alone.
    expect(await framesWithBootstrap(url)).toEqual({ top: 1, notes: 10, empty: 0 });
    await page.close();
  });

  it('marks a page in full while its service worker is stopped before and during the scan', async () => {
    const page = await ext.context.newPage();
    cdp = await ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const url = server.url('generated/large.html');
    await stopWorkers(cdp);
    const loading = page.goto(url);
    // Stopped again and again for a second while the page's text is checked and matched: the
    // page's requests meet a worker that is stopping or gone, and must be asked again.
    const until = Date.now() + 1200;
    while (Date.now() < until) {
      await stopWorkers(cdp);
      await new Promise((r) => setTimeout(r, 20));
    }
    await loading;
    await settled(url);
    expect(await counts(url)).toEqual({
      valorial: large.valorial,
      'hamburg-aviation': large.hamburg,
    });
    const stats = await ask<ScanStatsResponse>(url, 'cluster-lens:scan-stats');
    expect(stats.failedBatches).toBe(0);
    await page.close();
  });

  it('marks a page scanned while the worker restarts again and again, then on a cold start', async () => {
    const page = await ext.context.newPage();
    cdp = await ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const url = server.url('scan.html');
    await stopWorkers(cdp);
    await page.goto(url);
    await settled(url);
    const first = await counts(url);
    expect(first).toMatchObject({ valorial: 1, 'cap-digital': 2, minalogic: 1 });
    // Reloaded with the worker stopped each time: the same marks every time.
    for (let k = 0; k < 3; k++) {
      await stopWorkers(cdp);
      await page.reload();
      await settled(url);
      expect(await counts(url)).toEqual(first);
    }
    await page.close();
  });
});
