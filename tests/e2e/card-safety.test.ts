/**
 * The card against the page it is shown on (issue 13, F1): page script can neither open it,
 * read or rewrite it, press its buttons, nor close it; the reader's own input still does all
 * of that. And "Not this organisation" never fails silently: over the per-site cap or the
 * settings item's storage.sync quota the card says nothing was saved.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ScanStatsResponse } from '../../lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { syncItemBytes, SYNC_QUOTA_BYTES_PER_ITEM } from '../../lib/sync-quota';
import {
  cardBox,
  cardCount,
  cardText,
  clickInCard,
  launchExtension,
  serveFixtures,
  tabIdOf,
  textCentre,
  type ExtensionBrowser,
} from './harness';

let ext: ExtensionBrowser;
let server: Awaited<ReturnType<typeof serveFixtures>>;

beforeAll(async () => {
  [ext, server] = await Promise.all([launchExtension(), serveFixtures()]);
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});
afterEach(async () => {
  await setSettings({});
  for (const page of ext.context.pages()) await page.close();
});

async function setSettings(patch: Partial<Settings>) {
  await ext.worker.evaluate((settings) => chrome.storage.sync.set({ settings }), {
    ...DEFAULT_SETTINGS,
    ...patch,
  });
}

async function storedSuppressions(): Promise<Settings['suppressed']> {
  const stored = await ext.worker.evaluate(() => chrome.storage.sync.get('settings'));
  return (stored.settings as Settings).suppressed;
}

async function open(path: string) {
  const url = server.url(path);
  const page = await ext.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  const tabId = await tabIdOf(ext, url);
  await expect
    .poll(async () => {
      const stats: ScanStatsResponse = await ext.worker.evaluate(
        (tabId) => chrome.tabs.sendMessage(tabId, { type: 'cluster-lens:scan-stats' }),
        tabId,
      );
      return stats.idle;
    })
    .toBe(true);
  return { page, errors };
}

/** The reader's own pointer on a mark, and the card it opens. */
async function hoverForReal(page: Page, selector: string, text: string) {
  const at = await textCentre(page, selector, text);
  await page.mouse.move(at.x, at.y, { steps: 3 });
  await expect.poll(() => cardCount(page)).toBe(1);
}

type Attack = {
  hover(): Promise<boolean | string>;
  read(): {
    host: boolean;
    shadowRoot: boolean;
    captured: number;
    text: string;
    rewritten: boolean;
    pathHeads: string[];
  };
  click(): Promise<void>;
  keys(): Promise<void>;
};
/** Runs one step of the page's own attack (tests/e2e/pages/card-attack.html). */
async function attack<K extends keyof Attack>(
  page: Page,
  step: K,
): Promise<Awaited<ReturnType<Attack[K]>>> {
  const result: unknown = await page.evaluate(
    (step: string) =>
      (window as unknown as { attack: Record<string, () => unknown> }).attack[step]!(),
    step,
  );
  return result as Awaited<ReturnType<Attack[K]>>;
}

