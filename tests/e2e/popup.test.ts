import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/model';
import { filterValues } from '../../lib/search/filters';
import {
  axeViolations as axeViolationsOf,
  cardAttribute,
  launchExtension,
  serveFixtures,
  tabIdOf,
  type ExtensionBrowser,
} from './harness';

const dataset = JSON.parse(readFileSync('data/generated/dataset.json', 'utf8')) as Dataset;
const today = new Date();
const countWhere = (pred: (v: ReturnType<typeof filterValues>) => boolean) =>
  dataset.records.filter((r) => pred(filterValues(r, today))).length;

let browser: ExtensionBrowser;
let popup: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchExtension();
  popup = await browser.context.newPage();
  popup.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  popup.on('pageerror', (e) => errors.push(e.message));
  // The width of Chrome's popup as this popup asks for it.
  await popup.setViewportSize({ width: 380, height: 640 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
});
afterAll(async () => {
  await browser?.close();
});

const search = () => popup.getByRole('combobox', { name: 'Search cluster organisations' });
const optionNames = () => popup.locator('[role="option"] .cl-result__name').allTextContents();
const status = () => popup.getByRole('status').first().textContent();

async function typeQuery(text: string) {
  if (await popup.locator('article.cl-details').count()) await popup.keyboard.press('Escape');
  await search().fill(text);
}

const axeViolations = () => axeViolationsOf(popup);

