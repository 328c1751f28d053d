/**
 * The core end-to-end scenarios, one list run by both browsers' tiers (core.chromium.test.ts,
 * core.firefox.test.ts) through a Driver. What a reader does and sees: marks, the hover card,
 * the toolbar count, the popup, the options page, import and export.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { DetectionsResponse, ScanStatsResponse } from '../../../lib/messages';
import type { Dataset } from '../../../lib/dataset/model';
import { parseClusterCsv } from '../../../lib/dataset/parse-csv';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import type { Driver, DriverPage } from '../drivers/driver';

export interface Scenario {
  name: string;
  run(d: Driver): Promise<void>;
}

/** The extension APIs the scenarios call, as both browsers offer them (with promises). */
interface ExtensionApi {
  tabs: {
    query(query: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options?: { frameId: number }): Promise<unknown>;
  };
  storage: {
    sync: { set(items: object): Promise<void>; get(key: string): Promise<Record<string, unknown>> };
    local: { get(key: string | null): Promise<Record<string, unknown>> };
  };
  /** Chrome MV3 */
  action?: { getBadgeText(details: { tabId: number }): Promise<string> };
  /** Firefox MV2 */
  browserAction?: { getBadgeText(details: { tabId: number }): Promise<string> };
  /** Chrome (the Chrome build asks for it; Firefox's MV2 build uses tabs.executeScript) */
  scripting?: {
    executeScript(injection: {
      target: { tabId: number; frameIds: number[] };
      func: () => unknown;
    }): Promise<{ result?: unknown }[]>;
  };
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

/** What a scenario reads of the hover card. */
interface CardView {
  /** The dialog's accessible name: the organisation's name. */
  name: string | null;
  badges: string[];
  box: Box;
  /** The pin button: where to click it, and whether it is pressed. */
  pin: (Box & { pressed: boolean }) | null;
}

/**
 * The hover card in a tab's top frame as the reader sees it, or null when none is open. Read in
 * the content scripts' world, put there with the extension's own script injection, where the
 * card's shadow root is reachable open or closed (Firefox: `openOrClosedShadowRoot`; Chrome:
 * `chrome.dom.openOrClosedShadowRoot`); the page's own world cannot see into a closed root.
 */
async function readCard(d: Driver, tabId: number): Promise<CardView | null> {
  const view = await d.inExtension(async (tabId) => {
    const read = () => {
      const host = document.querySelector('cluster-lens-card');
      if (!host) return null;
      const dom = (
        globalThis as unknown as {
          chrome?: { dom?: { openOrClosedShadowRoot(el: Element): ShadowRoot | null } };
        }
      ).chrome?.dom;
      const root = dom
        ? dom.openOrClosedShadowRoot(host)
        : (host as Element & { openOrClosedShadowRoot: ShadowRoot | null }).openOrClosedShadowRoot;
      const dialog = root?.querySelector('[role="dialog"]');
      if (!root || !dialog) return null;
      const box = (el: Element) => {
        const r = el.getBoundingClientRect();
        return {
          left: r.left,
          top: r.top,
          right: r.right,
          bottom: r.bottom,
          width: r.width,
          height: r.height,
        };
      };
      const pin = root.querySelector('button[aria-pressed]');
      return {
        name: dialog.getAttribute('aria-label'),
        badges: [...dialog.querySelectorAll('.cl-card__label .cl-badge')].map(
          (b) => b.textContent ?? '',
        ),
        box: box(dialog),
        pin: pin ? { ...box(pin), pressed: pin.getAttribute('aria-pressed') === 'true' } : null,
      };
    };
    const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
    const api = g.browser ?? g.chrome!;
    if (api.scripting) {
      const [frame] = await api.scripting.executeScript({
        target: { tabId, frameIds: [0] },
        func: read,
      });
      return frame?.result;
    }
    // Firefox's MV2 build: the same function, as code.
    const tabs = api.tabs as unknown as {
      executeScript(tabId: number, details: { code: string; frameId: number }): Promise<unknown[]>;
    };
    const [result] = await tabs.executeScript(tabId, {
      code: `(${read.toString()})()`,
      frameId: 0,
    });
    return result;
  }, tabId);
  return (view ?? null) as CardView | null;
}

/**
 * Sends `{ type }` to every tab, as the popup or background would, and returns the reply of the
 * one whose top frame speaks for `url`, with that tab's id; tries for a while, as the content
 * script may not be listening yet.
 */
async function askTab<T>(d: Driver, url: string, type: string): Promise<T & { tabId: number }> {
  const reply = await d.inExtension(
    async ({ url, type }) => {
      const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
      const api = g.browser ?? g.chrome!;
      for (let attempt = 0; attempt < 50; attempt++) {
        for (const tab of await api.tabs.query({})) {
          const r = (await api.tabs
            .sendMessage(tab.id!, { type }, { frameId: 0 })
            // Tabs without our content script have no one to answer.
            .catch(() => undefined)) as { url?: string } | undefined;
          if (r?.url === url) return { ...r, tabId: tab.id! };
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      return null;
    },
    { url, type },
  );
  if (!reply) throw new Error(`no content script answered in ${url}`);
  return reply as T & { tabId: number };
}

const detections = (d: Driver, url: string) =>
  askTab<DetectionsResponse>(d, url, 'cluster-lens:detections');

const ids = async (d: Driver, url: string) =>
  (await detections(d, url)).detections.map((x) => [x.id, x.count]);

/** Waits until the page's scan is finished and nothing has changed for a moment. */
async function settled(d: Driver, url: string): Promise<void> {
  await expect
    .poll(async () => (await askTab<ScanStatsResponse>(d, url, 'cluster-lens:scan-stats')).idle, {
      timeout: 20_000,
    })
    .toBe(true);
  await new Promise((r) => setTimeout(r, 400));
}

/** A fixture page, opened in front and scanned. */
async function open(d: Driver, path: string) {
  const url = d.url(path);
  const page = await d.openPage(url);
  await page.bringToFront();
  await settled(d, url);
  const { tabId } = await askTab(d, url, 'cluster-lens:ping');
  return { page, url, tabId };
}

async function setSettings(d: Driver, patch: Partial<typeof DEFAULT_SETTINGS>) {
  await d.inExtension(
    async (settings) => {
      const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
      await (g.browser ?? g.chrome!).storage.sync.set({ settings });
    },
    { ...DEFAULT_SETTINGS, ...patch },
  );
}

/** The text of every range of each Cluster Lens highlight in the page's top frame. */
function highlights(page: DriverPage) {
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

/** The centre of the first occurrence of `text` in an element (a Range, no DOM change). */
function textCentre(page: DriverPage, selector: string, text: string) {
  return page.evaluate(
    ({ selector, text }) => {
      const walker = document.createTreeWalker(
        document.querySelector(selector)!,
        NodeFilter.SHOW_TEXT,
      );
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + text.length);
        const r = range.getClientRects()[0]!;
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      throw new Error(`"${text}" not found in ${selector}`);
    },
    { selector, text },
  );
}

async function hover(page: DriverPage, selector: string, text: string) {
  const at = await textCentre(page, selector, text);
  await page.mouseMove(at.x, at.y, 3);
}

/**
 * Clicks, with the mouse, the first element matching `selector` whose text contains `text`
 * (any when no text is given), scrolled into view first.
 */
async function click(page: DriverPage, selector: string, text = '') {
  const at = await page.evaluate(
    ({ selector, text }) => {
      const el = [...document.querySelectorAll(selector)].find((e) =>
        (e.textContent ?? '').includes(text),
      );
      if (!el) return null;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    { selector, text },
  );
  if (!at) throw new Error(`nothing to click: ${selector} "${text}"`);
  await page.mouseClick(at.x, at.y);
}

const textOf = (page: DriverPage, selector: string) =>
  page.evaluate((selector) => document.querySelector(selector)?.textContent ?? null, selector);
const textsOf = (page: DriverPage, selector: string) =>
  page.evaluate(
    (selector) => [...document.querySelectorAll(selector)].map((e) => e.textContent ?? ''),
    selector,
  );

/** The popup page opened for a tab, as "Look up in Cluster Lens" opens it where no popup can. */
async function popupFor(d: Driver, url: string) {
  const { tabId } = await askTab(d, url, 'cluster-lens:ping');
  return d.openExtensionPage(`popup.html?tab=${tabId}&url=${encodeURIComponent(url)}`, {
    width: 380,
    height: 640,
  });
}

/** "On this page": each organisation's name and count, most mentioned first. */
const pageItems = (popup: DriverPage) =>
  popup.evaluate(() =>
    [...document.querySelectorAll('.cl-page-item')].map((el) => [
      el.querySelector('.cl-result__name')?.textContent,
      el.querySelector('.cl-page-item__count')?.textContent,
    ]),
  );

/** scan.html and its frame: Cap Digital twice, six others once. */
const SCAN_PAGE_ITEMS = [
  ['Cap Digital', '2 mentions'],
  ['Hamburg Aviation', '1 mention'],
  ['Minalogic', '1 mention'],
  ['Polo NET', '1 mention'],
  ['secpho', '1 mention'],
  ['si-Cluster', '1 mention'],
  ['Valorial', '1 mention'],
];

const SCAN_DETECTIONS = [
  ['cap-digital', 2],
  ['hamburg-aviation', 1],
  ['minalogic', 1],
  ['polo-net', 1],
  ['secpho', 1],
  ['si-cluster', 1],
  ['valorial', 1],
];

/** The options page's main switch, and the Gold mark's "show" box. */
const OPTIONS_ENABLED = 'input[aria-describedby^="enabled-help"]';
const OPTIONS_SHOW_GOLD = 'fieldset.mark-style[data-category="gold"] input[type="checkbox"]';

const checked = (page: DriverPage, selector: string) =>
  page.evaluate(
    (selector) => document.querySelector<HTMLInputElement>(selector)?.checked,
    selector,
  );

/** Opens options.html, its dataset shown. */
async function openOptions(d: Driver) {
  const page = await d.openExtensionPage('options.html');
  await expect.poll(() => textOf(page, '[data-testid="dataset-info"]')).not.toBeNull();
  return page;
}

const storedImport = (d: Driver) =>
  d.inExtension(async () => {
    const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
    return (await (g.browser ?? g.chrome!).storage.local.get('importedDataset')).importedDataset as
      { sourceName: string; records: { id: string }[] } | undefined;
  }, null);

/**
 * Keeps what the page hands to its download link (downloadText: a Blob URL and a link with a
 * file name), so the exported file can be read back: the download itself still happens.
 */
function watchDownloads(page: DriverPage) {
  return page.evaluate(() => {
    const w = window as unknown as { __downloads: { name: string; blob: Blob }[] };
    w.__downloads = [];
    const blobs = new Map<string, Blob>();
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      const url = create(blob);
      if (blob instanceof Blob) blobs.set(url, blob);
      return url;
    };
    const anchor = HTMLAnchorElement.prototype;
    const click = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'click')!.value as (
      this: HTMLElement,
    ) => void;
    anchor.click = function (this: HTMLAnchorElement) {
      const blob = blobs.get(this.href);
      if (blob && this.download) w.__downloads.push({ name: this.download, blob });
      click.call(this);
    };
  });
}
const downloads = (page: DriverPage) =>
  page.evaluate(() =>
    Promise.all(
      (window as unknown as { __downloads: { name: string; blob: Blob }[] }).__downloads.map(
        async (f) => ({ name: f.name, type: f.blob.type, text: await f.blob.text() }),
      ),
    ),
  );

const BUNDLED_CSV = () => readFileSync('data/clusters.csv', 'utf8');
/** The bundled dataset as the build generated it. */
const BUNDLED = JSON.parse(readFileSync('data/generated/dataset.json', 'utf8')) as Dataset;
/** How many organisations the bundle holds. */
const BUNDLED_RECORDS = BUNDLED.records.length;

export const scenarios: Scenario[] = [
  {
    name: 'marks names split across inline tags, in an open shadow root and in a frame',
    async run(d) {
      const { page, url } = await open(d, 'scan.html');
      // "Polo <b>NET</b>" and "Minal<span></span>ogic" are split; si-Cluster is in a shadow root.
      expect(await highlights(page)).toEqual({
        gold: ['Cap Digital', 'Cap Digital', 'Minalogic', 'Valorial', 'si-Cluster'],
        silver: [],
        bronze: ['Polo NET'],
        expired: [],
        unlabelled: [],
      });
      // Hamburg Aviation and secpho are only in the iframe: the top frame answers for it too.
      await expect.poll(() => ids(d, url)).toEqual(SCAN_DETECTIONS);
      expect(page.errors).toEqual([]);
    },
  },
  {
    name: 'answers the detections message and shows the count on the toolbar button',
    async run(d) {
      const { page, url } = await open(d, 'card.html');
      await expect
        .poll(() => ids(d, url))
        .toEqual([
          ['hamburg-aviation', 2],
          ['valorial', 2],
          ['aclima', 1],
          ['biocon-valley', 1],
        ]);
      const answer = await detections(d, url);
      expect(answer.url).toBe(url);
      expect(answer.detections.find((x) => x.id === 'aclima')).toMatchObject({
        name: "ACLIMA - Basque Country's Environmental Industry's Cluster Asociation",
        texts: ['ACLIMA'],
      });
      expect(answer.stats.textChars).toBeGreaterThan(100);
      expect(answer.stats.textNodes).toBeGreaterThan(3);
      const badge = () =>
        d.inExtension(async (tabId) => {
          const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
          const api = g.browser ?? g.chrome!;
          // Chrome's MV3 build has action; Firefox's MV2 build has browserAction.
          return (api.action ?? api.browserAction)!.getBadgeText({ tabId });
        }, answer.tabId);
      await expect.poll(badge).toBe('4');
      expect(page.errors).toEqual([]);
    },
  },
  {
    name: 'marks text added after load and forgets text that is removed',
    async run(d) {
      const { page, url } = await open(d, 'plain.html');
      const count = async (id: string) =>
        (await detections(d, url)).detections.find((x) => x.id === id)?.count ?? 0;
      expect(await count('valorial')).toBe(1);
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.id = 'added';
        p.textContent = 'Later news: Valorial and Hamburg Aviation signed an agreement.';
        document.body.append(p);
      });
      await expect.poll(() => count('hamburg-aviation')).toBe(1);
      expect(await count('valorial')).toBe(2);
      expect((await highlights(page)).gold).toEqual([
        'Hamburg Aviation',
        'Minalogic',
        'Valorial',
        'Valorial',
      ]);
      await page.evaluate(() => document.getElementById('added')!.remove());
      await expect.poll(() => count('hamburg-aviation')).toBe(0);
      expect(await count('valorial')).toBe(1);
      expect(page.errors).toEqual([]);
    },
  },
  {
    name: 'rescans a single-page app after it navigates',
    async run(d) {
      const { page, url } = await open(d, 'plain.html');
      await page.evaluate(() => {
        history.pushState({}, '', '?view=2');
        document.body.replaceChildren(
          Object.assign(document.createElement('p'), { textContent: 'View two: Cap Digital.' }),
        );
      });
      await expect
        .poll(async () => (await detections(d, `${url}?view=2`)).detections.map((x) => x.id), {
          timeout: 10_000,
        })
        .toEqual(['cap-digital']);
      expect((await highlights(page)).gold).toEqual(['Cap Digital']);
    },
  },
  {
    name: 'opens the hover card on a mark; Esc closes it; pinned, it stays until Esc',
    async run(d) {
      await setSettings(d, { hoverDelayMs: 0 });
      const { page, tabId } = await open(d, 'card.html');
      const card = () => readCard(d, tabId);
      const name = async () => (await card())?.name ?? null;
      await page.mouseMove(5, 5);
      await hover(page, '#hamburg', 'Hamburg Aviation');
      await expect.poll(name).toBe('Hamburg Aviation');
      expect((await card())?.badges).toEqual(['★Gold']);
      await page.press('Escape');
      await expect.poll(name).toBeNull();

      await page.mouseMove(5, 5);
      await hover(page, '#hamburg', 'Hamburg Aviation');
      await expect.poll(name).toBe('Hamburg Aviation');
      // Into the card, onto its pin button, and click it.
      const pin = (await card())!.pin!;
      await page.mouseMove(pin.left + pin.width / 2, pin.top + pin.height / 2, 6);
      await page.mouseClick(pin.left + pin.width / 2, pin.top + pin.height / 2);
      await expect.poll(async () => (await card())?.pin?.pressed).toBe(true);
      // Pinned: the pointer leaves, another mark is hovered, the card stays.
      await page.mouseMove(5, 5, 4);
      await hover(page, '#valorial', 'Valorial');
      await new Promise((r) => setTimeout(r, 800));
      expect(await name()).toBe('Hamburg Aviation');
      await page.press('Escape');
      await expect.poll(name).toBeNull();
      expect(page.errors).toEqual([]);
    },
  },
  {
    name: 'finds an organisation in the popup search despite a typo',
    async run(d) {
      const popup = await d.openExtensionPage('popup.html', { width: 380, height: 640 });
      const first = () => textOf(popup, '[role="option"] .cl-result__name');
      await expect.poll(first).not.toBeNull();
      // The search box has focus on opening.
      expect(await popup.evaluate(() => document.activeElement?.getAttribute('role'))).toBe(
        'combobox',
      );
      await popup.type('valorail');
      await expect.poll(first).toBe('Valorial');
      await popup.press('Enter');
      await expect.poll(() => textOf(popup, 'article.cl-details h2')).toBe('Valorial');
      expect(popup.errors).toEqual([]);
    },
  },
  {
    name: 'filters the popup list by sector, sorts it by label, and exports exactly the results shown',
    async run(d) {
      const popup = await d.openExtensionPage('popup.html', { width: 380, height: 640 });
      await expect.poll(() => textOf(popup, '[role="option"] .cl-result__name')).not.toBeNull();
      await watchDownloads(popup);
      const exported = async (n: number) => {
        await click(popup, 'button', 'Export CSV');
        await expect.poll(async () => (await downloads(popup)).length).toBe(n);
        const file = (await downloads(popup))[n - 1]!;
        expect(file.name).toMatch(/^cluster-lens-results-\d{4}-\d{2}-\d{2}\.csv$/);
        const parsed = parseClusterCsv(file.text);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
        return parsed.records.map((r) => r.id);
      };
      const status = () => textOf(popup, '[role="status"]');

      // The sector most organisations share, and what it holds, worked out here.
      const counts = new Map<string, number>();
      for (const r of BUNDLED.records)
        for (const s of new Set(r.sectors)) counts.set(s, (counts.get(s) ?? 0) + 1);
      const [sector, n] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
      const inSector = BUNDLED.records.filter((r) => r.sectors.includes(sector));
      await popup.selectOption('.cl-filter select', 'Sector', sector);
      await expect.poll(status).toBe(`${n.toLocaleString('en')} organisations`);

      // Name order, as the popup's language collates; then label order, ties by name.
      const byName = await popup.evaluate(
        (records) => {
          const g = globalThis as unknown as { browser?: typeof chrome; chrome?: typeof chrome };
          const collator = new Intl.Collator((g.browser ?? g.chrome!).i18n.getUILanguage());
          return records
            .map((r, i) => ({ ...r, i }))
            .sort((a, b) => collator.compare(a.name, b.name) || a.i - b.i)
            .map((r) => r.id);
        },
        inSector.map((r) => ({ id: r.id, name: r.name })),
      );
      expect(await exported(1)).toEqual(byName);
      const rank = { gold: 0, silver: 1, bronze: 2, unknown: 3, none: 4 };
      const level = new Map(inSector.map((r) => [r.id, rank[r.label.level]]));
      const byLabel = byName
        .map((id, i) => ({ id, i }))
        .sort((a, b) => level.get(a.id)! - level.get(b.id)! || a.i - b.i)
        .map((x) => x.id);
      await popup.selectOption('#cl-sort', 'Sort by', 'label');
      expect(await exported(2)).toEqual(byLabel);
      // The list shows the first of them, in that order.
      const shown = await textsOf(popup, '[role="option"] .cl-result__name');
      expect(shown.length).toBeGreaterThanOrEqual(Math.min(5, n));
      const names = new Map(inSector.map((r) => [r.id, r.name]));
      expect(shown).toEqual(byLabel.slice(0, shown.length).map((id) => names.get(id)));
      expect(popup.errors).toEqual([]);
    },
  },
  {
    name: 'puts focus on "Back to the list" when popup details open, by Enter and by a click',
    async run(d) {
      const popup = await d.openExtensionPage('popup.html', { width: 380, height: 640 });
      const first = () => textOf(popup, '[role="option"] .cl-result__name');
      const focused = () => popup.evaluate(() => document.activeElement?.textContent ?? null);
      await expect.poll(first).not.toBeNull();
      await popup.type('valorial');
      await expect.poll(first).toBe('Valorial');
      await popup.press('Enter');
      await expect.poll(focused).toBe('← Back to the list');
      await popup.press('Escape');
      await expect.poll(() => textOf(popup, 'article.cl-details')).toBeNull();
      await click(popup, '[role="option"]', 'Valorial');
      await expect.poll(focused).toBe('← Back to the list');
      expect(popup.errors).toEqual([]);
    },
  },
  {
    name: '"On this page" lists the organisations of the page and its frame, with counts',
    async run(d) {
      const { url } = await open(d, 'scan.html');
      await expect.poll(() => ids(d, url)).toEqual(SCAN_DETECTIONS);
      const popup = await popupFor(d, url);
      await click(popup, '[role="tab"]', 'On this page');
      await expect.poll(() => pageItems(popup)).toEqual(SCAN_PAGE_ITEMS);
      expect(await textsOf(popup, '.cl-status')).toContain('7 organisations on this page');
      expect(popup.errors).toEqual([]);
    },
  },
  {
    name: '"On this page" follows the page when marking is switched off and on, or the site skipped and allowed (D2)',
    async run(d) {
      const { page, url } = await open(d, 'scan.html');
      await expect.poll(() => ids(d, url)).toEqual(SCAN_DETECTIONS);
      const popup = await popupFor(d, url);
      await click(popup, '[role="tab"]', 'On this page');
      await expect.poll(() => pageItems(popup)).toEqual(SCAN_PAGE_ITEMS);
      const state = () => textOf(popup, '.cl-state');

      await click(popup, '.cl-toggles label', 'Mark organisations on pages');
      await expect.poll(state).toBe('Marking is switched off, so this page was not scanned.');
      await expect.poll(async () => (await highlights(page)).gold ?? []).toEqual([]);
      await click(popup, '.cl-toggles label', 'Mark organisations on pages');
      // The page is scanned again: the popup's list follows, without reopening it.
      await expect.poll(() => pageItems(popup), { timeout: 10_000 }).toEqual(SCAN_PAGE_ITEMS);
      expect(await state()).toBeNull();

      await click(popup, '.cl-toggles label', 'Not on');
      await expect
        .poll(state)
        .toBe('Marking is switched off for this site, so this page was not scanned.');
      await click(popup, '.cl-toggles label', 'Not on');
      await expect.poll(() => pageItems(popup), { timeout: 10_000 }).toEqual(SCAN_PAGE_ITEMS);
      expect((await highlights(page)).bronze).toEqual(['Polo NET']);
      expect(popup.errors).toEqual([]);
    },
  },
  {
    name: 'applies changes made in the options page to an open page at once',
    async run(d) {
      const { page } = await open(d, 'scan.html');
      const options = await openOptions(d);
      await expect.poll(() => checked(options, OPTIONS_SHOW_GOLD)).toBe(true);
      // Gold marks off: the Gold names lose their marks, Polo NET (Bronze) keeps its own.
      await click(options, OPTIONS_SHOW_GOLD);
      await expect.poll(async () => (await highlights(page)).gold).toEqual([]);
      expect((await highlights(page)).bronze).toEqual(['Polo NET']);
      // Marking off: no marks at all; on again: all of them back, Gold still hidden.
      await click(options, OPTIONS_ENABLED);
      await expect.poll(async () => (await highlights(page)).bronze ?? []).toEqual([]);
      await click(options, OPTIONS_ENABLED);
      await expect.poll(async () => (await highlights(page)).bronze).toEqual(['Polo NET']);
      expect((await highlights(page)).gold).toEqual([]);
      await click(options, OPTIONS_SHOW_GOLD);
      await expect
        .poll(async () => (await highlights(page)).gold)
        .toEqual(['Cap Digital', 'Cap Digital', 'Minalogic', 'Valorial', 'si-Cluster']);
      expect(options.errors).toEqual([]);
      expect(page.errors).toEqual([]);
    },
  },
  {
    name: 'imports a good dataset after its preview; open pages use it; reset brings the bundle back',
    async run(d) {
      const { url } = await open(d, 'plain.html');
      expect(await ids(d, url)).toEqual([
        ['minalogic', 1],
        ['valorial', 1],
      ]);
      // The bundled CSV without Valorial's row.
      const csv = BUNDLED_CSV()
        .split('\n')
        .filter((line) => !line.startsWith('valorial,'))
        .join('\n');
      const options = await openOptions(d);
      await options.setInputFile('input[type="file"]', { name: 'no-valorial.csv', content: csv });
      await expect
        .poll(() => textOf(options, '.preview h3, .preview h4'), { timeout: 20_000 })
        .toContain('no-valorial.csv');
      expect(await textsOf(options, '.preview .counts li')).toEqual([
        'No organisations added',
        'No organisations changed',
        'One organisation removed',
        `${(BUNDLED_RECORDS - 1).toLocaleString('en')} organisations unchanged`,
      ]);
      expect(await storedImport(d)).toBeUndefined();
      await click(options, '.preview .buttons button.primary');
      await expect
        .poll(async () => (await storedImport(d))?.sourceName, { timeout: 20_000 })
        .toBe('no-valorial.csv');
      await expect
        .poll(() => textOf(options, '[data-testid="dataset-info"]'))
        .toMatch(/Imported from no-valorial\.csv on /);
      // The open page is scanned again with the imported data: Valorial is not in it.
      await expect.poll(() => ids(d, url), { timeout: 20_000 }).toEqual([['minalogic', 1]]);

      await click(options, 'button', 'Reset to bundled data');
      await expect.poll(() => storedImport(d)).toBeUndefined();
      await expect
        .poll(() => textOf(options, '[data-testid="dataset-info"]'))
        .toMatch(/The data bundled with Cluster Lens/);
      await expect
        .poll(() => ids(d, url), { timeout: 20_000 })
        .toEqual([
          ['minalogic', 1],
          ['valorial', 1],
        ]);
      expect(options.errors).toEqual([]);
    },
  },
  {
    name: 'refuses a bad import, lists its problem and keeps everything as it was',
    async run(d) {
      const options = await openOptions(d);
      const info = await textOf(options, '[data-testid="dataset-info"]');
      await options.setInputFile('input[type="file"]', {
        name: 'javascript-url.csv',
        content: readFileSync('tests/fixtures/imports/javascript-url.csv', 'utf8'),
      });
      await expect
        .poll(() => textOf(options, '.problems h4'))
        .toBe('javascript-url.csv was not imported');
      expect(await textsOf(options, '.problems li')).toEqual([
        'Row 3, column website: is not an http(s) URL: "javascript:alert(document.cookie)"',
      ]);
      expect(await storedImport(d)).toBeUndefined();
      expect(await textOf(options, '[data-testid="dataset-info"]')).toBe(info);
      expect(options.errors).toEqual([]);
    },
  },
  {
    name: 'exports the active dataset as a CSV that lists every organisation',
    async run(d) {
      const options = await openOptions(d);
      await watchDownloads(options);
      await click(options, 'button', 'Export as CSV');
      await expect.poll(async () => (await downloads(options)).length).toBe(1);
      const [file] = await downloads(options);
      expect(file!.name).toMatch(/\.csv$/);
      expect(file!.type).toMatch(/^text\/csv/);
      const bundled = BUNDLED_CSV().trim().split('\n');
      const lines = file!.text.trim().split(/\r?\n/);
      // The same columns as data/clusters.csv, one row per organisation.
      expect(lines[0]).toBe(bundled[0]);
      expect(lines.length).toBe(bundled.length);
      expect(lines.some((l) => l.startsWith('valorial,Valorial,'))).toBe(true);
      await expect.poll(() => textOf(options, '[role="status"]')).toBe(`${file!.name} saved.`);
      expect(options.errors).toEqual([]);
    },
  },
];

/** After each scenario: the default settings and the bundled dataset, as on a fresh install. */
export async function resetExtension(d: Driver): Promise<void> {
  await d.inExtension(
    async (settings) => {
      const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
      const api = g.browser ?? g.chrome!;
      await api.storage.sync.set({ settings });
      await (api.storage.local as unknown as { remove(key: string): Promise<void> }).remove(
        'importedDataset',
      );
    },
    { ...DEFAULT_SETTINGS },
  );
}
