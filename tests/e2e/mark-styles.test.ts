import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { launchExtension, serveFixtures, textRect, type ExtensionBrowser } from './harness';
import { countColour, decodePng } from './png-pixels';

/**
 * The marks' styles reach the page as extension CSS: the page's style sheets stay as it left
 * them, a framework that assigns its own sheets does not unstyle the marks, copying the sheets
 * into another document works, and marks in open shadow roots are painted. What is painted is
 * read from screenshots.
 */
let ext: ExtensionBrowser;
let server: Awaited<ReturnType<typeof serveFixtures>>;

const RED: [number, number, number] = [255, 0, 0];
const BLUE: [number, number, number] = [0, 0, 255];

function goldIn(color: string): Settings {
  return {
    ...DEFAULT_SETTINGS,
    styles: { ...DEFAULT_SETTINGS.styles, gold: { underline: 'solid', color } },
  };
}

const setSettings = (settings: Settings) =>
  ext.worker.evaluate((settings) => chrome.storage.sync.set({ settings }), settings);

beforeAll(async () => {
  [ext, server] = await Promise.all([launchExtension(), serveFixtures()]);
  await setSettings(goldIn('#ff0000'));
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** Pixels of `rgb` painted over `text` and just under it, where its underline runs. */
async function painted(page: Page, text: string, rgb: [number, number, number]) {
  const box = await textRect(page, 'body', text);
  const png = await page.screenshot({
    clip: { x: box.left, y: box.top, width: box.width, height: box.height + 8 },
  });
  return countColour(decodePng(png), rgb);
}

async function openMarked(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(server.url('page-styles.html'));
  await page.waitForFunction(() => (CSS.highlights.get('cluster-lens-gold')?.size ?? 0) === 2, {
    timeout: 20_000,
  });
  // An underline 2 px thick under the whole name: at least its length in pixels.
  const width = (await textRect(page, 'body', 'Valorial')).width;
  await expect.poll(() => painted(page, 'Valorial', RED)).toBeGreaterThan(width);
  return page;
}

/** The page's own sheets: the document's and the component's, as the page left them. */
function pageSheets(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('news-card')!.shadowRoot!;
    const { componentSheet } = window as unknown as { componentSheet: CSSStyleSheet };
    return {
      document: document.adoptedStyleSheets.length,
      styleSheets: document.styleSheets.length,
      shadow: root.adoptedStyleSheets.length,
      shadowIsTheComponents: root.adoptedStyleSheets[0] === componentSheet,
    };
  });
}

describe('the marks’ styles in Chromium', () => {
  it('leave the page’s style sheets as the page left them, and paint marks in shadow roots', async () => {
    const page = await openMarked();
    expect(await pageSheets(page)).toEqual({
      document: 0,
      styleSheets: 1,
      shadow: 1,
      shadowIsTheComponents: true,
    });
    const width = (await textRect(page, 'body', 'Minalogic')).width;
    expect(await painted(page, 'Minalogic', RED)).toBeGreaterThan(width);
    await page.close();
  });

  it('let the page copy its sheets into another document', async () => {
    const page = await openMarked();
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
    await page.close();
  });

  it('stay painted when a framework assigns its own sheets', async () => {
    const page = await openMarked();
    await page.evaluate(async () => {
      const own = new CSSStyleSheet();
      own.replaceSync('body { margin: 8px; }');
      document.adoptedStyleSheets = [own];
      const { componentSheet } = window as unknown as { componentSheet: CSSStyleSheet };
      document.querySelector('news-card')!.shadowRoot!.adoptedStyleSheets = [componentSheet];
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    });
    for (const name of ['Valorial', 'Minalogic']) {
      const width = (await textRect(page, 'body', name)).width;
      expect(await painted(page, name, RED)).toBeGreaterThan(width);
    }
    await page.close();
  });

  it('paint marks in a frame without an address whose document the page wrote', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('blank-frame.html'));
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    await frame.waitForFunction(() => (CSS.highlights.get('cluster-lens-gold')?.size ?? 0) === 1, {
      timeout: 20_000,
    });
    const box = await page.evaluate(() => {
      const frame = document.getElementById('editor') as HTMLIFrameElement;
      const outer = frame.getBoundingClientRect();
      const text = frame.contentDocument!.querySelector('p')!.firstChild!;
      const range = new Range();
      range.setStart(text, 0);
      range.setEnd(text, 'Valorial'.length);
      const r = range.getBoundingClientRect();
      // The frame's border and the rect inside it, in the page's coordinates.
      const left = outer.left + frame.clientLeft + r.left;
      const top = outer.top + frame.clientTop + r.top;
      return { x: left, y: top, width: r.width, height: r.height + 8 };
    });
    await expect
      .poll(async () => countColour(decodePng(await page.screenshot({ clip: box })), RED))
      .toBeGreaterThan(box.width);
    const sheets = await page.evaluate(
      () =>
        (document.getElementById('editor') as HTMLIFrameElement).contentDocument!.adoptedStyleSheets
          .length,
    );
    expect(sheets).toBe(0);
    await page.close();
  });

  it('follow a change of style at once, the old one gone', async () => {
    const page = await openMarked();
    await setSettings(goldIn('#0000ff'));
    try {
      const width = (await textRect(page, 'body', 'Valorial')).width;
      await expect.poll(() => painted(page, 'Valorial', BLUE)).toBeGreaterThan(width);
      expect(await painted(page, 'Valorial', RED)).toBe(0);
      expect(await painted(page, 'Minalogic', RED)).toBe(0);
    } finally {
      await setSettings(goldIn('#ff0000'));
      await page.close();
    }
  });
});
