/**
 * Real-browser harness: Debian's Chromium, headless, with the built extension loaded unpacked,
 * and a static server on 127.0.0.1 for fixture pages. Nothing else is reached on the network.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Worker,
} from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';

export const EXTENSION_DIR = resolve(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** The introduction the install opened; null once closed (see `keepWelcome`). */
  welcome: Page | null;
  close(): Promise<void>;
}

/** The introduction page's path in the build (utils/welcome-page.ts). */
export const WELCOME_PAGE = 'welcome.html';

/**
 * The tab the install opens, once it is there. A fresh profile installs the extension, and
 * the background opens its introduction: every launch must see it, exactly once.
 */
export async function installWelcome(context: BrowserContext, extensionId: string): Promise<Page> {
  const url = `chrome-extension://${extensionId}/${WELCOME_PAGE}`;
  for (const deadline = Date.now() + 20_000; ;) {
    const welcome = context.pages().filter((p) => p.url() === url);
    if (welcome.length > 1) throw new Error(`the install opened ${welcome.length} introductions`);
    if (welcome[0]) return welcome[0];
    if (Date.now() > deadline) throw new Error(`the install opened no ${WELCOME_PAGE}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * `lang`: the browser's UI language, which picks the extension's messages. The introduction
 * the install opens is waited for and closed, so tests start from their own pages only;
 * `keepWelcome` leaves it open for the tests of that page. `extensionDir`: another build (the
 * benchmarks compare builds in one run).
 */
export async function launchExtension({
  lang = 'en-US',
  keepWelcome = false,
  extensionDir = EXTENSION_DIR,
} = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No build at ${extensionDir}: run \`npm run build\` first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'cl-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
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
  let welcome: Page | null = await installWelcome(context, extensionId);
  if (!keepWelcome) {
    await welcome.close();
    welcome = null;
  }
  return {
    context,
    worker,
    extensionId,
    welcome,
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
 * The first line box of the first occurrence of `text` in an element's text, open shadow roots
 * inside it included (a Range, no DOM change).
 */
export function textRect(page: Page, selector: string, text: string): Promise<Box> {
  return page.evaluate(
    ({ selector, text }) => {
      const el = document.querySelector(selector)!;
      const roots: Node[] = [el];
      for (const inner of el.querySelectorAll('*'))
        if (inner.shadowRoot) roots.push(inner.shadowRoot);
      for (const root of roots) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
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

// ── The hover card, behind its closed shadow root ─────────────────────────────────────────
//
// Page script (and so Playwright's locators and page.evaluate) cannot see into the card: its
// shadow root is closed. The test reads it as a debugger does: CDP's DOM domain pierces closed
// roots, and a node resolved from it can be handed a function to run on. Clicks go through
// trusted input at the element's place, as the reader's would (the card ignores others).

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function cdp(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

interface DomNode {
  backendNodeId: number;
  localName?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** The card host's shadow root in the top document, or null when there is no card host. */
async function cardShadowRoot(session: CDPSession): Promise<number | null> {
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: DomNode;
  };
  const html = root.children?.find((n) => n.localName === 'html');
  // The card's host is a child of <html> (outside <body>), in the top document only.
  const host = html?.children?.find((n) => n.localName === 'cluster-lens-card');
  return host?.shadowRoots?.[0]?.backendNodeId ?? null;
}

/**
 * Runs `fn` on the card's shadow root (in the page's main world) and returns its result; null
 * when there is no card host. `fn` is serialised like page.evaluate's: no closures.
 */
export async function inCard<T, A = undefined>(
  page: Page,
  fn: (root: ShadowRoot, arg: A) => T | Promise<T>,
  arg?: A,
): Promise<T | null> {
  const session = await cdp(page);
  const backendNodeId = await cardShadowRoot(session);
  if (backendNodeId === null) return null;
  const { object } = (await session.send('DOM.resolveNode', { backendNodeId })) as {
    object: { objectId?: string };
  };
  if (!object.objectId) return null;
  try {
    const reply = (await session.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value?: T }; exceptionDetails?: { text: string; exception?: unknown } };
    if (reply.exceptionDetails) {
      throw new Error(`in the card: ${JSON.stringify(reply.exceptionDetails)}`);
    }
    return reply.result.value ?? (null as T | null);
  } finally {
    await session.send('Runtime.releaseObject', { objectId: object.objectId });
  }
}

/** How many card dialogs are open (0 or 1). */
export async function cardCount(page: Page): Promise<number> {
  return (await inCard(page, (root) => root.querySelectorAll('[role="dialog"]').length)) ?? 0;
}

/** The open card's text, or null when no card is open. */
export function cardText(page: Page, selector = '[role="dialog"]'): Promise<string | null> {
  return inCard(page, (root, s) => root.querySelector(s)?.textContent ?? null, selector);
}

/** An attribute of an element of the open card (the dialog by default), or null. */
export function cardAttribute(
  page: Page,
  name: string,
  selector = '[role="dialog"]',
): Promise<string | null> {
  return inCard(page, (root, a) => root.querySelector(a.selector)?.getAttribute(a.name) ?? null, {
    name,
    selector,
  });
}

/** The text of every element of the open card matching `selector`. */
export async function cardTexts(page: Page, selector: string): Promise<string[]> {
  return (
    (await inCard(
      page,
      (root, s) => [...root.querySelectorAll(s)].map((e) => e.textContent ?? ''),
      selector,
    )) ?? []
  );
}

/**
 * The box of an element of the open card (the dialog by default), in the viewport, where it
 * comes to rest (the opening animation moves it by a few pixels). Throws when there is none.
 */
export async function cardBox(page: Page, selector = '[role="dialog"]'): Promise<Box> {
  const box = await inCard(
    page,
    async (root, s) => {
      const el = root.querySelector(s);
      if (!el) return null;
      await Promise.all(
        (root.querySelector('[role="dialog"]')?.getAnimations() ?? []).map((a) => a.finished),
      );
      const r = el.getBoundingClientRect();
      return {
        left: r.left,
        top: r.top,
        right: r.right,
        bottom: r.bottom,
        width: r.width,
        height: r.height,
      };
    },
    selector,
  );
  if (!box) throw new Error(`no ${selector} in the card`);
  return box;
}

/** Clicks the card's button of that name (its aria-label, else its text) with the mouse, at its centre: trusted input. */
export async function clickInCard(page: Page, name: string): Promise<void> {
  const at = await inCard(
    page,
    async (root, wanted) => {
      await Promise.all(
        (root.querySelector('[role="dialog"]')?.getAnimations() ?? []).map((a) => a.finished),
      );
      const button = [...root.querySelectorAll('button')].find(
        (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === wanted,
      );
      if (!button) return null;
      const r = button.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    name,
  );
  if (!at) throw new Error(`no button "${name}" in the card`);
  await page.mouse.click(at.x, at.y);
}

/** The accessible name of what has focus inside the card, or null when focus is elsewhere. */
export function cardFocus(page: Page): Promise<string | null> {
  return inCard(page, (root) => {
    const el = root.activeElement;
    return el ? (el.getAttribute('role') ?? el.getAttribute('aria-label')) : null;
  });
}

/** The card's markup (its style and dialog), to check it apart from the page (axe). */
export async function cardMarkup(page: Page): Promise<string> {
  return (await inCard(page, (root) => root.innerHTML)) ?? '';
}

/**
 * Firefox's way to the same (puppeteer over WebDriver BiDi): BiDi serialises a node's closed
 * shadow root when asked to (`includeShadowTree: 'all'`), and a function can then run on it.
 * Same contract as inCard: null when there is no card host; `fn` without closures.
 */
export async function inCardFirefox<T, A = undefined>(
  page: PuppeteerPage,
  fn: (root: ShadowRoot, arg: A) => T | Promise<T>,
  arg?: A,
): Promise<T | null> {
  const connection = (page.browser() as unknown as { connection: BidiConnection }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const found = (await connection.send('script.evaluate', {
    expression: "document.querySelector(':root > cluster-lens-card')",
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  })) as { result: { result?: { value?: { shadowRoot?: { sharedId?: string } | null } } } };
  const sharedId = found.result.result?.value?.shadowRoot?.sharedId;
  if (!sharedId) return null;
  const reply = (await connection.send('script.callFunction', {
    functionDeclaration: `async function (arg) { return JSON.stringify(await (${fn.toString()})(this, JSON.parse(arg)) ?? null); }`,
    this: { sharedId },
    arguments: [{ type: 'string', value: JSON.stringify(arg ?? null) }],
    target: { context },
    awaitPromise: true,
    resultOwnership: 'none',
  })) as {
    result: {
      type: 'success' | 'exception';
      result?: { value?: string };
      exceptionDetails?: { text: string };
    };
  };
  if (reply.result.type === 'exception') {
    throw new Error(`in the card: ${reply.result.exceptionDetails?.text}`);
  }
  return JSON.parse(reply.result.result?.value ?? 'null') as T | null;
}

interface BidiConnection {
  send(method: string, params: object): Promise<unknown>;
}
