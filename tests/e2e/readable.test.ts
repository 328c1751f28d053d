/**
 * Text a reader cannot see is neither marked nor counted, and page text that carries
 * direction controls does not reach our own sentences reversed (hostile-pages review, F10).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DetectionsResponse, ScanStatsResponse } from '../../lib/messages';
import {
  askTab,
  cardCount,
  cardText,
  clickInCard,
  launchExtension,
  serveFixtures,
  textCentre,
  type ExtensionBrowser,
} from './harness';

let ext: ExtensionBrowser;
let server: Awaited<ReturnType<typeof serveFixtures>>;

beforeAll(async () => {
  [ext, server] = await Promise.all([launchExtension(), serveFixtures()]);
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function open(path: string): Promise<{ page: Page; url: string }> {
  const url = server.url(path);
  const page = await ext.context.newPage();
  await page.goto(url);
  await expect
    .poll(async () => (await askTab<ScanStatsResponse>(ext, url, 'cluster-lens:scan-stats'))?.idle)
    .toBe(true);
  await page.waitForTimeout(400);
  return { page, url };
}

describe('text a reader cannot see', () => {
  it('is neither marked nor counted: transparent, size zero, faded, off the page, clipped', async () => {
    const { page, url } = await open('invisible.html');
    const reply = await askTab<DetectionsResponse>(ext, url, 'cluster-lens:detections');
    const found = reply!.detections.map((d) => [d.id, d.count, d.texts] as const).sort();
    expect(found).toEqual([
      // Gradient text is painted through its transparent ink: it is read, and marked.
      ['biocon-valley', 1, ['BioCon Valley']],
      // The reversed name is marked, without its direction control; the clear-ink one is not.
      ['minalogic', 1, ['Minalogic']],
      ['valorial', 1, ['Valorial']],
    ]);
    const marked = await page.evaluate(() =>
      [...CSS.highlights]
        .filter(([name]) => name.startsWith('cluster-lens-'))
        .flatMap(([, h]) => [...h].map((r) => (r.startContainer.parentElement as Element).id))
        .sort(),
    );
    expect(marked).toEqual(['', 'bidi', 'shown']);
    await page.close();
  });

  it("quotes a reversed name in the card's own sentence isolated and without the control", async () => {
    const { page } = await open('invisible.html');
    const at = await textCentre(page, '#bidi', 'Mina');
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await expect.poll(() => cardCount(page)).toBe(1);
    await clickInCard(page, 'Wrong match?');
    await expect.poll(() => cardText(page, '.cl-card__hint')).not.toBeNull();
    const text = await cardText(page, '.cl-card__hint');
    expect(text).toContain('\u2068Minalogic\u2069');
    expect(text).not.toMatch(/[\u202a-\u202e]/);
    await page.close();
  });
});
