import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/model';
import { WELCOME_SAMPLE } from '../../lib/welcome-sample';
import { launchExtension, type ExtensionBrowser } from './harness';

const dataset = JSON.parse(readFileSync('data/generated/dataset.json', 'utf8')) as Dataset;
const total = dataset.records.length;

/** The popup of a browser whose UI is in `lang` (the install's introduction left open). */
async function popupIn(lang: string): Promise<{ browser: ExtensionBrowser; popup: Page }> {
  const browser = await launchExtension({ lang, keepWelcome: true });
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.getByRole('status').first().waitFor();
  return { browser, popup };
}

describe.each([
  {
    lang: 'pl',
    search: 'Szukaj organizacji klastrowych',
    germany: 'Niemcy',
    gold: 'Złoty',
    welcome: 'Witamy w Cluster Lens',
    pluralForms: ['22 organizacja', '22 organizacje', '22 organizacji', '22 organizacji'],
    // 1 organizacja; 2–4, 22–24 … organizacje; otherwise organizacji.
    results: (n: number) =>
      `${n.toLocaleString('pl')} ${
        n === 1
          ? 'organizacja'
          : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100)
            ? 'organizacje'
            : 'organizacji'
      }`,
  },
  {
    lang: 'fr',
    search: 'Rechercher des organisations de clusters',
    germany: 'Allemagne',
    gold: 'Or',
    welcome: 'Bienvenue dans Cluster Lens',
    pluralForms: ['22 organisation', '22 organisations', '22 organisations', '22 organisations'],
    results: (n: number) => `${n.toLocaleString('fr')} organisation${n < 2 ? '' : 's'}`,
  },
])('the popup in $lang', ({ lang, search, germany, gold, welcome, pluralForms, results }) => {
  let browser: ExtensionBrowser;
  let popup: Page;
  beforeAll(async () => {
    ({ browser, popup } = await popupIn(lang));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is written in that language, numbers and country names included', async () => {
    expect(await popup.locator('html').getAttribute('lang')).toBe(lang);
    await expect.poll(() => popup.getByRole('status').first().textContent()).toBe(results(total));
    expect(await popup.getByRole('combobox', { name: search }).count()).toBe(1);
    const options = await popup.locator('select option').allTextContents();
    expect(options.some((o) => o.startsWith(`${germany} (`))).toBe(true);
    expect(options.some((o) => o.startsWith(`${gold} (`))).toBe(true);
  });

  it('and the introduction the install opened, its sample marked all the same', async () => {
    const page = browser.welcome!;
    await page.waitForLoadState('load');
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await page.title()).toBe(welcome);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(welcome);
    const marked = () =>
      page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));
    await expect.poll(marked, { timeout: 20_000 }).toBe(WELCOME_SAMPLE.length);
  });

  it('gets the plural forms from Chrome by their message names', async () => {
    const forms = await popup.evaluate(() =>
      ['one', 'few', 'many', 'other'].map((c) =>
        chrome.i18n.getMessage(`dataset_organisations_${c}`, ['22']),
      ),
    );
    expect(forms).toEqual(pluralForms);
  });
});
