import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import {
  ADDON_ID,
  ADDON_UUID,
  launchFirefox,
  openFirefoxExtensionPage,
  type LaunchedFirefox,
} from './drivers/firefox';
import type { Box } from './harness';
import { countColour, decodePng } from './png-pixels';

/**
 * Firefox: what mark-styles.test.ts and page-channel.test.ts check in Chromium. The page sees
 * no message naming the add-on and cannot switch it off; the marks' styles are the add-on's
 * CSS, not a sheet of the page's.
 */
// ADDON_ID (wxt.config.ts) is Firefox's `runtime.id`, which WXT put in its message.

interface ExtensionApi {
  storage: { sync: { set(items: object): Promise<void> } };
  tabs: {
    query(query: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  browserAction: { getBadgeText(details: { tabId: number }): Promise<string> };
}

let firefox: LaunchedFirefox;
let browser: Browser;
let server: LaunchedFirefox['server'];
/** A page of the add-on, to call its APIs as the popup would. */
let extension: Page;

beforeAll(async () => {
  firefox = await launchFirefox();
  ({ browser, server } = firefox);
  extension = await openFirefoxExtensionPage(browser, 'popup.html');
  await setSettings(goldIn('#ff0000'));
});
afterAll(async () => {
  await firefox?.close();
});

function goldIn(color: string): Settings {
  return {
    ...DEFAULT_SETTINGS,
    styles: { ...DEFAULT_SETTINGS.styles, gold: { underline: 'solid', color } },
  };
}

async function setSettings(settings: Settings) {
  await extension.evaluate(async (settings) => {
    const ext = (globalThis as unknown as { browser: ExtensionApi }).browser;
    await ext.storage.sync.set({ settings });
  }, settings);
}

/** The badge of the tab whose top frame shows `url` ('' until it has one). */
function badgeOf(url: string): Promise<string> {
  return extension.evaluate(async (url) => {
    const ext = (globalThis as unknown as { browser: ExtensionApi }).browser;
    for (const tab of await ext.tabs.query({})) {
      const reply = (await ext.tabs
        .sendMessage(tab.id!, { type: 'cluster-lens:detections' })
        .catch(() => undefined)) as { url?: string } | undefined;
      if (reply?.url === url) return ext.browserAction.getBadgeText({ tabId: tab.id! });
    }
    return '';
  }, url);
}

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

async function open(path: string, marks: string[]): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(server.url(path));
  await expect.poll(() => goldMarks(page), { timeout: 20_000 }).toEqual(marks);
  return page;
}

/** The line box of `text` in the body or an open shadow root. */
function boxOf(page: Page, text: string): Promise<Box> {
  return page.evaluate((text) => {
    const roots: Node[] = [document.body];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf(text);
        if (at < 0) continue;
        const range = new Range();
        range.setStart(n, at);
        range.setEnd(n, at + text.length);
        const r = range.getBoundingClientRect();
        return {
          left: r.left,
          top: r.top,
          right: r.right,
          bottom: r.bottom,
          width: r.width,
          height: r.height,
        };
      }
    }
    throw new Error(`"${text}" not found`);
  }, text);
}

/** Red pixels painted over `text` and just under it, where its underline runs. */
async function redUnder(page: Page, text: string): Promise<number> {
  const box = await boxOf(page, text);
  const png = await page.screenshot({
    clip: { x: box.left, y: box.top, width: box.width, height: box.height + 8 },
  });
  return countColour(decodePng(png), [255, 0, 0]);
}

