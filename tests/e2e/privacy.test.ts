/**
 * DESIGN.md ⚑3, proven in the browser: with the built extension loaded, every page of the shared
 * corpus is opened (and the popup and options pages are used), and every request made by one of
 * the extension's contexts is recorded. There must be none that leaves the extension's package.
 *
 * How each context is watched:
 * - service worker and extension pages: Playwright reports their requests on the context
 *   (`request.serviceWorker()` / `request.frame()`); the extension is reloaded once listeners
 *   are attached, so its start-up (onInstalled, first storage reads) is watched too;
 * - content scripts: their requests belong to the web page, so each page gets a DevTools session
 *   that maps every script to the JavaScript world it was compiled in (`Debugger.scriptParsed`)
 *   and every request to the scripts on its initiator stack (`Network.requestWillBeSent`): a
 *   request is the extension's when a script of the extension's isolated world (or any
 *   chrome-extension:// URL) is on that stack;
 * - and whatever the mechanism, the set of requests a page makes to other hosts must be the same
 *   as in a browser without the extension.
 * Only 127.0.0.1 and the extension's own package are reachable; every other request is
 * recorded first, then aborted. Positive controls (a request made on purpose from each kind of
 * context) show the recorders see what they must.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Request,
  type Worker,
} from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanStatsResponse } from '../../lib/messages';
import {
  askTab as askTabOf,
  cardCount,
  CHROMIUM,
  launchExtension,
  serveFixtures,
  type ExtensionBrowser,
} from './harness';

const CORPUS = resolve('../shared/corpus/pages');
const PAGES = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.html'))
  .sort();
/** Requests made on purpose by the positive controls; nothing else may be under this path. */
const PROBE = '__privacy-probe__';

type Where = 'service-worker' | 'extension-page' | 'content-script';
interface Recorded {
  where: Where;
  url: string;
  /** The page (or worker) it was seen in. */
  in: string;
}

let ext: ExtensionBrowser;
/** The same browser without the extension, with a profile on disk like the harness's. */
let plainContext: BrowserContext;
const plainProfile = mkdtempSync(join(tmpdir(), 'cl-privacy-plain-'));
let server: Awaited<ReturnType<typeof serveFixtures>>;
/** The project's own fixtures: the corpus mentions no organisation, these do. */
let fixtures: Awaited<ReturnType<typeof serveFixtures>>;
let worker: Worker;
let origin: string;
/** Every request an extension context made, own package loads included. */
const ledger: Recorded[] = [];

const isLocal = (url: string) => url.startsWith('http://127.0.0.1:');
/** Loading a file of the extension's own package (its scripts, styles, pages) is not network. */
const isOwnPackage = (url: string) => url.startsWith(`${origin}/`);
const isProbe = (url: string) => url.includes(`/${PROBE}/`);
const network = (records: Recorded[]) =>
  records.filter((r) => !isOwnPackage(r.url) && !r.url.startsWith('data:') && !isProbe(r.url));

/** Only the local server and the extension's package are reachable. */
async function localOnly(context: BrowserContext, onBlocked?: (url: string) => void) {
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLocal(url) || url.startsWith('chrome-extension://')) return route.continue();
    onBlocked?.(url);
    return route.abort('blockedbyclient');
  });
}

function recordExtensionContexts(context: BrowserContext) {
  context.on('request', (request: Request) => {
    const sw = request.serviceWorker();
    if (sw) {
      if (sw.url().startsWith(`${origin}/`)) {
        ledger.push({ where: 'service-worker', url: request.url(), in: sw.url() });
      }
      return;
    }
    let frameUrl = '';
    try {
      frameUrl = request.frame().url();
    } catch {
      // A request of a dedicated worker: its page is looked at below.
    }
    const pageUrl = safePageUrl(request);
    if (frameUrl.startsWith(`${origin}/`) || pageUrl.startsWith(`${origin}/`)) {
      ledger.push({ where: 'extension-page', url: request.url(), in: frameUrl || pageUrl });
    }
  });
}

function safePageUrl(request: Request): string {
  try {
    return request.frame().page().url();
  } catch {
    return '';
  }
}

