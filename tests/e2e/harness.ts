/**
 * Real-browser harness: Debian's Chromium, headless, with the built extension loaded unpacked,
 * and a static server on 127.0.0.1 for fixture pages. Nothing else is reached on the network.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** `lang`: the browser's UI language, which picks the extension's messages. */
export async function launchExtension({ lang = 'en-US' } = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No build at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'cl-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${lang}`,
    ],
  });
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The id of the tab whose top frame shows `url`, found by asking every tab's content script
 * (tab URLs are hidden without the tabs permission); waits for the script to be listening.
 */
export async function tabIdOf(browser: ExtensionBrowser, url: string): Promise<number> {
  const id = await browser.worker.evaluate(async (url) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      for (const tab of await chrome.tabs.query({})) {
        try {
          const r: { url?: string } | undefined = await chrome.tabs.sendMessage(
            tab.id!,
            { type: 'cluster-lens:ping' },
            { frameId: 0 },
          );
          if (r?.url === url) return tab.id!;
        } catch {
          // No content script in that tab (yet).
        }
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return null;
  }, url);
  if (id === null) throw new Error(`no content script answered in ${url}`);
  return id;
}

/**
 * Sends `{ type }` to every tab from the service worker (as the popup or background would) and
 * returns the reply of the one whose content script speaks for `url`, with that tab's id; null
 * when none answers.
 */
export async function askTab<T>(
  browser: ExtensionBrowser,
  url: string,
  type: string,
): Promise<(T & { tabId: number }) | null> {
  const reply = await browser.worker.evaluate(
    async ({ url, type }) => {
      for (const tab of await chrome.tabs.query({})) {
        try {
          const r: { url?: string } | undefined = await chrome.tabs.sendMessage(tab.id!, { type });
          if (r?.url === url) return { ...r, tabId: tab.id! };
        } catch {
          // Not one of our pages.
        }
      }
      return null;
    },
    { url, type },
  );
  return reply as (T & { tabId: number }) | null;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

/** Serves tests/e2e/pages on 127.0.0.1 at a free port. */
export async function serveFixtures(root = resolve('tests/e2e/pages')) {
  const server: Server = createServer((req, res) => {
    const path = join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!path.startsWith(root) || !existsSync(path)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
    res.end(readFileSync(path));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}/${path}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        // Pages still open keep connections alive, which would hold close() forever.
        server.closeAllConnections();
      }),
  };
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

/**
 * The first line box of the first occurrence of `text` in an element's text (a Range, no DOM
 * change).
 */
export function textRect(page: Page, selector: string, text: string): Promise<Box> {
  return page.evaluate(
    ({ selector, text }) => {
      const el = document.querySelector(selector)!;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + text.length);
        const r = range.getClientRects()[0]!;
        return {
          left: r.left,
          top: r.top,
          right: r.right,
          bottom: r.bottom,
          width: r.width,
          height: r.height,
        };
      }
      throw new Error(`"${text}" not found in ${selector}`);
    },
    { selector, text },
  );
}

/** The centre of that line box, to point at the text. */
export async function textCentre(
  page: Page,
  selector: string,
  text: string,
): Promise<{ x: number; y: number }> {
  const r = await textRect(page, selector, text);
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

export interface AxeViolation {
  id: string;
  impact: string;
  nodes: unknown[];
}

/** The serious and critical findings of an axe scan of an extension page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // The extension page's CSP forbids injected <script> tags; evaluating the source is allowed.
  await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return (result as AxeViolation[]).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
}
