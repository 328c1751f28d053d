/** The scenario driver for Chromium: playwright-core and the harness's unpacked extension. */
import type { Page } from 'playwright-core';
import { launchExtension, serveFixtures } from '../harness';
import { labelledIndex, type Driver, type DriverPage } from './driver';

function wrap(page: Page): DriverPage {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return {
    errors,
    evaluate: (fn, arg) => page.evaluate(fn, arg as never),
    mouseMove: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    mouseClick: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    setInputFile: (selector, { name, content }) =>
      page.setInputFiles(selector, {
        name,
        mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv',
        buffer: Buffer.from(content),
      }),
    async selectOption(selector, label, value) {
      const at = await page.evaluate(labelledIndex, { selector, label });
      if (at < 0) throw new Error(`no ${selector} labelled "${label}"`);
      await page.locator(selector).nth(at).selectOption(value);
    },
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

export async function chromiumDriver(): Promise<Driver> {
  const [ext, server] = await Promise.all([launchExtension(), serveFixtures()]);
  return {
    browser: 'chromium',
    url: server.url,
    async openPage(url) {
      const page = await ext.context.newPage();
      const wrapped = wrap(page);
      await page.goto(url);
      return wrapped;
    },
    async openExtensionPage(path, viewport) {
      const page = await ext.context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      const wrapped = wrap(page);
      await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
      return wrapped;
    },
    inExtension: (fn, arg) => ext.worker.evaluate(fn, arg as never),
    async closePages() {
      for (const page of ext.context.pages()) await page.close();
    },
    async close() {
      await ext.close();
      await server.close();
    },
  };
}
