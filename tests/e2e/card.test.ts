import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/model';
import { labelStatus } from '../../lib/label-status';
import type { CardOpenedResponse, ScanStatsResponse } from '../../lib/messages';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import {
  cardAttribute,
  cardBox,
  cardCount,
  cardFocus,
  cardMarkup,
  cardText,
  cardTexts,
  clickInCard,
  inCard,
  launchExtension,
  serveFixtures,
  tabIdOf as harnessTabIdOf,
  textRect,
  type ExtensionBrowser,
} from './harness';

const dataset = JSON.parse(readFileSync('data/generated/dataset.json', 'utf8')) as Dataset;
const nameOf = (id: string) => dataset.records.find((r) => r.id === id)!.name;
const SHOTS = 'test-results/screenshots';

let ext: ExtensionBrowser;
let server: Awaited<ReturnType<typeof serveFixtures>>;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
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

async function setSettings(patch: Partial<typeof DEFAULT_SETTINGS>) {
  await ext.worker.evaluate((settings) => chrome.storage.sync.set({ settings }), {
    ...DEFAULT_SETTINGS,
    ...patch,
  });
}

/** The id of the tab whose top frame shows `url`. */
const tabIdOf = (url: string) => harnessTabIdOf(ext, url);

/** Sends a message to a tab's top frame from the service worker, as the background does. */
async function sendToTab<T>(tabId: number, message: object): Promise<T> {
  const reply: unknown = await ext.worker.evaluate(
    ({ tabId, message }) => chrome.tabs.sendMessage(tabId, message, { frameId: 0 }),
    { tabId, message },
  );
  return reply as T;
}

async function open(path: string) {
  const url = server.url(path);
  const page = await ext.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  const tabId = await tabIdOf(url);
  await expect
    .poll(
      async () =>
        (await sendToTab<ScanStatsResponse>(tabId, { type: 'cluster-lens:scan-stats' })).idle,
    )
    .toBe(true);
  return { page, tabId, errors };
}

async function hover(page: Page, selector: string, text: string) {
  const r = await textRect(page, selector, text);
  await page.mouse.move(r.left + r.width / 2, r.top + r.height / 2, { steps: 2 });
  return r;
}

/** The card's facts, read through its closed shadow root (see the harness). */
async function cardFacts(page: Page) {
  return {
    name: await cardAttribute(page, 'aria-label'),
    heading: await cardText(page, '[role="dialog"] h2'),
    badges: await cardTexts(page, '[role="dialog"] .cl-card__label .cl-badge'),
    // The label's status in words, beside its badge.
    label: await cardText(page, '[role="dialog"] .cl-card__label-status'),
    eccp: await cardAttribute(page, 'data-eccp', '[role="dialog"] .cl-card__eccp'),
  };
}

/** Opens the card's sources (a click on their summary) and its "Not this organisation". */
async function openEverything(page: Page) {
  await openSources(page);
  await clickInCard(page, 'Wrong match?');
  await expect.poll(() => cardText(page, '.cl-card__hint')).not.toBeNull();
}

/** Opens the sources folded under the card's last line, with the reader's click. */
async function openSources(page: Page) {
  const toggle = await cardBox(page, '.cl-card__sources-toggle');
  await page.mouse.click(toggle.left + 20, toggle.top + toggle.height / 2);
  await expect
    .poll(() => cardAttribute(page, 'aria-expanded', '.cl-card__sources-toggle'))
    .toBe('true');
}

/** The address of the card's link with this text. */
function cardLink(page: Page, name: string) {
  return inCard(
    page,
    (root, wanted) =>
      [...root.querySelectorAll('a')]
        .find((a) => (a.getAttribute('aria-label') ?? a.textContent?.trim()) === wanted)
        ?.getAttribute('href') ?? null,
    name,
  );
}

/**
 * Serious and critical axe findings for the card. Axe, like any page script, cannot look into
 * the card's closed shadow root, so the card's own markup (its stylesheet with it) is checked
 * in an open shadow root of a page of its own, in the same colour scheme.
 */