describe('a page that tries to work the card itself (Chromium)', () => {
  it('cannot open a card with pointer events of its own', async () => {
    await setSettings({ hoverDelayMs: 0 });
    const { page, errors } = await open('card-attack.html');
    expect(await attack(page, 'hover')).toBe(false);
    expect(await cardCount(page)).toBe(0);
    expect(errors).toEqual([]);
  });

  it('cannot read or rewrite an open card, nor see inside it in events', async () => {
    const { page } = await open('card-attack.html');
    await hoverForReal(page, '#gold', 'Hamburg Aviation');
    expect(await cardText(page, 'h2')).toBe('Hamburg Aviation');
    // The reader's pointer crosses the card: the page's listeners see its host, not its parts.
    const card = await cardBox(page);
    await page.mouse.move(card.left + 30, card.top + 50, { steps: 8 });
    await page.mouse.move(card.left + card.width / 2, card.bottom - 20, { steps: 8 });
    const seen = await attack(page, 'read');
    const { pathHeads, ...rest } = seen;
    expect(rest).toEqual({
      host: true,
      shadowRoot: false,
      captured: 0,
      text: '',
      rewritten: false,
    });
    const pageOwn = ['p', 'h1', 'body', 'html'];
    expect(pathHeads.filter((n) => !pageOwn.includes(n))).toEqual(['cluster-lens-card']);
    expect(await cardText(page, 'h2')).toBe('Hamburg Aviation');
  });

  it('cannot press "Not this organisation" (or any button of the card)', async () => {
    const { page } = await open('card-attack.html');
    await hoverForReal(page, '#gold', 'Hamburg Aviation');
    await attack(page, 'click');
    expect(await storedSuppressions()).toEqual([]);
    // Nor pin or close it: the card is open, and leaving the mark closes it (not pinned).
    expect(await cardCount(page)).toBe(1);
    await page.mouse.move(1, 1);
    await expect.poll(() => cardCount(page)).toBe(0);
  });

  it('cannot close the card, or move in it, with keys or a pointer of its own', async () => {
    const { page } = await open('card-attack.html');
    await hoverForReal(page, '#gold', 'Hamburg Aviation');
    await attack(page, 'keys');
    expect(await cardCount(page)).toBe(1);
    // The reader's Esc does close it.
    await page.keyboard.press('Escape');
    await expect.poll(() => cardCount(page)).toBe(0);
  });

  it("the reader's own click still saves, once", async () => {
    const { page } = await open('card-attack.html');
    await hoverForReal(page, '#also', 'Valorial');
    await clickInCard(page, 'Wrong match?');
    await clickInCard(page, 'Not this organisation');
    await expect
      .poll(storedSuppressions)
      .toEqual([{ site: '127.0.0.1', alias: 'Valorial', id: 'valorial' }]);
  });
});

describe('"Not this organisation" when it cannot be saved', () => {
  it('says so when the site already has its 20 entries, and writes nothing', async () => {
    const full = Array.from({ length: 20 }, (_, i) => ({
      site: '127.0.0.1',
      alias: `Alias ${i}`,
      id: `org-${i}`,
    }));
    await setSettings({ suppressed: full });
    const { page } = await open('card-attack.html');
    await hoverForReal(page, '#also', 'Valorial');
    await clickInCard(page, 'Wrong match?');
    await clickInCard(page, 'Not this organisation');
    await expect
      .poll(() => cardText(page, '.cl-card__refused'))
      .toBe(
        'Not saved: 20 names are already unmarked on 127.0.0.1. Undo some in the settings first.',
      );
    expect(await cardCount(page)).toBe(1);
    expect(await storedSuppressions()).toEqual(full);
  });

  it("says so when the settings item would go over storage.sync's quota, and writes nothing", async () => {
    // Other sites' entries (under the per-site cap each), until Valorial's would not fit.
    const valorial = { site: '127.0.0.1', alias: 'Valorial', id: 'valorial' };
    const bytes = (list: Settings['suppressed']) =>
      syncItemBytes('settings', { ...DEFAULT_SETTINGS, suppressed: list });
    const suppressed: Settings['suppressed'] = [];
    for (let i = 0; bytes([...suppressed, valorial]) <= SYNC_QUOTA_BYTES_PER_ITEM; i++) {
      suppressed.push({ site: `site-${Math.floor(i / 10)}.example`, alias: `A${i}`, id: `o${i}` });
    }
    expect(bytes(suppressed)).toBeLessThanOrEqual(SYNC_QUOTA_BYTES_PER_ITEM);
    await setSettings({ suppressed });
    const { page } = await open('card-attack.html');
    await hoverForReal(page, '#also', 'Valorial');
    await clickInCard(page, 'Wrong match?');
    await clickInCard(page, 'Not this organisation');
    await expect
      .poll(() => cardText(page, '.cl-card__refused'))
      .toBe(
        "Not saved: the browser's storage for settings is full. Remove some unmarked names in the settings first.",
      );
    expect(await storedSuppressions()).toEqual(suppressed);
  });
});
