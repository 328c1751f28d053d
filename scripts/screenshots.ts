/**
 * Takes the README's screenshots from the real browser: the hover card on a page, the popup's
 * search and details, the options page and the introduction, in light and dark. Writes docs/screenshots/*.png.
 *
 *   npm run build && npm run screenshots
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import {
  cardCount,
  launchExtension,
  serveFixtures,
  textCentre,
  WELCOME_PAGE,
} from '../tests/e2e/harness';

const OUT = 'docs/screenshots';
mkdirSync(OUT, { recursive: true });

const ext = await launchExtension();
const server = await serveFixtures();

async function hoverText(page: Page, selector: string, text: string) {
  const r = await textCentre(page, selector, text);
  await page.mouse.move(r.x, r.y, { steps: 3 });
}

try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 900, height: 620 });
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto(server.url(scheme === 'dark' ? 'card-dark.html' : 'card.html'));
    await page.waitForTimeout(800);
    await hoverText(page, '#hamburg', 'Hamburg Aviation');
    for (let waited = 0; (await cardCount(page)) === 0; waited += 100) {
      if (waited > 5000) throw new Error('no card');
      await page.waitForTimeout(100);
    }
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${OUT}/card-${scheme}.png` });
    await page.close();

    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await popup
      .getByRole('combobox', { name: 'Search cluster organisations' })
      .fill('energy cluster');
    await popup.waitForTimeout(300);
    await popup.screenshot({ path: `${OUT}/popup-search-${scheme}.png` });
    await popup.keyboard.press('Enter');
    await popup.waitForTimeout(300);
    await popup.screenshot({ path: `${OUT}/popup-details-${scheme}.png` });
    await popup.close();

    const options = await ext.context.newPage();
    await options.setViewportSize({ width: 900, height: 900 });
    await options.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.waitForTimeout(500);
    await options.screenshot({ path: `${OUT}/options-${scheme}.png` });
    await options.close();

    // The introduction the install opens, with the card of its first sample mention open.
    const welcome = await ext.context.newPage();
    await welcome.setViewportSize({ width: 900, height: 760 });
    await welcome.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await welcome.goto(`chrome-extension://${ext.extensionId}/${WELCOME_PAGE}`);
    await welcome.waitForTimeout(800);
    await hoverText(welcome, '.sample', 'Hamburg Aviation');
    for (let waited = 0; (await cardCount(welcome)) === 0; waited += 100) {
      if (waited > 5000) throw new Error('no card on the introduction');
      await welcome.waitForTimeout(100);
    }
    await welcome.waitForTimeout(300);
    await welcome.screenshot({ path: `${OUT}/welcome-${scheme}.png` });
    await welcome.close();
  }
  console.log(`screenshots written to ${OUT}/`);
} finally {
  await ext.close();
  await server.close();
}
