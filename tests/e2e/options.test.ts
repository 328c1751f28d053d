import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;
const SHOTS = 'test-results/screenshots';

beforeAll(async () => {
  browser = await launchExtension();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function openOptions(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByTestId('dataset-info').waitFor();
  return { page, errors };
}

const storageLocal = (): Promise<Record<string, unknown>> =>
  browser.worker.evaluate(() => chrome.storage.local.get(null));
const storageSync = (): Promise<{ settings?: Record<string, unknown> }> =>
  browser.worker.evaluate(() => chrome.storage.sync.get('settings'));

/** The project CSV with the first organisation's Bronze turned Silver and the last one gone. */
/** How many organisations the bundle holds. */
const BUNDLED_RECORDS = (
  JSON.parse(readFileSync('data/generated/dataset.json', 'utf8')) as { records: unknown[] }
).records.length;

/** The bundled CSV with its first row's label changed and its last row left out. */
function newerCsv(): Buffer {
  const lines = readFileSync('data/clusters.csv', 'utf8').split('\n');
  const edited = [lines[0], lines[1]!.replace(',bronze,', ',silver,'), ...lines.slice(2, -2), ''];
  return Buffer.from(edited.join('\n'));
}

async function axeViolations(page: Page) {
  // Extension pages forbid inline scripts (CSP), so addScriptTag is refused; evaluating the
  // source through the DevTools protocol is not subject to the page's CSP.
  await page.evaluate(readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<AxeResult> } }).axe;
    type AxeResult = { violations: { id: string; impact: string | null; nodes: unknown[] }[] };
    return axe.run();
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`);
}

describe('the options page in Chromium', () => {
  it('saves a site rule to storage.sync at once', async () => {
    const { page, errors } = await openOptions();
    await page.getByLabel('Only on the sites in the list').check();
    await expect.poll(async () => (await storageSync()).settings?.siteMode).toBe('only-listed');
    await page.getByLabel('Add sites').fill('https://News.Example.com/today *.Bücher.de');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect
      .poll(async () => (await storageSync()).settings?.sites)
      .toEqual(['news.example.com', '*.xn--bcher-kva.de']);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('2 sites added');
    await page.getByRole('button', { name: 'Remove news.example.com from the list' }).click();
    await expect
      .poll(async () => (await storageSync()).settings?.sites)
      .toEqual(['*.xn--bcher-kva.de']);
    await page.getByLabel('On every site', { exact: true }).check();
    await expect.poll(async () => (await storageSync()).settings?.siteMode).toBe('everywhere');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaves everything as it was after a bad import, and lists each problem', async () => {
    const { page, errors } = await openOptions();
    const before = await storageLocal();
    const info = await page.getByTestId('dataset-info').innerText();
    await page.getByLabel('Choose a CSV or JSON file').setInputFiles({
      name: 'javascript-url.csv',
      mimeType: 'text/csv',
      buffer: readFileSync('tests/fixtures/imports/javascript-url.csv'),
    });
    await expect
      .poll(() => page.locator('.problems h4').textContent())
      .toBe('javascript-url.csv was not imported');
    expect(await page.locator('.problems li').allInnerTexts()).toEqual([
      'Row 3, column website: is not an http(s) URL: "javascript:alert(document.cookie)"',
    ]);
    expect(await storageLocal()).toEqual(before);
    expect(await page.getByTestId('dataset-info').innerText()).toBe(info);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: `${SHOTS}/options-bad-import.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('previews an import, applies it to storage.local and shows it, then resets', async () => {
    const { page, errors } = await openOptions();
    await page.getByLabel('Choose a CSV or JSON file').setInputFiles({
      name: 'newer.csv',
      mimeType: 'text/csv',
      buffer: newerCsv(),
    });
    await page.getByText('Preview of newer.csv').waitFor();
    expect(await page.locator('.preview .counts li').allInnerTexts()).toEqual([
      'No organisations added',
      'One organisation changed',
      'One organisation removed',
      `${(BUNDLED_RECORDS - 2).toLocaleString('en')} organisations unchanged`,
    ]);
    await expect.poll(() => page.getByText('Label: Bronze → Silver').count()).toBe(1);
    expect((await storageLocal()).importedDataset).toBeUndefined();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: `${SHOTS}/options-preview-light.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/options-preview-dark.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Apply this dataset' }).click();
    await expect
      .poll(async () => {
        const stored = (await storageLocal()).importedDataset as
          | {
              origin: string;
              sourceName: string;
              records: { id: string; label: { level: string } }[];
            }
          | undefined;
        return (
          stored && {
            origin: stored.origin,
            sourceName: stored.sourceName,
            aclima: stored.records.find((r) => r.id === 'aclima')?.label.level,
          }
        );
      })
      .toEqual({ origin: 'imported', sourceName: 'newer.csv', aclima: 'silver' });
    const info = page.getByTestId('dataset-info');
    await expect.poll(() => info.innerText()).toMatch(/Imported from newer\.csv on /);
    // The count shown is the imported one: one organisation fewer than the bundle.
    const bundledCount = readFileSync('data/clusters.csv', 'utf8').trim().split('\n').length - 1;
    expect(await info.innerText()).toContain(
      `${(bundledCount - 1).toLocaleString('en')} organisations`,
    );

    // Another page of the extension sees the import at once.
    const second = await openOptions();
    expect(await second.page.getByTestId('dataset-info').innerText()).toMatch(
      /Imported from newer\.csv/,
    );
    await second.page.close();

    await page.getByRole('button', { name: 'Reset to bundled data' }).click();
    await expect.poll(async () => (await storageLocal()).importedDataset).toBeUndefined();
    await expect.poll(() => info.innerText()).toMatch(/The data bundled with Cluster Lens/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("sets its text in 14 px, not in Chromium's 75 % for extension pages", async () => {
    const { page, errors } = await openOptions();
    const sizes = await page.evaluate(() => {
      const px = (selector: string) => getComputedStyle(document.querySelector(selector)!).fontSize;
      return { body: px('body'), help: px('.help'), legend: px('legend'), h1: px('h1') };
    });
    expect(sizes).toEqual({ body: '14px', help: '14px', legend: '14px', h1: '21px' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no serious or critical axe violations, light and dark, and is captured for review', async () => {
    const { page, errors } = await openOptions();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${SHOTS}/options-${scheme}.png`, fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
