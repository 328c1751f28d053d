/**
 * The popup shows its first results before the records' other fields (website, sources,
 * notes: a chunk of their own, utils/bundled-records.ts) have loaded. Here that chunk is held
 * back, so everything done in that moment is seen to come out right once it arrives.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/model';
import { parseClusterCsv } from '../../lib/dataset/parse-csv';
import { launchExtension, type ExtensionBrowser } from './harness';

const dataset = JSON.parse(readFileSync('data/generated/dataset.json', 'utf8')) as Dataset;
const byId = new Map(dataset.records.map((r) => [r.id, r]));

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
});
afterAll(async () => {
  await browser?.close();
});

/** The popup opened with the records' other fields held back until `release()`. */
async function openHeldBack(): Promise<{ popup: Page; release: () => void; asked: () => boolean }> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let asked = false;
  const popup = await browser.context.newPage();
  await popup.route(/\/chunks\/records-details-[\w-]+\.js$/, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.waitForFunction(() => window.__clusterLensPopupReady);
  return { popup, release, asked: () => asked };
}

const shownNames = (popup: Page) =>
  popup.locator('[role="option"] .cl-result__name').allTextContents();

describe('the popup before the records’ other fields have loaded', () => {
  it('is ready, searches and exports every column once they come', async () => {
    const { popup, release, asked } = await openHeldBack();
    try {
      // Ready without them, and they were asked for after.
      await expect.poll(asked).toBe(true);
      await popup.getByRole('combobox', { name: 'Search cluster organisations' }).fill('valorail');
      await expect.poll(() => shownNames(popup)).toContain('Valorial');
      expect((await shownNames(popup))[0]).toBe('Valorial');
      const [download] = await Promise.all([
        popup.waitForEvent('download'),
        popup.getByRole('button', { name: 'Export CSV' }).click(),
        // The file waits for the fields it must hold.
        new Promise((r) => setTimeout(r, 300)).then(release),
      ]);
      const parsed = parseClusterCsv(readFileSync(await download.path(), 'utf8'));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
      expect(parsed.records.map((r) => r.name)).toEqual(await shownNames(popup));
      for (const record of parsed.records) {
        const original = byId.get(record.id)!;
        expect({ ...record, match: record.match ?? null }).toEqual({
          ...original,
          match: original.match ?? null,
        });
      }
    } finally {
      release();
      await popup.close();
    }
  });

  it('opens details at once and fills them in when the fields come', async () => {
    const { popup, release } = await openHeldBack();
    try {
      await popup.getByRole('combobox', { name: 'Search cluster organisations' }).fill('valorial');
      await expect.poll(() => shownNames(popup)).toContain('Valorial');
      await popup.keyboard.press('Enter');
      await expect.poll(() => popup.locator('.cl-back').count()).toBe(1);
      expect(await popup.locator('.cl-details').count()).toBe(0);
      release();
      const valorial = byId.get('valorial')!;
      await expect
        .poll(() => popup.locator('.cl-details a[href]').first().getAttribute('href'))
        .toBe(new URL(valorial.website!).href);
    } finally {
      release();
      await popup.close();
    }
  });
});

describe('the popup before its search has loaded', () => {
  it('is ready without it, and a query typed meanwhile waits for it', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const asked: string[] = [];
    const popup = await browser.context.newPage();
    // The search's code and its prebuilt index: chunks of their own, both named after their
    // first module (lib/search/search-index.ts, data/generated/search-index.json).
    await popup.route(/\/chunks\/search-index-[\w-]+\.js$/, async (route) => {
      asked.push(route.request().url());
      await held;
      await route.continue();
    });
    try {
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      await popup.waitForFunction(() => window.__clusterLensPopupReady);
      const all = `${dataset.records.length.toLocaleString('en')} organisations`;
      const status = () => popup.getByRole('status').first().textContent();
      expect(await status()).toBe(all);
      // Asked for after the first paint, both of them.
      await expect.poll(() => asked.length).toBe(2);
      await popup.getByRole('combobox', { name: 'Search cluster organisations' }).fill('valorail');
      const listbox = popup.getByRole('listbox', { name: 'Search cluster organisations' });
      await expect.poll(() => listbox.getAttribute('aria-busy')).toBe('true');
      // Nothing is claimed for the query before its results are there.
      await new Promise((r) => setTimeout(r, 300));
      expect(await status()).toBe(all);
      release();
      await expect.poll(() => listbox.getAttribute('aria-busy')).toBeNull();
      expect((await shownNames(popup))[0]).toBe('Valorial');
      expect(await status()).not.toBe(all);
    } finally {
      release();
      await popup.close();
    }
  });
});