interface PageWatch {
  /**
   * External (non-127.0.0.1) URLs this page asked for, digits masked (cache busters), except
   * those asked for by a script the page itself served (a 127.0.0.1 URL in the page's world).
   */
  external: Set<string>;
  /** Requests whose initiator stack holds a script of the extension. */
  fromExtension: Recorded[];
  cdp: CDPSession;
  extensionContexts: Map<number, string>;
}

/**
 * A DevTools session on `page` that attributes each request to the JavaScript world of the
 * scripts on its initiator stack.
 */
async function watchPage(page: Page, name: string): Promise<PageWatch> {
  const cdp = await page.context().newCDPSession(page);
  const contextOrigin = new Map<number, string>();
  const extensionContexts = new Map<number, string>();
  const scriptContext = new Map<string, number>();
  const scriptUrl = new Map<string, string>();
  const watch: PageWatch = { external: new Set(), fromExtension: [], cdp, extensionContexts };
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    contextOrigin.set(context.id, context.origin);
    if (context.origin.startsWith('chrome-extension://')) {
      extensionContexts.set(context.id, context.origin);
    }
  });
  cdp.on('Debugger.scriptParsed', (e) => {
    scriptContext.set(e.scriptId, e.executionContextId);
    scriptUrl.set(e.scriptId, e.url);
  });
  const isExtensionScript = (scriptId: string) =>
    (contextOrigin.get(scriptContext.get(scriptId) ?? -1) ?? '').startsWith('chrome-extension://');
  cdp.on('Network.requestWillBeSent', (e) => {
    const url = e.request.url;
    const frames: { url: string; scriptId: string }[] = [];
    for (let stack = e.initiator.stack; stack; stack = stack.parent)
      frames.push(...stack.callFrames);
    const byPageScript =
      frames.length > 0 &&
      frames.every((f) => !isExtensionScript(f.scriptId)) &&
      isLocal(scriptUrl.get(frames[0]!.scriptId) ?? frames[0]!.url);
    if (!isLocal(url) && !url.startsWith('data:') && !url.startsWith('blob:') && !byPageScript) {
      watch.external.add(url.replace(/\d+/g, '#'));
    }
    const byExtension =
      (e.initiator.url ?? '').startsWith('chrome-extension://') ||
      frames.some((f) => f.url.startsWith('chrome-extension://') || isExtensionScript(f.scriptId));
    if (byExtension) watch.fromExtension.push({ where: 'content-script', url, in: name });
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Debugger.enable');
  // A page's own `debugger;` statement must not stop it.
  await cdp.send('Debugger.setSkipAllPauses', { skip: true });
  await cdp.send('Network.enable');
  return watch;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** Asks the tab showing `url`, through the current service worker (it restarts in this file). */
function askTab<T>(url: string, type: string) {
  return askTabOf<T>({ ...ext, worker }, url, type);
}

/** Waits until the content script has scanned the page and gone idle. */
async function scanned(url: string): Promise<ScanStatsResponse> {
  let stats: ScanStatsResponse | null = null;
  for (let k = 0; k < 150; k++) {
    stats = await askTab<ScanStatsResponse>(url, 'cluster-lens:scan-stats');
    if (stats?.idle) return stats;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the content script in ${url} never finished its scan`);
}

beforeAll(async () => {
  [ext, server, fixtures, plainContext] = await Promise.all([
    launchExtension(),
    serveFixtures(CORPUS),
    serveFixtures(),
    chromium.launchPersistentContext(plainProfile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--lang=en-US',
      ],
    }),
  ]);
  origin = `chrome-extension://${ext.extensionId}`;
  recordExtensionContexts(ext.context);
  await Promise.all([localOnly(ext.context), localOnly(plainContext)]);
  // Start the extension again under observation, so its start-up requests count too.
  const restarted = ext.context.waitForEvent(
    'serviceworker',
    (w) => w.url().startsWith(`${origin}/`) && w !== ext.worker,
  );
  await ext.worker
    .evaluate(() => chrome.runtime.reload())
    .catch(() => {
      // The worker is gone before it can answer.
    });
  worker = await restarted;
  ext.context.on('serviceworker', (w) => {
    if (w.url().startsWith(`${origin}/`)) worker = w;
  });
}, 120_000);

afterAll(async () => {
  await ext?.close();
  await plainContext?.close();
  rmSync(plainProfile, { recursive: true, force: true });
  await server?.close();
  await fixtures?.close();
});

describe('no request from the extension', () => {
  it('sees a request made on purpose from each kind of extension context (positive controls)', async () => {
    const swProbe = server.url(`${PROBE}/service-worker`);
    await worker.evaluate((u) => fetch(u).then((r) => r.status), swProbe);
    // An address on the internet: recorded before it is blocked.
    const swExternal = `https://example.invalid/${PROBE}/service-worker`;
    await worker.evaluate((u) => fetch(u).catch(() => 0), swExternal);

    const popup = await ext.context.newPage();
    await popup.goto(`${origin}/popup.html`);
    const popupProbe = server.url(`${PROBE}/popup`);
    await popup.evaluate((u) => fetch(u).then((r) => r.status), popupProbe);

    // A request from the content script's isolated world, made through DevTools in that world.
    const page = await ext.context.newPage();
    const watch = await watchPage(page, 'probe');
    const url = server.url(PAGES[0]!);
    await page.goto(url);
    await scanned(url);
    const [contextId] = [...watch.extensionContexts.keys()];
    expect(contextId, 'the extension’s isolated world in the page').toBeDefined();
    const csProbe = server.url(`${PROBE}/content-script`);
    await watch.cdp.send('Runtime.evaluate', {
      contextId: contextId!,
      expression: `fetch(${JSON.stringify(csProbe)}).then((r) => r.status)`,
      awaitPromise: true,
    });
    // And one from the page's own world, which is not the extension's.
    const pageProbe = server.url(`${PROBE}/page`);
    await page.evaluate((u) => fetch(u).then((r) => r.status), pageProbe);

    await expect
      .poll(() => ledger.filter((r) => isProbe(r.url)).map((r) => [r.where, r.url]))
      .toEqual([
        ['service-worker', swProbe],
        ['service-worker', swExternal],
        ['extension-page', popupProbe],
      ]);
    await expect
      .poll(() => watch.fromExtension.filter((r) => isProbe(r.url)).map((r) => r.url))
      .toEqual([csProbe]);
    expect([...watch.external]).not.toContain(pageProbe);
    ledger.length = 0;
    await Promise.all([popup.close(), page.close()]);
  });

  it(`makes none while ${PAGES.length} corpus pages are scanned and the popup and options are used`, async () => {
    const fromContentScripts: Recorded[] = [];
    const added: { page: string; urls: string[] }[] = [];
    const silentPages: string[] = [];
    let pagesWithMentions = 0;
    let hovered = 0;
    const started = performance.now();

    for (const name of PAGES) {
      const url = server.url(name);
      const page = await ext.context.newPage();
      const bare = await plainContext.newPage();
      const [watch, bareWatch] = await Promise.all([watchPage(page, name), watchPage(bare, name)]);
      await Promise.all([
        page.goto(url, { waitUntil: 'load', timeout: 60_000 }),
        bare.goto(url, { waitUntil: 'load', timeout: 60_000 }),
      ]);
      const stats = await scanned(url);
      // Read in full, or cleared by the quick check (whose text can be empty: a page that keeps
      // its body hidden, its unhiding script blocked here).
      if (stats.pass !== 'clear' && stats.textNodes === 0) silentPages.push(name);

      // Open a card where the page mentions an organisation, so its code runs too.
      const mark = await page.evaluate(() => {
        for (const [name, highlight] of CSS.highlights) {
          if (!name.startsWith('cluster-lens-')) continue;
          for (const range of highlight) {
            const r = new Range();
            r.setStart(range.startContainer, range.startOffset);
            r.setEnd(range.endContainer, range.endOffset);
            r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
            const rect = r.getClientRects()[0];
            if (rect && rect.width > 0)
              return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
          }
        }
        return null;
      });
      if (mark) {
        pagesWithMentions++;
        await page.mouse.move(mark.x, mark.y, { steps: 2 });
        await page
          .locator('cluster-lens-card')
          .waitFor({ state: 'attached', timeout: 1500 })
          .then(() => hovered++)
          .catch(() => {
            // The page moved the mark away from the pointer (a sticky header, a late layout).
          });
      }
      await page.waitForTimeout(200);
      fromContentScripts.push(...watch.fromExtension);
      // The page with the extension stayed open longer (scan, card); give the bare page the
      // same chance to ask for what its parser and preload scanner find late: wait until it
      // has asked for nothing new for 500 ms (at most 5 s).
      for (let size = -1, waited = 0; size !== bareWatch.external.size && waited < 5000;) {
        size = bareWatch.external.size;
        await bare.waitForTimeout(500);
        waited += 500;
      }
      // Compared by origin: ad and tracker addresses carry random letters as well as digits,
      // so the same request of the page's own code differs between two loads; a request the
      // extension caused would come from a host the page never contacts.
      const bareOrigins = new Set([...bareWatch.external].map(originOf));
      const extra = [...watch.external].filter((u) => !bareOrigins.has(originOf(u)));
      if (extra.length > 0) added.push({ page: name, urls: extra });
      await Promise.all([page.close(), bare.close()]);
    }
    const corpusMs = performance.now() - started;

    // A page that does mention organisations, with its frame: open a card, so its code runs.
    const scanUrl = fixtures.url('scan.html');
    const scanPage = await ext.context.newPage();
    const scanWatch = await watchPage(scanPage, 'scan.html');
    await scanPage.goto(scanUrl);
    await scanned(scanUrl);
    const where = await scanPage.evaluate(() => {
      const range = [...(CSS.highlights.get('cluster-lens-gold') ?? [])][0];
      const r = new Range();
      r.setStart(range!.startContainer, range!.startOffset);
      r.setEnd(range!.endContainer, range!.endOffset);
      const rect = r.getClientRects()[0]!;
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    });
    await scanPage.mouse.move(where.x, where.y, { steps: 2 });
    await expect.poll(() => cardCount(scanPage)).toBe(1);
    await scanPage.waitForTimeout(300);
    fromContentScripts.push(...scanWatch.fromExtension);
    expect(scanWatch.external, 'scan.html asks for nothing outside 127.0.0.1').toEqual(new Set());
    await scanPage.close();

    // The popup: search, open a result, switch tabs.
    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 380, height: 640 });
    await popup.goto(`${origin}/popup.html`);
    await popup.getByRole('combobox', { name: 'Search cluster organisations' }).fill('valorial');
    await popup.locator('[role="option"]').first().click();
    await popup.locator('article.cl-details').waitFor();
    await popup.keyboard.press('Escape');
    await popup.getByRole('combobox', { name: 'Search cluster organisations' }).fill('aviation');
    await popup.getByRole('tab', { name: /On this page/ }).click();
    await popup.getByRole('tab', { name: 'Search' }).click();

    // The options page: switch settings.
    const options = await ext.context.newPage();
    await options.goto(`${origin}/options.html`);
    await options.getByTestId('dataset-info').waitFor();
    const sync = () =>
      worker.evaluate(() =>
        chrome.storage.sync.get('settings').then((s) => s.settings as { siteMode?: string }),
      );
    await options.getByLabel('Only on the sites in the list').check();
    await expect.poll(async () => (await sync())?.siteMode).toBe('only-listed');
    await options.getByLabel('Add sites').fill('example.com');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await options.getByLabel('On every site', { exact: true }).check();
    await expect.poll(async () => (await sync())?.siteMode).toBe('everywhere');
    await popup.waitForTimeout(500);
    await Promise.all([popup.close(), options.close()]);

    console.log(
      `privacy: ${PAGES.length} pages in ${(corpusMs / 1000).toFixed(1)} s, ${pagesWithMentions} with mentions, a card opened on ${hovered}; ` +
        `extension contexts loaded ${ledger.filter((r) => isOwnPackage(r.url)).length} files of their own package`,
    );
    expect(silentPages, 'pages the content script did not finish reading').toEqual([]);
    expect(network(ledger), 'requests of the service worker and extension pages').toEqual([]);
    expect(fromContentScripts, 'requests made by content scripts').toEqual([]);
    expect(added, 'requests a page made only with the extension loaded').toEqual([]);
  }, 600_000);
});
