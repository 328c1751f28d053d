/**
 * The card's two facts at a glance, for every record of the bundled dataset: the real card (the
 * built card bundle, its components and stylesheet, in the content script's world of a real
 * page) is rendered with each record in turn at its default size, and measured.
 */
import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterRecord, Dataset } from '../../lib/dataset/model';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import {
  cardCount,
  launchExtension,
  serveFixtures,
  textRect,
  type ExtensionBrowser,
} from './harness';

const dataset = JSON.parse(readFileSync('data/generated/dataset.json', 'utf8')) as Dataset;
/** How far below the card's top edge the label and ECCP lines must end. */
const WITHIN_PX = 120;

/** The browser languages the card is checked in: each of the extension's six. */
const LANGUAGES = ['en-US', 'de', 'fr', 'es', 'it', 'pl'];

let ext: ExtensionBrowser | null = null;
let server: Awaited<ReturnType<typeof serveFixtures>>;

beforeAll(async () => {
  server = await serveFixtures();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** One record's card, measured. */
interface Measure {
  id: string;
  /** Bottom of the label and ECCP lines, from the card's top edge (px). */
  label: number;
  eccp: number;
  height: number;
  /** scrollHeight − clientHeight of the card and of its scrolling body (> 0: a scrollbar). */
  overflow: number;
  /** The card's last line, to see which language it speaks. */
  sources: string;
}

/**
 * The execution context of the extension's content script in the page's top frame: the
 * isolated world where the card's code runs (CDP names it after the extension).
 */
async function contentScriptWorld(
  ext: ExtensionBrowser,
  page: Page,
): Promise<{ session: CDPSession; id: number }> {
  const session = await page.context().newCDPSession(page);
  const worlds: { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }[] =
    [];
  session.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
  await session.send('Runtime.enable');
  await expect
    .poll(() => worlds.find((w) => w.origin === `chrome-extension://${ext.extensionId}`))
    .toBeDefined();
  const world = worlds.find((w) => w.origin === `chrome-extension://${ext.extensionId}`)!;
  return { session, id: world.id };
}

/**
 * Renders each record in a card view of its own (the factory the card bundle leaves in the
 * content script's world), at the card's place and size by default, and measures it.
 */
function measureAll(records: ClusterRecord[], asOf: string, locale: string): Promise<Measure[]> {
  const factory = (globalThis as unknown as Record<string, () => unknown>).__clusterLensCardView;
  if (!factory) throw new Error('the card code is not loaded');
  const view = factory() as {
    mount(): void;
    unmount(): void;
    render(props: object): void;
    dialog(): HTMLElement | null;
  };
  view.mount();
  const out: Measure[] = [];
  for (const record of records) {
    view.render({
      name: record.name,
      content: { kind: 'ready', record, asOf },
      scheme: 'light',
      pinned: false,
      locale,
      today: new Date('2026-11-30T00:00:00Z'),
      onTogglePin() {},
      onClose() {},
      notThis: { matched: record.name, site: '127.0.0.1', onConfirm() {} },
      evidence: 'not-needed',
    });
    const dialog = view.dialog()!;
    dialog.getAnimations().forEach((a) => a.finish());
    const top = dialog.getBoundingClientRect().top;
    const bottom = (selector: string) => {
      const el = dialog.querySelector(selector);
      return el ? el.getBoundingClientRect().bottom - top : Infinity;
    };
    const body = dialog.querySelector('.cl-card__body');
    out.push({
      id: record.id,
      label: bottom('.cl-card__label'),
      eccp: bottom('.cl-card__eccp'),
      height: dialog.getBoundingClientRect().height,
      overflow: Math.max(
        dialog.scrollHeight - dialog.clientHeight,
        body ? body.scrollHeight - body.clientHeight : Infinity,
      ),
      sources: dialog.querySelector('.cl-card__sources-toggle')?.textContent ?? '',
    });
  }
  view.unmount();
  return Promise.resolve(out);
}

describe('the card at a glance, every record (Chromium)', () => {
  it.each(LANGUAGES)(
    'has the label and ECCP lines in its first 120 px and no inner scrollbar, for each record (%s)',
    async (lang) => {
      await ext?.close();
      ext = await launchExtension({ lang });
      await ext.worker.evaluate((settings) => chrome.storage.sync.set({ settings }), {
        ...DEFAULT_SETTINGS,
        hoverDelayMs: 0,
      });
      const page = await ext.context.newPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(server.url('card.html'));
      // Open one card the reader's way, so the frame loads the card's code as it always does.
      await expect
        .poll(() => page.evaluate(() => CSS.highlights.get('cluster-lens-gold')?.size ?? 0))
        .toBeGreaterThan(0);
      const r = await textRect(page, '#hamburg', 'Hamburg Aviation');
      await page.mouse.move(r.left + r.width / 2, r.top + r.height / 2, { steps: 2 });
      await expect.poll(() => cardCount(page)).toBe(1);
      await page.keyboard.press('Escape');
      await expect.poll(() => cardCount(page)).toBe(0);

      const { session, id } = await contentScriptWorld(ext, page);
      const reply = (await session.send('Runtime.callFunctionOn', {
        executionContextId: id,
        functionDeclaration: measureAll.toString(),
        arguments: [{ value: dataset.records }, { value: dataset.asOf }, { value: lang }],
        returnByValue: true,
        awaitPromise: true,
      })) as { result: { value?: Measure[] }; exceptionDetails?: unknown };
      expect(reply.exceptionDetails).toBeUndefined();
      const measures = reply.result.value!;
      expect(measures).toHaveLength(dataset.records.length);

      // The card speaks the browser's language.
      expect(measures[0]!.sources.includes('data as of')).toBe(lang === 'en-US');
      const worst = (key: 'label' | 'eccp' | 'height' | 'overflow') =>
        measures.reduce((a, b) => (b[key] > a[key] ? b : a));
      const shown = (key: 'label' | 'eccp' | 'height' | 'overflow') =>
        JSON.stringify({ ...worst(key), sources: undefined });
      console.log(
        `card layout (${lang}) over ${measures.length} records: worst label line ${shown('label')}; ` +
          `worst ECCP line ${shown('eccp')}; tallest ${shown('height')}; ` +
          `most overflow ${shown('overflow')}; ECCP line ending past 100 px: ` +
          `${measures.filter((m) => m.eccp > 100).length}`,
      );
      const late = measures.filter((m) => m.label > WITHIN_PX || m.eccp > WITHIN_PX);
      const scrolled = measures.filter((m) => m.overflow > 0);
      expect(late.map((m) => m.id)).toEqual([]);
      expect(scrolled.map((m) => m.id)).toEqual([]);
      await session.detach();
      await page.close();
    },
    120_000,
  );
});
