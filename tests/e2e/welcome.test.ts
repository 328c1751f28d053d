import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/model';
import { markCategory } from '../../lib/mark-category';
import { RECORD, type RecordResponse } from '../../lib/messages';
import { WELCOME_SAMPLE } from '../../lib/welcome-sample';
import {
  axeViolations,
  cardCount,
  cardText,
  launchExtension,
  textCentre,
  WELCOME_PAGE,
  type ExtensionBrowser,
} from './harness';

const dataset = JSON.parse(readFileSync('data/generated/dataset.json', 'utf8')) as Dataset;
const SHOTS = 'test-results/screenshots';

let ext: ExtensionBrowser;
let welcome: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ext = await launchExtension({ keepWelcome: true });
  welcome = ext.welcome!;
  await welcome.waitForLoadState('load');
});
afterAll(async () => {
  await ext?.close();
});

const welcomeUrl = () => `chrome-extension://${ext.extensionId}/${WELCOME_PAGE}`;
const welcomeTabs = () => ext.context.pages().filter((p) => p.url() === welcomeUrl());

/** Each highlight's marked texts, by the highlight's name (the kind of mark). */
function marksByKind(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...CSS.highlights].map(([name, highlight]) => [
        name,
        [...highlight]
          .map((r) => r.startContainer.textContent!.slice(r.startOffset, r.endOffset))
          .sort(),
      ]),
    ),
  );
}

describe('the introduction opened on install', () => {
  it('opens once, in a tab of its own, in the browser language', async () => {
    expect(welcomeTabs()).toHaveLength(1);
    expect(await welcome.evaluate(() => document.documentElement.lang)).toBe('en-US');
    expect(await welcome.title()).toBe('Welcome to Cluster Lens');
  });

  it('marks its sample as a page is marked: each named organisation by its kind', async () => {
    const today = new Date();
    const expected: Record<string, string[]> = {};
    for (const { id, name } of WELCOME_SAMPLE) {
      const record = dataset.records.find((r) => r.id === id)!;
      const kind = `cluster-lens-${markCategory(record, today)}`;
      (expected[kind] ??= []).push(name);
    }
    for (const names of Object.values(expected)) names.sort();
    await expect
      .poll(() => marksByKind(welcome), { timeout: 20_000 })
      .toEqual(expect.objectContaining(expected));
    // Nothing else on the page is taken for an organisation.
    const all = Object.values(await marksByKind(welcome)).flat();
    expect(all.sort()).toEqual(WELCOME_SAMPLE.map((s) => s.name).sort());
  });

  it('opens the real card on a sample mention', async () => {
    const first = WELCOME_SAMPLE[0]!;
    const at = await textCentre(welcome, '.sample', first.name);
    await welcome.mouse.move(at.x, at.y, { steps: 3 });
    await expect.poll(() => cardCount(welcome), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => cardText(welcome), { timeout: 10_000 }).toContain(first.name);
    expect(await cardText(welcome)).toMatch(/Gold/);
    await welcome.screenshot({ path: `${SHOTS}/welcome-card-light.png` });
    await welcome.mouse.move(1, 1);
    await welcome.keyboard.press('Escape');
  });

  it('has no serious or critical axe findings, light or dark', async () => {
    await welcome.emulateMedia({ colorScheme: 'light' });
    await welcome.screenshot({ path: `${SHOTS}/welcome-light.png`, fullPage: true });
    expect(await axeViolations(welcome)).toEqual([]);
    await welcome.emulateMedia({ colorScheme: 'dark' });
    await welcome.screenshot({ path: `${SHOTS}/welcome-dark.png`, fullPage: true });
    expect(await axeViolations(welcome)).toEqual([]);
    await welcome.emulateMedia({ colorScheme: 'light' });
  });
});

describe('the introduction after an update', () => {
  // A browser of its own, its introduction closed by the launcher as every other test has it.
  // (In the browser the tests above used, with its pages inspected, headless Chromium left the
  // extension unloaded after chrome.runtime.reload(); a fresh one reloads it every time.)
  let fresh: ExtensionBrowser;
  beforeAll(async () => {
    fresh = await launchExtension();
  });
  afterAll(async () => {
    await fresh?.close();
  });

  it('is not opened again when the extension is reloaded (an update)', async () => {
    const ext = fresh;
    const welcomeTabs = () =>
      ext.context.pages().filter((p) => p.url().endsWith(`${ext.extensionId}/${WELCOME_PAGE}`));
    const gone = new Promise((resolve) => ext.worker.once('close', resolve));
    await ext.worker.evaluate(() => void setTimeout(() => chrome.runtime.reload(), 100));
    await gone;
    // Asked from a fresh extension page each time: the reload closes those open before it.
    const answer = async () => {
      const page = await ext.context.newPage();
      try {
        await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
        return await page.evaluate(
          async ({ type, id }) => {
            const reply = await chrome.runtime.sendMessage<unknown, RecordResponse>({ type, id });
            return reply.record?.name ?? null;
          },
          { type: RECORD, id: WELCOME_SAMPLE[0]!.id },
        );
      } catch {
        return null;
      } finally {
        await page.close().catch(() => undefined);
      }
    };
    // The new background is running: it answers a card's request.
    await expect.poll(answer, { timeout: 20_000, interval: 500 }).toBe(WELCOME_SAMPLE[0]!.name);
    // Time enough to have handled onInstalled, which opened nothing.
    await new Promise((r) => setTimeout(r, 2000));
    expect(welcomeTabs()).toHaveLength(0);
  });
});
