/**
 * Firefox checks of the card that the shared core scenarios (scenarios/core.ts) do not make: a
 * page working the card itself (F1) and a frame's card shown by the top frame (D3).
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, openFirefoxExtensionPage, type LaunchedFirefox } from './drivers/firefox';
import { inCardFirefox } from './harness';

const openExtensionPage = (path: string): Promise<Page> => openFirefoxExtensionPage(browser, path);

let firefox: LaunchedFirefox;
let browser: Browser;
let server: LaunchedFirefox['server'];

beforeAll(async () => {
  firefox = await launchFirefox();
  ({ browser, server } = firefox);
});
afterAll(async () => {
  await firefox?.close();
});

describe('a page that tries to work the card itself (Firefox)', () => {
  it('can neither open, read, rewrite, press nor close the card; the reader can', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url('card-attack.html'));
    await page.waitForFunction(() => (CSS.highlights.get('cluster-lens-gold')?.size ?? 0) >= 1, {
      timeout: 20_000,
    });
    const attack = <T>(step: string) =>
      page.evaluate(
        (step) => (window as unknown as { attack: Record<string, () => unknown> }).attack[step]!(),
        step,
      ) as Promise<T>;
    const dialogs = async () =>
      (await inCardFirefox(page, (root) => root.querySelectorAll('[role="dialog"]').length)) ?? 0;
    const suppressed = async () => {
      const extension = await openExtensionPage('popup.html');
      const stored = await extension.evaluate(async () => {
        const ext = (
          globalThis as unknown as {
            browser: { storage: { sync: { get(key: string): Promise<Record<string, unknown>> } } };
          }
        ).browser;
        const settings = (await ext.storage.sync.get('settings')).settings as
          { suppressed?: unknown[] } | undefined;
        return settings?.suppressed ?? [];
      });
      await extension.close();
      return stored;
    };

    // Synthetic pointer events on a mark open nothing.
    expect(await attack('hover')).toBe(false);
    expect(await dialogs()).toBe(0);

    // The reader's pointer does.
    const at = await page.evaluate(() => {
      const text = document.querySelector('#gold')!.firstChild as Text;
      const start = text.data.indexOf('Hamburg Aviation');
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + 'Hamburg Aviation'.length);
      const r = range.getClientRects()[0]!;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(at.x - 30, at.y);
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await expect.poll(dialogs, { timeout: 10_000 }).toBe(1);

    // Made-up keys and "the pointer left" do not close it.
    await attack('keys');
    expect(await dialogs()).toBe(1);

    // Its tree is out of reach: no shadow root, nothing captured, nothing rewritten.
    const seen = await attack<Record<string, unknown>>('read');
    expect(seen).toMatchObject({
      host: true,
      shadowRoot: false,
      captured: 0,
      text: '',
      rewritten: false,
    });
    expect(await inCardFirefox(page, (root) => root.querySelector('h2')?.textContent)).toBe(
      'Hamburg Aviation',
    );

    // Clicks the page makes up press nothing; the card stays open, nothing is stored.
    await attack('click');
    expect(await dialogs()).toBe(1);
    expect(await suppressed()).toEqual([]);

    // The reader's Esc closes it.
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await expect.poll(dialogs).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('a card from a mention in a small frame (Firefox)', () => {
  it('is shown by the top frame, whole, at its natural height, beside the mention', async () => {
    const box = (page: Page, selector: string) =>
      inCardFirefox(
        page,
        async (root, s) => {
          await Promise.all(
            (root.querySelector('[role="dialog"]')?.getAnimations() ?? []).map((a) => a.finished),
          );
          const r = root.querySelector(s)?.getBoundingClientRect();
          return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null;
        },
        selector,
      );
    const hasEccp = (page: Page) =>
      inCardFirefox(page, (root) => root.querySelector('.cl-card__eccp') !== null);
    const lineBox = (text: string, selector: string) => {
      const node = document.querySelector(selector)!.firstChild as Text;
      const start = node.data.indexOf(text);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + text.length);
      const r = range.getClientRects()[0]!;
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };

    // The same organisation's card from the top document, for its natural height.
    // Tall enough for the whole card: both are then at their natural height.
    const size = { width: 1280, height: 900 };
    const reference = await browser.newPage();
    await reference.setViewport(size);
    await reference.goto(server.url('card.html'));
    await reference.waitForFunction(
      () => (CSS.highlights.get('cluster-lens-gold')?.size ?? 0) >= 3,
      {
        timeout: 20_000,
      },
    );
    const at = await reference.evaluate(lineBox, 'Hamburg Aviation', '#hamburg');
    await reference.mouse.move(at.left - 20, at.top + 5);
    await reference.mouse.move(at.left + 20, at.top + 5, { steps: 3 });
    await expect.poll(() => hasEccp(reference), { timeout: 10_000 }).toBe(true);
    const natural = (await box(reference, '[role="dialog"]'))!;
    await reference.close();

    const page = await browser.newPage();
    await page.setViewport(size);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url('small-frame.html'));
    const frame = page.frames().find((f) => f.url().endsWith('small-frame-inner.html'))!;
    await frame.waitForFunction(() => (CSS.highlights.get('cluster-lens-gold')?.size ?? 0) === 1, {
      timeout: 20_000,
    });
    const inner = await frame.evaluate(lineBox, 'Hamburg Aviation', '#ticker-line');
    const origin = await page.evaluate(() => {
      const el = document.querySelector('#ticker')!;
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return {
        x: r.left + el.clientLeft + parseFloat(style.paddingLeft),
        y: r.top + el.clientTop + parseFloat(style.paddingTop),
      };
    });
    const mention = {
      left: origin.x + inner.left,
      top: origin.y + inner.top,
      right: origin.x + inner.right,
      bottom: origin.y + inner.bottom,
    };
    await page.mouse.move(mention.left - 20, mention.top + 5);
    await page.mouse.move(mention.left + 20, mention.top + 5, { steps: 3 });
    await expect.poll(() => hasEccp(page), { timeout: 10_000 }).toBe(true);
    const card = (await box(page, '[role="dialog"]'))!;
    // "Not this organisation", asked for with the reader's click, is there to use.
    const wrong = (await box(page, '.cl-card__wrong'))!;
    await page.mouse.click((wrong.left + wrong.right) / 2, (wrong.top + wrong.bottom) / 2);
    await expect
      .poll(() => inCardFirefox(page, (root) => root.querySelector('.cl-card__footer') !== null))
      .toBe(true);
    const footer = (await box(page, '.cl-card__footer'))!;
    const grown = (await box(page, '[role="dialog"]'))!;
    const viewport = await page.evaluate(() => ({
      width: document.documentElement.clientWidth,
      height: document.documentElement.clientHeight,
    }));
    expect(natural.bottom).toBeLessThan(size.height - 8);
    expect(Math.abs(card.bottom - card.top - (natural.bottom - natural.top))).toBeLessThanOrEqual(
      1,
    );
    expect(card.left).toBeGreaterThanOrEqual(0);
    expect(card.right).toBeLessThanOrEqual(viewport.width);
    expect(card.bottom).toBeLessThanOrEqual(viewport.height);
    expect(Math.abs(card.top - (mention.bottom + 6))).toBeLessThanOrEqual(1);
    expect(Math.abs(card.left - mention.left)).toBeLessThanOrEqual(1);
    expect(footer.bottom).toBeLessThanOrEqual(grown.bottom);
    expect(footer.bottom).toBeLessThanOrEqual(viewport.height);
    expect(grown.top).toBe(card.top);
    expect(await frame.evaluate(() => document.querySelector('cluster-lens-card'))).toBeNull();

    // Leaving mention and card closes it.
    await page.mouse.move(card.right + 200, card.bottom + 100, { steps: 4 });
    await expect
      .poll(
        async () =>
          (await inCardFirefox(page, (root) => root.querySelectorAll('[role="dialog"]').length)) ??
          0,
      )
      .toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('the card at a glance (Firefox)', () => {
  it('has the label and ECCP lines in its first 120 px and no inner scrollbar', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(server.url('card.html'));
    await page.waitForFunction(() => (CSS.highlights.get('cluster-lens-gold')?.size ?? 0) >= 3, {
      timeout: 20_000,
    });
    const layout = () =>
      inCardFirefox(page, async (root) => {
        const dialog = root.querySelector('[role="dialog"]');
        const label = root.querySelector('.cl-card__label');
        const eccp = root.querySelector('.cl-card__eccp');
        const body = root.querySelector('.cl-card__body');
        if (!dialog || !label || !eccp || !body) return null;
        await Promise.all(dialog.getAnimations().map((a) => a.finished));
        const top = dialog.getBoundingClientRect().top;
        return {
          name: dialog.getAttribute('aria-label'),
          label: label.getBoundingClientRect().bottom - top,
          eccp: eccp.getBoundingClientRect().bottom - top,
          overflow: Math.max(
            dialog.scrollHeight - dialog.clientHeight,
            body.scrollHeight - body.clientHeight,
          ),
        };
      });
    const hoverText = async (selector: string, text: string) => {
      const at = await page.evaluate(
        (selector, text) => {
          const node = document.querySelector(selector)!.firstChild as Text;
          const start = node.data.indexOf(text);
          const range = document.createRange();
          range.setStart(node, start);
          range.setEnd(node, start + text.length);
          const r = range.getClientRects()[0]!;
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        },
        selector,
        text,
      );
      // Away first, until the last card is gone (it may cover this mention).
      await page.mouse.move(5, 5);
      await expect
        .poll(() => inCardFirefox(page, (root) => root.querySelector('[role="dialog"]') !== null))
        .not.toBe(true);
      await page.mouse.move(at.x - 20, at.y);
      await page.mouse.move(at.x, at.y, { steps: 3 });
    };
    // A short name, and the fixture's longest (three lines).
    for (const [selector, text, name] of [
      ['#hamburg', 'Hamburg Aviation', 'Hamburg Aviation'],
      ['#pair', 'ACLIMA', "ACLIMA - Basque Country's Environmental Industry's Cluster Asociation"],
    ] as const) {
      await hoverText(selector, text);
      await expect.poll(async () => (await layout())?.name, { timeout: 10_000 }).toBe(name);
      const seen = (await layout())!;
      expect(seen.label).toBeLessThanOrEqual(120);
      expect(seen.eccp).toBeLessThanOrEqual(120);
      expect(seen.overflow).toBeLessThanOrEqual(0);
      console.log(`Firefox card layout, ${name}: ${JSON.stringify(seen)}`);
    }
    await page.close();
  });
});
