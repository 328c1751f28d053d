/**
 * Firefox: the introduction opened by the install (a temporary add-on installs afresh), its
 * sample marked by the page's own lens, and the real card on a mention.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WELCOME_SAMPLE } from '../../lib/welcome-sample';
import { ADDON_UUID, launchFirefox, pagesAt, type LaunchedFirefox } from './drivers/firefox';
import { inCardFirefox, WELCOME_PAGE } from './harness';

let firefox: LaunchedFirefox;
let welcome: Page;

beforeAll(async () => {
  firefox = await launchFirefox({ keepWelcome: true });
  welcome = firefox.welcome!;
});
afterAll(async () => {
  await firefox?.close();
});

describe('the introduction opened on install (Firefox)', () => {
  it('opens once, marks its sample, and shows the card of a mention', async () => {
    const url = `moz-extension://${ADDON_UUID}/${WELCOME_PAGE}`;
    expect(await pagesAt(firefox.browser, url)).toHaveLength(1);
    // Every sample name marked, and nothing else on the page.
    const marked = () =>
      welcome.evaluate(() =>
        [...CSS.highlights.values()]
          .flatMap((h) => [...h])
          .map((r) => r.startContainer.textContent!.slice(r.startOffset, r.endOffset))
          .sort(),
      );
    await expect
      .poll(marked, { timeout: 20_000 })
      .toEqual(WELCOME_SAMPLE.map((s) => s.name).sort());

    const first = WELCOME_SAMPLE[0]!.name;
    // A tab the test did not open is not in front: bring it there, as the reader sees it.
    await welcome.bringToFront();
    const at = await welcome.evaluate((name) => {
      const text = document.querySelector('.sample')!.firstChild as Text;
      const start = text.data.indexOf(name);
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + name.length);
      const r = range.getClientRects()[0]!;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, first);
    await welcome.mouse.move(at.x - 30, at.y);
    await welcome.mouse.move(at.x, at.y, { steps: 3 });
    const cardText = () =>
      inCardFirefox(welcome, (root) => root.querySelector('[role="dialog"]')?.textContent ?? '');
    await expect.poll(cardText, { timeout: 10_000 }).toContain(first);
  });
});