describe('the page and the content script in Firefox', () => {
  it('posts the page nothing that names the add-on', async () => {
    const page = await open('page-channel.html', ['Valorial']);
    await new Promise((r) => setTimeout(r, 300));
    const received = await page.evaluate(
      () => (window as unknown as { received: string[] }).received,
    );
    expect(received.filter((m) => m.includes(ADDON_ID) || m.includes(ADDON_UUID))).toEqual([]);
    expect(received.filter((m) => m.includes('content-script-started'))).toEqual([]);
    await page.close();
  });

  it('keeps marking after the page forges a "newer script started" event and message', async () => {
    const page = await open('page-channel.html', ['Valorial']);
    const url = page.url();
    await expect.poll(() => badgeOf(url), { timeout: 10_000 }).toBe('1');
    await page.evaluate((id) => {
      const type = `${id}:content:wxt:content-script-started`;
      const detail = { contentScriptName: 'content', messageId: 'forged' };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, ...detail }, '*');
    }, ADDON_ID);
    await page.evaluate(() => {
      document.getElementById('later')!.textContent = 'Minalogic joined the project later.';
    });
    await expect
      .poll(() => goldMarks(page), { timeout: 10_000 })
      .toEqual(['Minalogic', 'Valorial']);
    await expect.poll(() => badgeOf(url)).toBe('2');
    await page.close();
  });
});

describe('the marks’ styles in Firefox', () => {
  it('leave the page’s sheets as it left them, survive its reassignment and paint shadow roots', async () => {
    const page = await open('page-styles.html', ['Minalogic', 'Valorial']);
    const width = (await boxOf(page, 'Valorial')).width;
    await expect.poll(() => redUnder(page, 'Valorial')).toBeGreaterThan(width);
    expect(
      await page.evaluate(() => {
        const root = document.querySelector('news-card')!.shadowRoot!;
        const { componentSheet } = window as unknown as { componentSheet: CSSStyleSheet };
        return {
          document: document.adoptedStyleSheets.length,
          styleSheets: document.styleSheets.length,
          shadow: root.adoptedStyleSheets.length,
          shadowIsTheComponents: root.adoptedStyleSheets[0] === componentSheet,
        };
      }),
    ).toEqual({ document: 0, styleSheets: 1, shadow: 1, shadowIsTheComponents: true });

    const copied = await page.evaluate(() => {
      const frame = document.getElementById('print') as HTMLIFrameElement;
      try {
        frame.contentDocument!.adoptedStyleSheets = [...document.adoptedStyleSheets];
        return 'copied';
      } catch (e) {
        return (e as Error).name;
      }
    });
    expect(copied).toBe('copied');

    await page.evaluate(async () => {
      const own = new CSSStyleSheet();
      own.replaceSync('body { margin: 8px; }');
      document.adoptedStyleSheets = [own];
      const { componentSheet } = window as unknown as { componentSheet: CSSStyleSheet };
      document.querySelector('news-card')!.shadowRoot!.adoptedStyleSheets = [componentSheet];
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    });
    for (const name of ['Valorial', 'Minalogic']) {
      const nameWidth = (await boxOf(page, name)).width;
      expect(await redUnder(page, name)).toBeGreaterThan(nameWidth);
    }
    await page.close();
  });

  it('paint marks in a frame without an address whose document the page wrote', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('blank-frame.html'));
    const marked = () =>
      page.evaluate(() => {
        const frame = document.getElementById('editor') as HTMLIFrameElement;
        const win = frame.contentWindow as unknown as { CSS: typeof CSS };
        return win.CSS.highlights.get('cluster-lens-gold')?.size ?? 0;
      });
    await expect.poll(marked, { timeout: 20_000 }).toBe(1);
    const box = await page.evaluate(() => {
      const frame = document.getElementById('editor') as HTMLIFrameElement;
      const outer = frame.getBoundingClientRect();
      const text = frame.contentDocument!.querySelector('p')!.firstChild!;
      const range = new Range();
      range.setStart(text, 0);
      range.setEnd(text, 'Valorial'.length);
      const r = range.getBoundingClientRect();
      return {
        x: outer.left + frame.clientLeft + r.left,
        y: outer.top + frame.clientTop + r.top,
        width: r.width,
        height: r.height + 8,
      };
    });
    await expect
      .poll(async () => countColour(decodePng(await page.screenshot({ clip: box })), [255, 0, 0]))
      .toBeGreaterThan(box.width);
    const sheets = await page.evaluate(
      () =>
        (document.getElementById('editor') as HTMLIFrameElement).contentDocument!.adoptedStyleSheets
          .length,
    );
    expect(sheets).toBe(0);
    await page.close();
  });
});
