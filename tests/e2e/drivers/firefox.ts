/**
 * The scenario driver for Firefox ESR: puppeteer-core over WebDriver BiDi, the Firefox build
 * (`wxt build -b firefox`) installed as a temporary add-on, as about:debugging loads it.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { serveFixtures, WELCOME_PAGE } from '../harness';
import { labelledIndex, type Driver, type DriverPage } from './driver';

export const FIREFOX_BUILD = resolve(process.env.WXT_OUT_DIR ?? '.output', 'firefox-mv2');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The add-on's gecko id (wxt.config.ts) and the internal UUID we give it, so its pages have a known address. */
export const ADDON_ID = 'cluster-lens@cluster-lens.eu';
export const ADDON_UUID = '6f1c3e52-9a0b-4d7e-8c41-2b5d9e7a0f13';
const extensionUrl = (path: string) => `moz-extension://${ADDON_UUID}/${path}`;

function wrap(page: Page, files: string): DriverPage {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    errors,
    evaluate: (fn, arg) => page.evaluate(fn, arg as never),
    mouseMove: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    mouseClick: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key as never),
    type: (text) => page.keyboard.type(text),
    async selectOption(selector, label, value) {
      const at = await page.evaluate(labelledIndex, { selector, label });
      const select = (await page.$$(selector))[at] as ElementHandle<HTMLSelectElement> | undefined;
      if (!select) throw new Error(`no ${selector} labelled "${label}"`);
      await select.select(value);
    },
    async setInputFile(selector, { name, content }) {
      // BiDi's input.setFiles takes paths: the file is written under its own name first.
      const dir = mkdtempSync(join(files, 'upload-'));
      const path = join(dir, name);
      writeFileSync(path, content);
      const input = (await page.$(selector)) as ElementHandle<HTMLInputElement> | null;
      if (!input) throw new Error(`no ${selector}`);
      await input.uploadFile(path);
    },
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

/** Firefox ESR with the Firefox build installed, and the fixture server; `close` ends all three. */
export interface LaunchedFirefox {
  browser: Browser;
  server: Awaited<ReturnType<typeof serveFixtures>>;
  /** The introduction the install opened; null once closed (see `keepWelcome`). */
  welcome: Page | null;
  close(): Promise<void>;
}

/**
 * The add-on's pages open now, by the address their document has (BiDi reports no navigation
 * into an extension page, so a page's url() stays about:blank).
 */
export async function pagesAt(browser: Browser, url: string): Promise<Page[]> {
  const pages = await browser.pages();
  const at = await Promise.all(
    pages.map((p) => p.evaluate(() => location.href).catch(() => p.url())),
  );
  return pages.filter((_, i) => at[i] === url);
}

/** The tab the install opens (the add-on's introduction), once it is there; exactly one. */
async function installWelcome(browser: Browser): Promise<Page> {
  const url = extensionUrl(WELCOME_PAGE);
  for (const deadline = Date.now() + 20_000; ;) {
    const welcome = await pagesAt(browser, url);
    if (welcome.length > 1) throw new Error(`the install opened ${welcome.length} introductions`);
    if (welcome[0]) return welcome[0];
    if (Date.now() > deadline) throw new Error(`the install opened no ${WELCOME_PAGE}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `keepWelcome`: leave open the introduction the install opens (else it is closed). */
export async function launchFirefox({ keepWelcome = false } = {}): Promise<LaunchedFirefox> {
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_BUILD}: run \`npm run build:firefox\` first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'cl-firefox-'));
  const server = await serveFixtures();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    // Lets the test run script in the add-on's own pages (moz-extension:), as a popup would.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // Nothing leaves the machine during the test.
      'network.proxy.type': 0,
      'app.update.enabled': false,
      'extensions.update.enabled': false,
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    },
  });
  // WebDriver BiDi webExtension.install: a temporary add-on, as about:debugging loads it.
  await browser.installExtension(FIREFOX_BUILD);
  let welcome: Page | null = await installWelcome(browser);
  if (!keepWelcome) {
    await welcome.close();
    welcome = null;
  }
  return {
    browser,
    server,
    welcome,
    async close() {
      await browser.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A page of the add-on in a new tab (or window), once its document has loaded. */
export async function openFirefoxExtensionPage(
  browser: Browser,
  path: string,
  options: { viewport?: { width: number; height: number }; window?: boolean } = {},
): Promise<Page> {
  const page = await browser.newPage(options.window ? { type: 'window' } : undefined);
  if (options.viewport) await page.setViewport(options.viewport);
  // Firefox's BiDi reports no navigation into an extension page, so goto would never settle
  // (it rejects when the page closes); the page is ready once its document is complete.
  void page.goto(extensionUrl(path), { timeout: 0 }).catch(() => undefined);
  // Asked in a loop: an evaluation that meets the first document going away fails.
  for (const deadline = Date.now() + 20_000; ;) {
    const ready = await page
      .evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete')
      .catch(() => false);
    if (ready) return page;
    if (Date.now() > deadline) throw new Error(`${path} did not load`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function firefoxDriver(): Promise<Driver> {
  const files = mkdtempSync(join(tmpdir(), 'cl-firefox-files-'));
  const firefox = await launchFirefox();
  const { browser, server } = firefox;

  const ours = new Set<Page>();
  const openExtensionTab = (
    path: string,
    viewport?: { width: number; height: number },
    window = false,
  ) => openFirefoxExtensionPage(browser, path, { viewport, window });
  // The extension's APIs are reached from a page of the extension kept open for the purpose
  // (Firefox exposes no background page to BiDi); options.html is one that only listens.
  const console = await openExtensionTab('options.html');

  return {
    browser: 'firefox',
    url: server.url,
    async openPage(url) {
      const page = await browser.newPage();
      ours.add(page);
      const wrapped = wrap(page, files);
      await page.goto(url);
      return wrapped;
    },
    async openExtensionPage(path, viewport) {
      // In a window of its own, as the popup floats over the page: the page's tab stays the
      // one shown. Firefox runs no animation frames in a hidden tab, and a scan starts on one.
      const page = await openExtensionTab(path, viewport, true);
      ours.add(page);
      return wrap(page, files);
    },
    inExtension: (fn, arg) => console.evaluate(fn, arg as never),
    async closePages() {
      for (const page of ours) await page.close().catch(() => undefined);
      ours.clear();
    },
    async close() {
      await firefox.close();
      rmSync(files, { recursive: true, force: true });
    },
  };
}
