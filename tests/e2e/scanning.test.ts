import { chromium, type Browser as PlainBrowser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DetectionsResponse, ScanStatsResponse } from '../../lib/messages';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import {
  buildReactFixture,
  writeLargeArticle,
  writeReplacingApp,
  writeScrollSpy,
} from './fixtures';
import {
  CHROMIUM,
  launchExtension,
  serveFixtures,
  type ExtensionBrowser,
  askTab as askTabOf,
} from './harness';

let ext: ExtensionBrowser;
let plain: PlainBrowser;
let server: Awaited<ReturnType<typeof serveFixtures>>;
let large: ReturnType<typeof writeLargeArticle>;
let spy: ReturnType<typeof writeScrollSpy>;
/** Views the replacing app shows, one every REPLACE_EVERY_MS. */
const REPLACE_TIMES = 20;
const REPLACE_EVERY_MS = 40;
let replacing: ReturnType<typeof writeReplacingApp>;

beforeAll(async () => {
  await buildReactFixture();
  large = writeLargeArticle();
  spy = writeScrollSpy();
  replacing = writeReplacingApp(REPLACE_TIMES, REPLACE_EVERY_MS);
  [ext, server, plain] = await Promise.all([
    launchExtension(),
    serveFixtures(),
    chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] }),
  ]);
});
afterAll(async () => {
  await ext?.close();
  await plain?.close();
  await server?.close();
});

/** Sends a message to the tab showing `url` from the extension; fails when none answers. */
async function askTab<T>(url: string, type: string): Promise<T & { tabId: number }> {
  const reply = await askTabOf<T>(ext, url, type);
  if (!reply) throw new Error(`no content script answered in ${url}`);
  return reply;
}

/** Waits until the page's scan is finished and nothing has changed for a moment. */
async function settled(url: string): Promise<void> {
  await expect
    .poll(async () => (await askTab<ScanStatsResponse>(url, 'cluster-lens:scan-stats')).idle, {
      timeout: 20_000,
    })
    .toBe(true);
  await new Promise((r) => setTimeout(r, 400));
}

const detections = (url: string) =>
  askTab<DetectionsResponse & { tabId: number }>(url, 'cluster-lens:detections');

/** The text of every range of each Cluster Lens highlight, read from the page. */
function highlights(page: Page) {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('cluster-lens-')) continue;
      out[name.slice('cluster-lens-'.length)] = [...highlight]
        .map((r) => {
          const range = new Range();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString();
        })
        .sort();
    }
    return out;
  });
}

/** The page's DOM as markup, open shadow roots and same-origin frames included. */
function deepMarkup(page: Page) {
  return page.evaluate(() => {
    const parts = [document.documentElement.outerHTML];
    for (const el of document.querySelectorAll('*')) {
      if (el.shadowRoot) parts.push(`#shadow ${el.shadowRoot.innerHTML}`);
      if (el instanceof HTMLIFrameElement) {
        parts.push(`#frame ${el.contentDocument?.documentElement.outerHTML ?? ''}`);
      }
    }
    return parts.join('\n');
  });
}

async function open(url: string) {
  const page = await ext.context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await settled(url);
  return { page, errors };
}

interface Sent {
  tab: number | undefined;
  type: string;
  bytes: number;
}

/**
 * From now on, the background records every message a content script sends it (its type and
 * size as JSON), beside its own handlers; returns a reader of those from `tabId`.
 */
async function recordMessages() {
  await ext.worker.evaluate(() => {
    const g = globalThis as unknown as { __sent?: Sent[] };
    if (g.__sent) return;
    g.__sent = [];
    chrome.runtime.onMessage.addListener((message: unknown, sender) => {
      if (sender.tab === undefined) return;
      g.__sent!.push({
        tab: sender.tab.id,
        type: (message as { type?: string } | null)?.type ?? '',
        bytes: JSON.stringify(message).length,
      });
    });
  });
  return async (tabId: number) => {
    const all = await ext.worker.evaluate(
      () => (globalThis as unknown as { __sent: Sent[] }).__sent,
    );
    const mine = all.filter((m) => m.tab === tabId);
    const count = (type: string) => mine.filter((m) => m.type === type).length;
    return {
      quickChecks: count('cluster-lens:quick-check'),
      matches: count('cluster-lens:match'),
      reports: count('cluster-lens:frame-report'),
      messages: mine.length,
      bytes: mine.reduce((sum, m) => sum + m.bytes, 0),
    };
  };
}