async function axeViolations(page: Page, colorScheme: 'light' | 'dark') {
  const markup = await cardMarkup(page);
  expect(markup).toContain('role="dialog"');
  const copy = await ext.context.newPage();
  await copy.setViewportSize(page.viewportSize()!);
  await copy.emulateMedia({ colorScheme });
  await copy.setContent('<!doctype html><html lang="en"><title>card</title><body></body></html>');
  await copy.evaluate((markup) => {
    const host = document.createElement('cluster-lens-card');
    host.attachShadow({ mode: 'open' }).innerHTML = markup;
    document.documentElement.append(host);
  }, markup);
  await copy.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
  const violations = await copy.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(context: Element): Promise<{
            violations: { id: string; impact: string; nodes: { target: unknown }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document.querySelector('cluster-lens-card')!);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target),
    }));
  });
  await copy.close();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('the hover card in Chromium', () => {
  it('opens on hover with the organisation the mark names, its label and ECCP state', async () => {
    const { page, errors } = await open('card.html');
    // Before any card, nothing of ours is in the page.
    expect(await page.locator('cluster-lens-card').count()).toBe(0);
    const mark = await hover(page, '#hamburg', 'Hamburg Aviation');
    await expect.poll(() => cardCount(page)).toBe(1);
    const facts = await cardFacts(page);
    expect(facts.name).toBe('Hamburg Aviation');
    expect(facts.heading).toBe('Hamburg Aviation');
    expect(facts.badges).toEqual(['★Gold']);
    expect(facts.label).toBe('valid until 2027');
    expect(facts.eccp).toBe('member');
    await expect
      .poll(() => cardLink(page, 'ECCP profile'))
      .toBe('https://www.clustercollaboration.eu/cluster-organisations/hamburg-aviation-ev');
    expect(await cardText(page)).toContain('data as of January 2026');

    // Next to the mark, below it, inside the viewport; the host is marked as ours.
    const card = await cardBox(page);
    expect(Math.abs(card.top - (mark.bottom + 6))).toBeLessThanOrEqual(1);
    expect(Math.abs(card.left - mark.left)).toBeLessThanOrEqual(1);
    expect(await page.locator('cluster-lens-card').getAttribute('data-cluster-lens-ui')).toBe('');

    // An undated Gold says what is known and nothing more; the ECCP listing is by rule.
    await page.mouse.move(5, 5);
    await expect.poll(() => cardCount(page)).toBe(0);
    await hover(page, '#valorial', 'Valorial');
    await expect.poll(async () => (await cardFacts(page)).name).toBe('Valorial');
    expect(await cardFacts(page)).toMatchObject({
      badges: ['★Gold'],
      label: 'awarded 2022, validity not published',
      eccp: 'implied',
    });
    // 2022 plus the longest published validity (3 years) is before today: say so (with the
    // sources, and on the status itself).
    await openSources(page);
    expect(await cardText(page, '.cl-card__label-note')).toBe(
      'It may have lapsed or been renewed since.',
    );
    expect(await cardAttribute(page, 'title', '.cl-card__label-status')).toBe(
      'It may have lapsed or been renewed since.',
    );
    expect(await cardText(page, '.cl-card__eccp-rule')).toContain('this label was awarded in 2022');
    expect(errors).toEqual([]);
  });

  it('shows a Silver and an Expired label for two marks in one sentence', async () => {
    const { page } = await open('card.html');
    await hover(page, '#pair', 'BioCon Valley');
    await expect
      .poll(async () => (await cardCount(page)) && (await cardFacts(page)).name)
      .toBe('BioCon Valley');
    const silver = dataset.records.find((r) => r.id === 'biocon-valley')!;
    expect(labelStatus(silver.label).kind).toBe('undated');
    expect(await cardFacts(page)).toMatchObject({ badges: ['◆Silver'], eccp: 'implied' });

    // Straight to the other mark: one card at a time, now ACLIMA's.
    await hover(page, '#pair', 'ACLIMA');
    await expect.poll(async () => (await cardFacts(page)).name).toBe(nameOf('aclima'));
    expect(await cardCount(page)).toBe(1);
    const facts = await cardFacts(page);
    expect(facts.badges).toEqual(['●Bronze']);
    expect(facts.label).toBe('expired Apr 2015');
    expect(await cardAttribute(page, 'data-status', '.cl-card__label')).toBe('expired');
    expect(facts.eccp).toBe('unknown');
  });

  it('waits for the hover delay, and for the modifier key when one is set', async () => {
    await setSettings({ hoverDelayMs: 1200 });
    const { page } = await open('card.html');
    await hover(page, '#hamburg', 'Hamburg Aviation');
    await page.waitForTimeout(400);
    expect(await cardCount(page)).toBe(0);
    await expect.poll(() => cardCount(page), { timeout: 3000 }).toBe(1);

    await setSettings({ modifierKey: 'shift', hoverDelayMs: 0 });
    await page.mouse.move(5, 5);
    await expect.poll(() => cardCount(page)).toBe(0);
    await hover(page, '#valorial', 'Valorial');
    await page.waitForTimeout(500);
    expect(await cardCount(page)).toBe(0);
    await page.keyboard.down('Shift');
    await expect
      .poll(async () => (await cardCount(page)) && (await cardFacts(page)).name)
      .toBe('Valorial');
    await page.keyboard.up('Shift');
  });

  it('stays open while the pointer moves into it; closes on leaving, on Esc; pin keeps it', async () => {
    await setSettings({ hoverDelayMs: 0 });
    const { page } = await open('card.html');
    await hover(page, '#hamburg', 'Hamburg Aviation');
    await expect.poll(() => cardCount(page)).toBe(1);
    // Into the card, across the gap, and stay there.
    const card = await cardBox(page);
    await page.mouse.move(card.left + 40, card.top + 40, { steps: 6 });
    await page.waitForTimeout(700);
    expect(await cardCount(page)).toBe(1);
    // Away from both: closes after the grace.
    await page.mouse.move(card.right + 200, card.bottom + 100, { steps: 4 });
    await expect.poll(() => cardCount(page)).toBe(0);

    // Esc closes.
    await hover(page, '#hamburg', 'Hamburg Aviation');
    await expect.poll(() => cardCount(page)).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardCount(page)).toBe(0);

    // Pinned: the pointer can leave; hovering another mark does not replace it; Esc closes it.
    await hover(page, '#hamburg', 'Hamburg Aviation');
    await expect.poll(() => cardCount(page)).toBe(1);
    const at = await cardBox(page);
    await page.mouse.move(at.left + 20, at.top + 20, { steps: 4 });
    await clickInCard(page, 'Pin the card');
    expect(await cardAttribute(page, 'aria-pressed', 'button[aria-label="Pin the card"]')).toBe(
      'true',
    );
    await page.mouse.move(5, 5, { steps: 4 });
    await hover(page, '#valorial', 'Valorial');
    await page.waitForTimeout(800);
    expect(await cardFacts(page)).toMatchObject({ name: 'Hamburg Aviation' });
    await page.keyboard.press('Escape');
    await expect.poll(() => cardCount(page)).toBe(0);
  });

  it("leaves the page's markup as it was: before, during (but for its host) and after a card", async () => {
    await setSettings({ hoverDelayMs: 0 });
    const { page } = await open('card.html');
    const markup = () => page.evaluate(() => document.documentElement.outerHTML);
    const host = () =>
      page.evaluate(() => document.querySelector('cluster-lens-card')?.outerHTML ?? null);
    const before = await markup();
    expect(before).not.toContain('cluster-lens');

    // Closed with Esc.
    await hover(page, '#hamburg', 'Hamburg Aviation');
    await expect.poll(() => cardCount(page)).toBe(1);
    const during = await markup();
    const hostMarkup = await host();
    expect(hostMarkup).toBe('<cluster-lens-card data-cluster-lens-ui=""></cluster-lens-card>');
    expect(during.replace(hostMarkup!, '')).toBe(before);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardCount(page)).toBe(0);
    expect(await markup()).toBe(before);

    // Closed by the pointer leaving, then a second card, closed the same way.
    for (const [selector, text] of [
      ['#valorial', 'Valorial'],
      ['#pair', 'ACLIMA'],
    ] as const) {
      await hover(page, selector, text);
      await expect.poll(() => cardCount(page)).toBe(1);
      expect((await markup()).replace(hostMarkup!, '')).toBe(before);
      await page.mouse.move(5, 5, { steps: 2 });
      await expect.poll(() => host()).toBeNull();
      expect(await markup()).toBe(before);
    }
  });

  it('shows the card of a mention in a small frame (700×90) in the top frame, whole and usable', async () => {
    await setSettings({ hoverDelayMs: 0 });
    // The same organisation's card from a mention in the top document, for its natural size.
    const reference = await open('card.html');
    await hover(reference.page, '#hamburg', 'Hamburg Aviation');
    await expect.poll(() => cardFacts(reference.page)).toMatchObject({ eccp: 'member' });
    const natural = await cardBox(reference.page);
    // Not held in by the viewport: its natural height.
    expect(natural.bottom).toBeLessThan(reference.page.viewportSize()!.height - 8);
    await reference.page.close();

    const { page, errors } = await open('small-frame.html');
    const frame = page.frames().find((f) => f.url().endsWith('small-frame-inner.html'))!;
    await expect
      .poll(() => frame.evaluate(() => CSS.highlights.get('cluster-lens-gold')?.size ?? 0))
      .toBe(1);
    // The mention's box in the top viewport: the frame's content box plus its place inside.
    const inner = await textRect(frame as unknown as Page, '#ticker-line', 'Hamburg Aviation');
    const origin = await page.evaluate(() => {
      const el = document.querySelector('#ticker')!;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return {
        x: box.left + el.clientLeft + parseFloat(style.paddingLeft),
        y: box.top + el.clientTop + parseFloat(style.paddingTop),
      };
    });
    const mention = {
      left: origin.x + inner.left,
      top: origin.y + inner.top,
      right: origin.x + inner.right,
      bottom: origin.y + inner.bottom,
    };
    const viewport = page.viewportSize()!;
    await page.mouse.move(mention.left + 20, mention.top + inner.height / 2, { steps: 3 });

    // In the top document, by the mention, at its natural height, covering nothing of it.
    await expect.poll(() => cardCount(page)).toBe(1);
    await expect
      .poll(() => cardFacts(page))
      .toMatchObject({ name: 'Hamburg Aviation', eccp: 'member' });
    const card = await cardBox(page);
    expect(Math.abs(card.height - natural.height)).toBeLessThanOrEqual(1);
    expect(card.left).toBeGreaterThanOrEqual(0);
    expect(card.top).toBeGreaterThanOrEqual(0);
    expect(card.right).toBeLessThanOrEqual(viewport.width);
    expect(card.bottom).toBeLessThanOrEqual(viewport.height);
    expect(await cardAttribute(page, 'data-placement')).toBe('below-start');
    expect(Math.abs(card.top - (mention.bottom + 6))).toBeLessThanOrEqual(1);
    expect(Math.abs(card.left - mention.left)).toBeLessThanOrEqual(1);
    // Its "Not this organisation" is there to use, once asked for.
    await clickInCard(page, 'Wrong match?');
    const footer = await cardBox(page, '.cl-card__footer');
    const grown = await cardBox(page);
    expect(footer.bottom).toBeLessThanOrEqual(grown.bottom);
    expect(footer.bottom).toBeLessThanOrEqual(viewport.height);
    expect(grown.top).toBe(card.top);
    expect(await cardText(page, '.cl-card__hint')).toContain('on 127.0.0.1');
    // The frame's scan says why it marked the mention; the top's card words it.
    await openSources(page);
    expect(await cardText(page, '.cl-card__why')).toBe(
      'Why marked: its name is distinctive on its own',
    );

    // The pointer can go into it and stay; leaving mention and card closes it.
    await page.mouse.move(card.left + 40, card.top + 40, { steps: 6 });
    await page.waitForTimeout(700);
    expect(await cardCount(page)).toBe(1);
    await page.mouse.move(card.right + 200, card.bottom + 100, { steps: 4 });
    await expect.poll(() => cardCount(page)).toBe(0);
    // Leaving the mention for elsewhere in the frame closes it too.
    await page.mouse.move(mention.left + 20, mention.top + inner.height / 2, { steps: 3 });
    await expect.poll(() => cardCount(page)).toBe(1);
    await page.mouse.move(origin.x + 680, origin.y + 70, { steps: 3 });
    await expect.poll(() => cardCount(page)).toBe(0);
    // Pin keeps it while the pointer leaves; Esc closes it.
    await page.mouse.move(mention.left + 20, mention.top + inner.height / 2, { steps: 3 });
    await expect.poll(() => cardCount(page)).toBe(1);
    await clickInCard(page, 'Pin the card');
    await page.mouse.move(5, 5, { steps: 4 });
    await page.waitForTimeout(700);
    expect(await cardCount(page)).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardCount(page)).toBe(0);
    // No card of ours was drawn inside the frame.
    expect(await frame.evaluate(() => document.querySelector('cluster-lens-card'))).toBeNull();
    expect(errors).toEqual([]);
  });

  it('flips to the left near the right edge and follows the mark while the page scrolls', async () => {
    await setSettings({ hoverDelayMs: 0 });
    const { page } = await open('card.html');
    const mark = await hover(page, '#edge', 'Hamburg Aviation');
    await expect.poll(() => cardCount(page)).toBe(1);
    const viewport = page.viewportSize()!;
    let card = await cardBox(page);
    expect(card.right).toBeLessThanOrEqual(viewport.width - 8);
    // The mark ends at the right edge: the card ends where the mark ends.
    expect(await cardAttribute(page, 'data-placement')).toBe('below-end');
    expect(Math.abs(card.right - mark.right)).toBeLessThanOrEqual(1);
    expect(mark.left + card.width).toBeGreaterThan(viewport.width);
    // Pin, then scroll: the card keeps to the mark.
    await page.mouse.move(card.left + 20, card.top + 20, { steps: 4 });
    await clickInCard(page, 'Pin the card');
    await page.evaluate(() => window.scrollBy(0, 60));
    // Positions are whole pixels; the mark's rect is not.
    await expect
      .poll(async () => Math.abs((await cardBox(page)).top - (card.top - 60)))
      .toBeLessThanOrEqual(1);
    card = await cardBox(page);
    const moved = await textRect(page, '#edge', 'Hamburg Aviation');
    expect(Math.abs(card.top - (moved.bottom + 6))).toBeLessThanOrEqual(1);
  });

  it('flips above a mark near the bottom of the viewport', async () => {
    await setSettings({ hoverDelayMs: 0 });
    const { page } = await open('card.html');
    const height = page.viewportSize()!.height;
    const top = (await textRect(page, '#far', 'Valorial')).top;
    await page.evaluate((y) => window.scrollTo(0, y), top - (height - 60));
    const mark = await hover(page, '#far', 'Valorial');
    expect(mark.bottom).toBeGreaterThan(height - 60);
    await expect.poll(() => cardCount(page)).toBe(1);
    const card = await cardBox(page);
    expect(await cardAttribute(page, 'data-placement')).toBe('above-start');
    expect(Math.abs(card.bottom - (mark.top - 6))).toBeLessThanOrEqual(1);
    expect(card.top).toBeGreaterThanOrEqual(8);
    // Opening the sources makes it taller: it grows upwards, still clear of the mark.
    await openSources(page);
    await expect.poll(async () => (await cardBox(page)).height).toBeGreaterThan(card.height + 40);
    const grown = await cardBox(page);
    expect(await cardAttribute(page, 'data-placement')).toBe('above-start');
    expect(Math.abs(grown.bottom - (mark.top - 6))).toBeLessThanOrEqual(1);
    expect(grown.top).toBeGreaterThanOrEqual(8);
  });

  it('closes when its mark scrolls out of view', async () => {
    const { page, tabId } = await open('card.html');
    const opened = await sendToTab<CardOpenedResponse>(tabId, {
      type: 'cluster-lens:cycle',
      direction: 1,
    });
    expect(opened.id).toBe('valorial');
    await expect.poll(() => cardCount(page)).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 1200));
    await expect.poll(() => cardCount(page)).toBe(0);
  });

  it('moves through the mentions with the keyboard command, focus in the card, and back on Esc', async () => {
    await setSettings({ modifierKey: 'alt' });
    const { page, tabId } = await open('card.html');
    await page.focus('#before');
    const cycle = (direction: 1 | -1) =>
      sendToTab<CardOpenedResponse>(tabId, { type: 'cluster-lens:cycle', direction });
    const order: (string | null)[] = [];
    for (let i = 0; i < 7; i++) order.push((await cycle(1)).id);
    expect(order).toEqual([
      'valorial',
      'hamburg-aviation',
      'biocon-valley',
      'aclima',
      'hamburg-aviation',
      'valorial',
      'valorial',
    ]);
    // The seventh wrapped to the first; the sixth is the one far below: it was scrolled to.
    expect((await cycle(-1)).id).toBe('valorial');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    await page.waitForTimeout(600);
    await expect.poll(async () => (await cardFacts(page)).name).toBe('Valorial');
    const card = await cardBox(page);
    const mark = await textRect(page, '#far', 'Valorial');
    expect(card.top).toBeGreaterThanOrEqual(0);
    expect(
      Math.abs(card.top - (mark.bottom + 6)) < 2 || Math.abs(card.bottom - (mark.top - 6)) < 2,
    ).toBe(true);

    // Focus is in the dialog; Tab reaches its buttons; Esc closes and returns focus.
    const focused = async () => {
      const outer = await page.evaluate(() => {
        const el = document.activeElement;
        return el?.localName === 'cluster-lens-card' ? el.localName : el?.id;
      });
      return outer === 'cluster-lens-card' ? `${outer} > ${await cardFocus(page)}` : outer;
    };
    expect(await focused()).toBe('cluster-lens-card > dialog');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('cluster-lens-card > Pin the card');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('cluster-lens-card > Close the card');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardCount(page)).toBe(0);
    expect(await focused()).toBe('before');
  });

  it('reveals an organisation for the popup: its first mention, card open', async () => {
    const { page, tabId } = await open('card.html');
    await page.evaluate(() => window.scrollTo(0, 1500));
    const answer = await sendToTab<CardOpenedResponse>(tabId, {
      type: 'cluster-lens:reveal',
      id: 'aclima',
    });
    expect(answer.id).toBe('aclima');
    await expect
      .poll(async () => (await cardCount(page)) && (await cardFacts(page)).name)
      .toBe(nameOf('aclima'));
    await expect.poll(async () => (await textRect(page, '#pair', 'ACLIMA')).top).toBeGreaterThan(0);
    const mark = await textRect(page, '#pair', 'ACLIMA');
    expect(mark.bottom).toBeLessThan(page.viewportSize()!.height);
    expect(
      (
        await sendToTab<CardOpenedResponse>(tabId, {
          type: 'cluster-lens:reveal',
          id: 'cap-digital',
        })
      ).id,
    ).toBeNull();
  });

  it('stops marking a name on this site when the reader says "Not this organisation"', async () => {
    const { page } = await open('card.html');
    const marked = () =>
      page.evaluate(() =>
        [...(CSS.highlights.get('cluster-lens-gold') ?? [])].map((r) => {
          const range = new Range();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString();
        }),
      );
    expect(await marked()).toContain('Valorial');
    await hover(page, '#valorial', 'Valorial');
    await expect.poll(() => cardCount(page)).toBe(1);
    // Out of the way until asked for.
    expect(await cardText(page, '.cl-card__hint')).toBeNull();
    await clickInCard(page, 'Wrong match?');
    expect(await cardAttribute(page, 'aria-expanded', '.cl-card__wrong')).toBe('true');
    expect(await cardText(page, '.cl-card__hint')).toBe(
      // The page's text is isolated (FSI … PDI): its direction cannot reorder our sentence.
      'Stops marking “\u2068Valorial\u2069” as this organisation on 127.0.0.1. You can undo this in the settings.',
    );
    await clickInCard(page, 'Not this organisation');
    // The page is scanned again without the alias: Valorial goes, Hamburg Aviation comes back.
    await expect
      .poll(async () => {
        const now = await marked();
        return { valorial: now.includes('Valorial'), hamburg: now.includes('Hamburg Aviation') };
      })
      .toEqual({ valorial: false, hamburg: true });
    const stored = await ext.worker.evaluate(() => chrome.storage.sync.get('settings'));
    expect((stored.settings as typeof DEFAULT_SETTINGS).suppressed).toEqual([
      { site: '127.0.0.1', alias: 'Valorial', id: 'valorial' },
    ]);
  });

  it('says why each mention is marked, as the scan found it', async () => {
    await setSettings({ hoverDelayMs: 0 });
    const why = async (page: Page, selector: string, text: string) => {
      await page.mouse.move(5, 5);
      await expect.poll(() => cardCount(page)).toBe(0);
      await page.locator(selector).scrollIntoViewIfNeeded();
      await hover(page, selector, text);
      await expect.poll(() => cardCount(page)).toBe(1);
      await openSources(page);
      return cardText(page, '.cl-card__why');
    };
    const { page } = await open('why.html');
    // A name of its own needs nothing else.
    expect(await why(page, '#other', 'Hamburg Aviation')).toBe(
      'Why marked: its name is distinctive on its own',
    );
    // A shorter name that could be a word: the cluster word beside it...
    expect(await why(page, '#word', 'Legasea')).toBe(
      'Why marked: named next to the word “cluster”',
    );
    // ...or its full name on the page.
    const full = await open('why-full.html');
    expect(await why(full.page, '#later', 'Legasea')).toBe(
      'Why marked: named with another of its names nearby',
    );
    expect(await why(full.page, '#full', 'Arena Legasea')).toBe(
      'Why marked: its name is distinctive on its own',
    );
  });

  it('passes an axe scan, light and dark, and is screenshotted for review', async () => {
    await setSettings({ hoverDelayMs: 0 });
    const { page } = await open('card.html');
    await hover(page, '#hamburg', 'Hamburg Aviation');
    await expect.poll(() => cardCount(page)).toBe(1);
    expect(await cardAttribute(page, 'data-theme')).toBe('light');
    await page.waitForTimeout(300);
    expect(await axeViolations(page, 'light')).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/card-light.png` });
    // With its sources and "Not this organisation" open too.
    await openEverything(page);
    expect(await axeViolations(page, 'light')).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/card-light-open.png` });

    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await open('card-dark.html');
    await dark.page.emulateMedia({ colorScheme: 'dark' });
    await hover(dark.page, '#pair', 'ACLIMA');
    await expect.poll(() => cardCount(dark.page)).toBe(1);
    expect(await cardAttribute(dark.page, 'data-theme')).toBe('dark');
    await dark.page.waitForTimeout(300);
    expect(await axeViolations(dark.page, 'dark')).toEqual([]);
    await dark.page.screenshot({ path: `${SHOTS}/card-dark.png` });
    await openEverything(dark.page);
    expect(await axeViolations(dark.page, 'dark')).toEqual([]);
    await dark.page.screenshot({ path: `${SHOTS}/card-dark-open.png` });

    // The same dark page in a light system: the page is light, so is the card.
    await dark.page.emulateMedia({ colorScheme: 'light' });
    await dark.page.keyboard.press('Escape');
    await hover(dark.page, '#hamburg', 'Hamburg Aviation');
    await expect.poll(() => cardAttribute(dark.page, 'data-theme')).toBe('light');
  });

  it('follows the card theme setting over the page, and animates only without reduced motion', async () => {
    await setSettings({ hoverDelayMs: 0, cardTheme: 'dark' });
    const { page } = await open('card.html');
    const animation = () =>
      inCard(
        page,
        (root) => getComputedStyle(root.querySelector('[role="dialog"]')!).animationName,
      );
    await hover(page, '#hamburg', 'Hamburg Aviation');
    await expect.poll(() => cardAttribute(page, 'data-theme')).toBe('dark');
    expect(await animation()).toBe('cl-card-in');
    await page.keyboard.press('Escape');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.mouse.move(5, 5);
    await hover(page, '#valorial', 'Valorial');
    await expect.poll(() => cardCount(page)).toBe(1);
    expect(await animation()).toBe('none');
  });
});
