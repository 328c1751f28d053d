import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFixtures } from './harness';

/** The Firefox build (`wxt build -b firefox`) beside the Chrome one the harness uses. */
const FIREFOX_BUILD = resolve(process.env.WXT_OUT_DIR ?? '.output', 'firefox-mv2');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

let browser: Browser;
let profile: string;
let server: Awaited<ReturnType<typeof serveFixtures>>;

beforeAll(async () => {
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_BUILD}: run \`npm run build:firefox\` first.`);
  }
  profile = mkdtempSync(join(tmpdir(), 'cl-firefox-'));
  server = await serveFixtures();
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: {
      // Nothing leaves the machine during the test.
      'network.proxy.type': 0,
      'app.update.enabled': false,
      'extensions.update.enabled': false,
    },
  });
  // WebDriver BiDi webExtension.install: a temporary add-on, as about:debugging loads it.
  await browser.installExtension(FIREFOX_BUILD);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('the content script in Firefox', () => {
  it('marks a mention and shows its card on hover', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url('card.html'));
    // The marks are there once the Highlight API holds Hamburg Aviation.
    await page.waitForFunction(
      () => {
        const gold = CSS.highlights.get('cluster-lens-gold');
        return gold !== undefined && gold.size >= 3;
      },
      { timeout: 20_000 },
    );
    const rect = await page.evaluate(() => {
      const text = document.querySelector('#hamburg')!.firstChild as Text;
      const at = text.data.indexOf('Hamburg Aviation');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 'Hamburg Aviation'.length);
      const r = range.getClientRects()[0]!;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(rect.x - 30, rect.y);
    await page.mouse.move(rect.x, rect.y, { steps: 3 });
    const dialog = await page.waitForSelector('cluster-lens-card >>> [role="dialog"]', {
      timeout: 10_000,
    });
    await page.waitForFunction(
      () =>
        document
          .querySelector('cluster-lens-card')
          ?.shadowRoot?.querySelector('.cl-details__eccp') !== null,
    );
    const facts = await dialog!.evaluate((el) => ({
      name: el.getAttribute('aria-label'),
      badge: el.querySelector('.cl-details__badges .cl-badge')?.textContent,
      eccp: el.querySelector('.cl-details__eccp')?.getAttribute('data-eccp'),
      host: el.getRootNode() instanceof ShadowRoot,
    }));
    expect(facts).toEqual({ name: 'Hamburg Aviation', badge: '★Gold', eccp: 'member', host: true });
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () =>
        document
          .querySelector('cluster-lens-card')
          ?.shadowRoot?.querySelector('[role="dialog"]') === null,
    );
    expect(errors).toEqual([]);
  });
});