/** Asks the top frame of the tab showing `url`, whatever its hash now is. */
async function askPage<T>(url: string, type: string): Promise<T & { tabId: number }> {
  const reply = await ext.worker.evaluate(
    async ({ url, type }) => {
      for (const tab of await chrome.tabs.query({})) {
        try {
          const r: { url?: string } | undefined = await chrome.tabs.sendMessage(
            tab.id!,
            { type },
            { frameId: 0 },
          );
          if (r?.url?.split('#')[0] === url) return { ...r, tabId: tab.id! };
        } catch {
          // Not one of our pages.
        }
      }
      return null;
    },
    { url, type },
  );
  if (!reply) throw new Error(`no content script answered in ${url}`);
  return reply as T & { tabId: number };
}

const statsOfPage = (url: string) => askPage<ScanStatsResponse>(url, 'cluster-lens:scan-stats');

async function setSettings(patch: Partial<typeof DEFAULT_SETTINGS>) {
  await ext.worker.evaluate((settings) => chrome.storage.sync.set({ settings }), {
    ...DEFAULT_SETTINGS,
    ...patch,
  });
}

describe('page scanning in Chromium', () => {
  it('finds names across inline tags, in open shadow roots and frames, and skips what it must', async () => {
    const url = server.url('scan.html');
    const { page, errors } = await open(url);
    expect(await highlights(page)).toEqual({
      gold: ['Cap Digital', 'Cap Digital', 'Minalogic', 'Valorial', 'si-Cluster'],
      silver: [],
      bronze: ['Polo NET'],
      expired: [],
      unlabelled: [],
    });
    // The top frame answers for its iframe too (Hamburg Aviation and secpho are only there),
    // once the frame has reported.
    await expect
      .poll(async () => (await detections(url)).detections.map((d) => [d.id, d.count, d.texts]))
      .toEqual([
        ['cap-digital', 2, ['Cap Digital']],
        ['hamburg-aviation', 1, ['Hamburg Aviation']],
        ['minalogic', 1, ['Minalogic']],
        ['polo-net', 1, ['Polo NET']],
        ['secpho', 1, ['secpho']],
        ['si-cluster', 1, ['si-Cluster']],
        ['valorial', 1, ['Valorial']],
      ]);
    const answer = await detections(url);
    expect(answer.url).toBe(url);
    expect(answer.detections.find((d) => d.id === 'polo-net')?.name).toBe('Polo NET');
    expect(answer.stats.textNodes).toBeGreaterThan(5);
    expect(answer.stats.textChars).toBeGreaterThan(200);
    expect(answer.stats.scanMs).toBeGreaterThan(0);
    const badge = await ext.worker.evaluate(
      (tabId) => chrome.action.getBadgeText({ tabId }),
      answer.tabId,
    );
    expect(badge).toBe('7');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaves the page DOM byte-identical to a browser without the extension', async () => {
    const url = server.url('scan.html');
    const { page } = await open(url);
    const bare = await plain.newPage();
    await bare.goto(url);
    await bare.waitForTimeout(300);
    expect(await deepMarkup(page)).toBe(await deepMarkup(bare));
    await Promise.all([page.close(), bare.close()]);
  });

  it('marks text added after load and forgets text that is removed', async () => {
    const url = server.url('plain.html');
    const { page } = await open(url);
    const count = async (id: string) =>
      (await detections(url)).detections.find((d) => d.id === id)?.count ?? 0;
    expect(await count('valorial')).toBe(1);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'added';
      p.textContent = 'Later news: Valorial and Hamburg Aviation signed an agreement.';
      document.body.append(p);
    });
    await expect.poll(() => count('hamburg-aviation')).toBe(1);
    expect(await count('valorial')).toBe(2);
    await page.evaluate(() => document.getElementById('added')!.remove());
    await expect.poll(() => count('hamburg-aviation')).toBe(0);
    expect(await count('valorial')).toBe(1);
    // Changing the text of a node rescans it.
    await page.evaluate(() => {
      const p = document.querySelector('p')!;
      p.firstChild!.textContent = 'Only Minalogic now.';
    });
    await expect.poll(() => count('valorial')).toBe(0);
    expect(await highlights(page)).toMatchObject({ gold: ['Minalogic'] });
    await page.close();
  });

  it('clears a page that names no organisation with the quick check, and still marks later text', async () => {
    const url = server.url('quiet.html');
    const { page, errors } = await open(url);
    const stats = await askTab<ScanStatsResponse>(url, 'cluster-lens:scan-stats');
    // The page's own text was read once (innerText) and found free of names by the background;
    // only the open shadow root, which innerText leaves out, was walked node by node.
    expect(stats.pass).toBe('clear');
    expect(stats.textChars).toBeGreaterThan(100);
    expect(stats.textNodes).toBe(1);
    expect(await highlights(page)).toMatchObject({ gold: ['Valorial'] });
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Update: Minalogic joins the harbour board.';
      document.body.append(p);
    });
    await expect.poll(async () => (await highlights(page)).gold).toEqual(['Minalogic', 'Valorial']);
    expect((await detections(url)).detections.map((d) => d.id).sort()).toEqual([
      'minalogic',
      'valorial',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('after the quick check, matches only blocks with a word it found, and misses nothing', async () => {
    const url = server.url('split-list.html');
    const { page, errors } = await open(url);
    const stats = await askTab<ScanStatsResponse>(url, 'cluster-lens:scan-stats');
    expect(stats.pass).toBe('mentions');
    // The heading and both paragraphs hold none of "nce", "media": not matched.
    expect(stats.skippedBlocks).toBe(3);
    // The quick check found "NCE Media" across the two items; the second item alone names
    // the same organisation as "Media City Bergen", and is matched because it holds "Media".
    expect(await highlights(page)).toMatchObject({ gold: ['Media City Bergen'] });
    expect((await detections(url)).detections.map((d) => [d.id, d.texts])).toEqual([
      ['nce-media', ['Media City Bergen']],
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('waits for a page that hides its body while loading, then marks it', async () => {
    const url = server.url('anti-flicker.html');
    const page = await ext.context.newPage();
    await page.goto(url);
    await settled(url);
    expect(await page.evaluate(() => getComputedStyle(document.body).visibility)).toBe('visible');
    expect(await highlights(page)).toMatchObject({ gold: ['Valorial'] });
    await page.close();
  });

  it('rescans a single-page app after it navigates', async () => {
    const url = server.url('plain.html');
    const { page } = await open(url);
    await page.evaluate(() => {
      history.pushState({}, '', '?view=2');
      document.body.replaceChildren(
        Object.assign(document.createElement('p'), { textContent: 'View two: Cap Digital.' }),
      );
    });
    const next = `${url}?view=2`;
    await expect
      .poll(async () => (await detections(next)).detections.map((d) => d.id), { timeout: 10_000 })
      .toEqual(['cap-digital']);
    await page.close();
  });

  it('keeps a React page working while it re-renders marked text, DOM untouched', async () => {
    const url = server.url('react.html');
    const { page, errors } = await open(url);
    expect(await highlights(page)).toMatchObject({ gold: ['Valorial'] });
    await page.click('#next');
    await expect
      .poll(async () => (await highlights(page)).gold)
      .toEqual(['Cap Digital', 'Minalogic']);
    await page.click('#next');
    await expect.poll(async () => (await highlights(page)).gold).toEqual(['Hamburg Aviation']);

    const bare = await plain.newPage();
    await bare.goto(url);
    await bare.click('#next');
    await bare.click('#next');
    expect(await deepMarkup(page)).toBe(await deepMarkup(bare));
    expect(await page.textContent('h1')).toBe('Cluster news, item 3');
    expect(errors).toEqual([]);
    await Promise.all([page.close(), bare.close()]);
  });

  it('scans a 1 MB article completely without a long task', async () => {
    const url = server.url('generated/large.html');
    const { page } = await open(url);
    const answer = await detections(url);
    expect(answer.detections.map((d) => [d.id, d.count])).toEqual([
      ['valorial', large.valorial],
      ['hamburg-aviation', large.hamburg],
    ]);
    const stats = await askTab<ScanStatsResponse>(url, 'cluster-lens:scan-stats');
    expect(stats.textChars).toBeGreaterThan(1_000_000);
    expect(stats.longestTaskMs).toBeLessThan(50);
    await page.close();
  });

  it('a scroll spy changing the address 60 times a second: one quick check, nothing more', async () => {
    const sent = await recordMessages();
    const url = server.url(`generated/${spy.file}`);
    const page = await ext.context.newPage();
    await page.goto(url);
    await expect.poll(async () => (await statsOfPage(url)).idle, { timeout: 20_000 }).toBe(true);
    const first = await statsOfPage(url);
    await page.waitForTimeout(500);
    const before = await sent(first.tabId);
    const spyBefore = await page.evaluate(() => (window as unknown as { __spy: object }).__spy);
    // Address changes only, for 4 s: nothing is read again, nothing more is sent.
    await page.waitForTimeout(4000);
    const after = await sent(first.tabId);
    const stats = await statsOfPage(url);
    const spyAfter = await page.evaluate(
      () => (window as unknown as { __spy: { replaced: number; hashes: number } }).__spy,
    );
    console.log(
      `scroll spy: ${spyAfter.replaced} replaceState, ${spyAfter.hashes} hash changes; ` +
        `sent ${after.messages} messages (${after.quickChecks} quick check, ${after.matches} match, ` +
        `${after.reports} reports), ${(after.bytes / 1e6).toFixed(2)} MB; script ${stats.scriptMs.toFixed(0)} ms`,
    );
    expect(spyAfter.replaced).toBeGreaterThan(100);
    expect(spyAfter.hashes).toBeGreaterThanOrEqual(3);
    expect(spyBefore).not.toEqual(spyAfter);
    expect(after.quickChecks).toBe(1);
    expect(after).toEqual(before);
    expect(stats).toMatchObject({ pass: 'mentions', rescans: 0 });
    expect(stats.scanMs).toBe(first.scanMs);
    const found = (await askPage<DetectionsResponse>(url, 'cluster-lens:detections')).detections;
    expect(found.map((d) => [d.id, d.count])).toEqual([
      ['valorial', spy.valorial],
      ['hamburg-aviation', spy.hamburg],
    ]);
    await page.close();
  }, 60_000);

  it('a view replaced again and again in quick succession is rescanned once for all of it', async () => {
    const sent = await recordMessages();
    const url = server.url(`generated/${replacing.file}`);
    const { page } = await open(url);
    const first = await askTab<ScanStatsResponse>(url, 'cluster-lens:scan-stats');
    const before = await sent(first.tabId);
    await page.evaluate(() => (window as unknown as { __start(): void }).__start());
    await page.waitForFunction(
      (times) => (window as unknown as { __views: number }).__views === times,
      REPLACE_TIMES,
    );
    await settled(url);
    await expect
      .poll(async () => (await detections(url)).detections.map((d) => [d.id, d.count]).sort())
      .toEqual([
        ['cap-digital', 1],
        ['hamburg-aviation', 1],
        ['valorial', 1],
      ]);
    const stats = await askTab<ScanStatsResponse>(url, 'cluster-lens:scan-stats');
    const after = await sent(first.tabId);
    console.log(
      `${REPLACE_TIMES} views, one every ${REPLACE_EVERY_MS} ms: ${stats.rescans} rescans, ` +
        `${after.matches - before.matches} match messages`,
    );
    // 20 views in 0.8 s: one rescan once they stop (two if the page's timers ran late and
    // the views took longer than the longest wait); one every 150 ms made six.
    expect(stats.rescans).toBeGreaterThanOrEqual(1);
    expect(stats.rescans).toBeLessThanOrEqual(2);
    expect(after.quickChecks).toBe(before.quickChecks);
    expect(after.matches - before.matches).toBeLessThanOrEqual(2);
    await page.close();
  });

  it('applies settings to an open tab at once', async () => {
    const url = server.url('scan.html');
    const { page } = await open(url);
    await setSettings({ mark: { ...DEFAULT_SETTINGS.mark, gold: false } });
    await expect.poll(async () => (await highlights(page)).gold).toEqual([]);
    expect((await highlights(page)).bronze).toEqual(['Polo NET']);
    await setSettings({ enabled: false });
    await expect.poll(async () => (await highlights(page)).bronze).toEqual([]);
    await setSettings({ sites: ['127.0.0.1'], siteMode: 'except-listed' });
    await page.waitForTimeout(300);
    expect((await highlights(page)).bronze).toEqual([]);
    await setSettings({});
    await expect.poll(async () => (await highlights(page)).bronze).toEqual(['Polo NET']);
    await page.close();
  });
});