describe('the popup in Chromium', () => {
  it('is ready on opening: search box focused, results shown', async () => {
    // How fast is measured by the benchmark (scripts/bench/popup.ts, target 100 ms), not gated
    // here: a timing on a shared 2-core machine is not a pass/fail fact about the code.
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const ready = await page.waitForFunction(() => window.__clusterLensPopupReady);
    console.log(`popup ready after ${((await ready.jsonValue()) as number).toFixed(1)} ms`);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe(
      'combobox',
    );
    await page.close();
    expect(await status()).toBe(`${dataset.records.length.toLocaleString('en')} organisations`);
  });

  it('finds Valorial first, also when misspelt', async () => {
    await typeQuery('valorial');
    await expect.poll(async () => (await optionNames())[0]).toBe('Valorial');
    await typeQuery('valorail');
    await expect.poll(async () => (await optionNames())[0]).toBe('Valorial');
    await typeQuery('valoral');
    await expect.poll(optionNames).toContain('Valorial');
  });

  it('ignores accents and finds multi-word names', async () => {
    await typeQuery('kosice');
    await expect.poll(async () => (await optionNames())[0]).toBe('IT Valley Košice');
    await typeQuery('bydgoski klaster');
    await expect.poll(async () => (await optionNames())[0]).toBe('Bydgoski Klaster Przemysłowy');
    await typeQuery('zzzzqqq');
    await expect.poll(status).toBe('No organisation matches “zzzzqqq”.');
  });

  it('narrows the list with filters, with exact counts', async () => {
    await typeQuery('');
    const gold = countWhere((v) => v.level === 'gold');
    const level = popup.getByLabel('Label level');
    expect(await level.locator('option[value="gold"]').textContent()).toBe(`Gold (${gold})`);
    await level.selectOption('gold');
    await expect.poll(status).toBe(`${gold} organisations`);

    const goldExpired = countWhere((v) => v.level === 'gold' && v.validity === 'expired');
    await popup.getByLabel('Validity').selectOption('expired');
    await expect.poll(status).toBe(`${goldExpired} organisations`);

    await popup.getByLabel('Validity').selectOption('');
    const goldFrMember = countWhere(
      (v) => v.level === 'gold' && v.country === 'FR' && v.eccp === 'member',
    );
    await popup.getByLabel('Country').selectOption('FR');
    await popup.getByLabel('ECCP').selectOption('member');
    await expect
      .poll(status)
      .toBe(goldFrMember === 1 ? '1 organisation' : `${goldFrMember} organisations`);
    await popup.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(status).toBe(`${dataset.records.length.toLocaleString('en')} organisations`);
  });

  it('shows results light and dark, and passes an axe scan', async () => {
    await typeQuery('cluster');
    await expect.poll(async () => (await optionNames()).length).toBeGreaterThan(3);
    expect(await axeViolations()).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.screenshot({ path: 'test-results/screenshots/popup-search-light.png' });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: 'test-results/screenshots/popup-search-dark.png' });
    await popup.emulateMedia({ colorScheme: 'light' });
  });

  it("sets its text in 14 px, not in Chromium's 75 % for extension pages", async () => {
    await typeQuery('cluster');
    await expect.poll(async () => (await optionNames()).length).toBeGreaterThan(3);
    const sizes = await popup.evaluate(() => {
      const px = (selector: string) => getComputedStyle(document.querySelector(selector)!).fontSize;
      return {
        body: px('body'),
        search: px('.cl-search input'),
        status: px('.cl-status'),
        name: px('.cl-result__name'),
      };
    });
    // A name in the list is larger than the status line above it, not smaller.
    expect(sizes).toEqual({ body: '14px', search: '14px', status: '12px', name: '14px' });
  });

  it('opens details with Enter and goes back with Esc', async () => {
    await typeQuery('valorial');
    await expect.poll(async () => (await optionNames())[0]).toBe('Valorial');
    await search().press('Enter');
    const details = popup.locator('article.cl-details');
    await expect.poll(() => details.locator('h2').textContent()).toBe('Valorial');
    const text = await details.innerText();
    // Gold 2022, no validity published, more than three years ago: say so, never "current".
    expect(text).toContain('Awarded 2022; validity not published.');
    expect(text).toContain('It may have lapsed or been renewed since.');
    expect(text).toContain(
      'Since 15 November 2019 a label requires an ECCP listing, and this label was awarded in 2022.',
    );
    expect(text).toContain('Data as of January 2026');
    const hrefs = await details
      .locator('a')
      .evaluateAll((as) =>
        as.map((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]),
      );
    expect(hrefs.length).toBeGreaterThan(0);
    for (const [href, target, rel] of hrefs) {
      expect(href).toMatch(/^https?:\/\//);
      expect(target).toBe('_blank');
      expect(rel).toBe('noopener noreferrer');
    }
    expect(await axeViolations()).toEqual([]);
    await popup.screenshot({
      path: 'test-results/screenshots/popup-details-light.png',
      fullPage: true,
    });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({
      path: 'test-results/screenshots/popup-details-dark.png',
      fullPage: true,
    });
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.keyboard.press('Escape');
    await expect.poll(() => details.count()).toBe(0);
    // Focus goes back to the search box on the next frame.
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('combobox');
  });

  it('puts focus on "Back to the list" when details open, by keyboard or by click', async () => {
    const back = popup.getByRole('button', { name: 'Back to the list' });
    const backHasFocus = () => back.evaluate((el) => el === document.activeElement);
    await typeQuery('valorial');
    await expect.poll(async () => (await optionNames())[0]).toBe('Valorial');
    await search().press('Enter');
    await expect.poll(backHasFocus).toBe(true);
    await popup.keyboard.press('Escape');
    await popup.locator('[role="option"]').first().click();
    await expect.poll(backHasFocus).toBe(true);
    await popup.keyboard.press('Escape');
  });

  it('shows an expired label as Expired, with its date', async () => {
    await typeQuery('ACLIMA');
    await expect
      .poll(async () => (await optionNames())[0])
      .toBe("ACLIMA - Basque Country's Environmental Industry's Cluster Asociation");
    await search().press('Enter');
    const text = await popup.locator('article.cl-details').innerText();
    expect(text).toContain('Expired: valid until April 2015');
    await popup.keyboard.press('Escape');
  });

  it('says a browser page cannot be read ("On this page" of its own extension page)', async () => {
    // The active tab is the popup page itself here: a chrome-extension:// page.
    await popup.getByRole('tab', { name: /On this page/ }).click();
    await expect
      .poll(() => popup.locator('.cl-state').textContent())
      .toBe(
        'Cluster Lens cannot read this page. Browser pages, web stores and local files are off limits.',
      );
    await popup.getByRole('tab', { name: 'Search' }).click();
  });

  it('"On this page" lists the page\'s organisations with counts and reveals one there', async () => {
    const server = await serveFixtures();
    try {
      const url = server.url('scan.html');
      const page = await browser.context.newPage();
      await page.goto(url);
      const tabId = await tabIdOf(browser, url);
      // Wait until the page's frame has reported too, as it has long done when a reader opens
      // the popup (the popup asks once).
      const found = async () => {
        const answer: { detections: unknown[] } = await browser.worker.evaluate(
          (tabId) =>
            chrome.tabs.sendMessage(tabId, { type: 'cluster-lens:detections' }, { frameId: 0 }),
          tabId,
        );
        return answer.detections.length;
      };
      await expect.poll(found, { timeout: 10_000 }).toBe(7);
      // The popup page opened for that tab, as "Look up in Cluster Lens" does where no popup can
      // open (a test cannot click the toolbar button).
      const forPage = await browser.context.newPage();
      await forPage.setViewportSize({ width: 380, height: 640 });
      await forPage.goto(
        `chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}&url=${encodeURIComponent(url)}`,
      );
      await forPage.getByRole('tab', { name: /On this page/ }).click();
      const items = () =>
        forPage
          .locator('.cl-page-item')
          .evaluateAll((els) =>
            els.map((el) => [
              el.querySelector('.cl-result__name')?.textContent,
              el.querySelector('.cl-page-item__count')?.textContent,
            ]),
          );
      // scan.html and its frame: Cap Digital twice, six others once (most mentioned first).
      await expect.poll(items, { timeout: 10_000 }).toEqual([
        ['Cap Digital', '2 mentions'],
        ['Hamburg Aviation', '1 mention'],
        ['Minalogic', '1 mention'],
        ['Polo NET', '1 mention'],
        ['secpho', '1 mention'],
        ['si-Cluster', '1 mention'],
        ['Valorial', '1 mention'],
      ]);
      expect(await forPage.locator('.cl-status', { hasText: 'on this page' }).textContent()).toBe(
        '7 organisations on this page',
      );
      await forPage.locator('.cl-page-item', { hasText: 'Minalogic' }).click();
      // The popup closes and the reader is back on the page, which has scrolled to the mention
      // and opened its card (a page in a background tab does not paint, so bring it forward).
      await page.bringToFront();
      await expect.poll(() => cardAttribute(page, 'aria-label')).toBe('Minalogic');
    } finally {
      await server.close();
    }
  });

  it('logs no errors', () => {
    expect(errors).toEqual([]);
  });
});
