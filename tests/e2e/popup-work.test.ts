/**
 * The popup as a work tool, in Chromium: sort, sector and region filters, the summary line,
 * the export and copy of the results, and the country map. Every expectation is worked out
 * here from data/generated/dataset.json (orders with the browser's own Intl, not the popup's
 * code), so the tests hold for whatever the bundled dataset holds.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterRecord, Dataset } from '../../lib/dataset/model';
import { parseClusterCsv } from '../../lib/dataset/parse-csv';
import { axeViolations, launchExtension, type ExtensionBrowser } from './harness';

const dataset = JSON.parse(readFileSync('data/generated/dataset.json', 'utf8')) as Dataset;
const LOCALE = 'en-US';

let browser: ExtensionBrowser;
let popup: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchExtension();
  popup = await browser.context.newPage();
  popup.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  popup.on('pageerror', (e) => errors.push(e.message));
  await popup.setViewportSize({ width: 380, height: 640 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.waitForFunction(() => window.__clusterLensPopupReady);
});
afterAll(async () => {
  await browser?.close();
});

type SortKey = 'name' | 'label' | 'validity' | 'country';

/**
 * The expected order of `records` for a sort key, worked out in the browser page with its own
 * Intl (the same collation and country names the popup has), from the rules the popup states:
 * ties by name in the UI language; label Gold, Silver, Bronze, unknown, none; validity current
 * (longest first), unpublished (latest award first), expired (latest first), unlabelled;
 * country by its name, none last.
 */
function expectedOrder(records: readonly ClusterRecord[], key: SortKey): Promise<string[]> {
  return popup.evaluate(
    ({ records, key, locale }) => {
      const collator = new Intl.Collator(locale);
      const names = new Intl.DisplayNames([locale], { type: 'region' });
      const byName = records
        .map((r, i) => ({ r, i }))
        .sort((a, b) => collator.compare(a.r.name, b.r.name) || a.i - b.i)
        .map((x) => x.r);
      const nameRank = new Map(byName.map((r, i) => [r.id, i]));
      const today = new Date().toISOString().slice(0, 10);
      const lastDay = (v: string) => {
        const [y, m, d] = v.split('-').map(Number) as [number, number?, number?];
        if (d) return v;
        const month = m ?? 12;
        const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
        return `${y}-${String(month).padStart(2, '0')}-${last}`;
      };
      const level = { gold: 0, silver: 1, bronze: 2, unknown: 3, none: 4 };
      const validity = (r: (typeof records)[number]): [number, string] => {
        if (r.label.level === 'none' || r.label.level === 'unknown') return [3, ''];
        if (!r.label.validUntil) return [1, String(r.label.year ?? 0).padStart(4, '0')];
        const last = lastDay(r.label.validUntil);
        return [last >= today ? 0 : 2, last];
      };
      const primary = (a: (typeof records)[number], b: (typeof records)[number]): number => {
        switch (key) {
          case 'name':
            return 0;
          case 'label':
            return level[a.label.level] - level[b.label.level];
          case 'validity': {
            const [ga, wa] = validity(a);
            const [gb, wb] = validity(b);
            return ga - gb || (wa < wb ? 1 : wa > wb ? -1 : 0);
          }
          case 'country':
            if (a.country === b.country) return 0;
            if (a.country === null) return 1;
            if (b.country === null) return -1;
            return collator.compare(names.of(a.country)!, names.of(b.country)!);
        }
      };
      return [...records]
        .sort((a, b) => primary(a, b) || nameRank.get(a.id)! - nameRank.get(b.id)!)
        .map((r) => r.id);
    },
    { records, key, locale: LOCALE },
  );
}

const byId = new Map(dataset.records.map((r) => [r.id, r]));
const namesOf = (ids: string[]) => ids.map((id) => byId.get(id)!.name);
const shownNames = () => popup.locator('[role="option"] .cl-result__name').allTextContents();
const status = () => popup.getByRole('status').first().textContent();
const organisations = (n: number) => `${n.toLocaleString('en')} organisation${n === 1 ? '' : 's'}`;

/** Clicks "Export CSV" and reads the file back with our own CSV import. */
async function exportedIds(): Promise<string[]> {
  const [download] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^cluster-lens-results-\d{4}-\d{2}-\d{2}\.csv$/);
  const parsed = parseClusterCsv(readFileSync(await download.path(), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
  // The rows are the records themselves, field for field.
  for (const record of parsed.records) {
    const original = byId.get(record.id)!;
    expect({ ...record, match: record.match ?? null }).toEqual({
      ...original,
      match: original.match ?? null,
    });
  }
  return parsed.records.map((r) => r.id);
}

/** The most frequent value of a list-valued field; ties by value. */
function mostCommon(lists: string[][]): string {
  const counts = new Map<string, number>();
  for (const list of lists) for (const v of new Set(list)) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}

describe('the popup for work, in Chromium', () => {
  it('sorts by name, label, validity and country, and exports the list in that order', async () => {
    const sort = popup.getByLabel('Sort by');
    // Without a query there is no relevance to sort by: name order.
    expect(await sort.inputValue()).toBe('name');
    expect(await sort.locator('option').evaluateAll((os) => os.map((o) => o.textContent))).toEqual([
      'Name',
      'Label',
      'Validity',
      'Country',
    ]);
    for (const key of ['label', 'validity', 'country', 'name'] as const) {
      await sort.selectOption(key);
      const expected = await expectedOrder(dataset.records, key);
      await expect
        .poll(shownNames)
        .toEqual(namesOf(expected).slice(0, (await shownNames()).length));
      expect((await shownNames()).length).toBeGreaterThanOrEqual(5);
      expect(await exportedIds(), key).toEqual(expected);
    }
  });

  it('offers relevance while searching, and exports exactly the results shown', async () => {
    const sort = popup.getByLabel('Sort by');
    await sort.selectOption('label');
    await popup.getByRole('combobox', { name: 'Search cluster organisations' }).fill('cluster');
    // A choice made stays; relevance is there to choose.
    expect(await sort.inputValue()).toBe('label');
    await sort.selectOption('relevance');
    await expect.poll(async () => (await shownNames()).length).toBeGreaterThan(3);
    const ids = await exportedIds();
    expect(await status()).toBe(organisations(ids.length));
    expect(namesOf(ids).slice(0, (await shownNames()).length)).toEqual(await shownNames());
    // The same results sorted by label are the same set in the label order.
    await sort.selectOption('label');
    const expected = await expectedOrder(
      ids.map((id) => byId.get(id)!),
      'label',
    );
    expect(await exportedIds()).toEqual(expected);
    await popup.getByRole('combobox', { name: 'Search cluster organisations' }).fill('');
    await sort.selectOption('name');
  });

  it('filters by sector and by one of several regions, with a summary of what is shown', async () => {
    const sector = mostCommon(dataset.records.map((r) => r.sectors));
    const inSector = dataset.records.filter((r) => r.sectors.includes(sector));
    const sectorSelect = popup.getByLabel(/^Sector/);
    expect(await sectorSelect.locator(`option[value="${sector}"]`).textContent()).toBe(
      `${sector} (${inSector.length})`,
    );
    await sectorSelect.selectOption(sector);
    await expect.poll(status).toBe(organisations(inSector.length));
    expect(await exportedIds()).toEqual(await expectedOrder(inSector, 'name'));

    // The summary line, counted here.
    const count = (p: (r: ClusterRecord) => boolean) => inSector.filter(p).length;
    const parts: [number, string, string][] = [
      [count((r) => r.label.level === 'gold'), 'Gold', 'Gold'],
      [count((r) => r.label.level === 'silver'), 'Silver', 'Silver'],
      [count((r) => r.label.level === 'bronze'), 'Bronze', 'Bronze'],
      [count((r) => r.label.level === 'unknown'), 'label unknown', 'label unknown'],
      [count((r) => r.eccp.status === 'member'), 'ECCP member', 'ECCP members'],
    ];
    const summary = [organisations(inSector.length)]
      .concat(
        parts.filter(([n]) => n > 0).map(([n, one, other]) => `${n} ${n === 1 ? one : other}`),
      )
      .join(' · ');
    expect(await popup.locator('.cl-results-line').textContent()).toBe(summary);
    await sectorSelect.selectOption('');

    // A region that a record lists among several ("A|B") finds that record too.
    const listed = dataset.records.find((r) => r.region?.includes('|'))!;
    const region = listed.region!.split('|').at(-1)!;
    const inRegion = dataset.records.filter((r) => r.region?.split('|').includes(region));
    await popup.getByLabel(/^Region/).selectOption(region);
    await expect.poll(status).toBe(organisations(inRegion.length));
    const ids = await exportedIds();
    expect(ids).toContain(listed.id);
    expect(ids).toEqual(await expectedOrder(inRegion, 'name'));
    // No region option is a combined one, and no record without a region is offered as one.
    const regions = await popup
      .getByLabel(/^Region/)
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(regions.filter((v) => v.includes('|') || /^unknown$/i.test(v))).toEqual([]);
    await popup.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(status).toBe(organisations(dataset.records.length));
  });

  it('copies the results as a list, one organisation per line with label and country', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await popup.getByLabel('Label level').selectOption('gold');
    const gold = dataset.records.filter((r) => r.label.level === 'gold');
    await expect.poll(status).toBe(organisations(gold.length));
    await popup.getByRole('button', { name: 'Copy list' }).click();
    await expect
      .poll(() => popup.locator('.cl-copy-note').textContent())
      .toBe(`${organisations(gold.length)} copied`);
    const text = await popup.evaluate(() => navigator.clipboard.readText());
    const lines = text.trimEnd().split('\n');
    const order = await expectedOrder(gold, 'name');
    const countries = await popup.evaluate(
      (codes) =>
        codes.map((c) => (c ? new Intl.DisplayNames(['en-US'], { type: 'region' }).of(c) : null)),
      order.map((id) => byId.get(id)!.country),
    );
    const today = new Date().toISOString().slice(0, 10);
    expect(lines).toEqual(
      order.map((id, i) => {
        const r = byId.get(id)!;
        const v = r.label.validUntil;
        // Expired: its printed validity ended before today (a month or year runs to its end).
        const expired = v !== null && `${v}-99-99`.slice(0, 10) < today;
        return `${r.name} — Gold${expired ? ' (expired)' : ''} — ${countries[i] ?? 'Country not stated'}`;
      }),
    );
    await popup.getByRole('button', { name: 'Clear filters' }).click();
  });

  it('shows a country map that filters by a click or by keyboard, light and dark', async () => {
    const counts = new Map<string, number>();
    for (const r of dataset.records)
      if (r.country) counts.set(r.country, (counts.get(r.country) ?? 0) + 1);
    const [top, topCount] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const map = popup.getByRole('button', { name: 'Map', exact: true });
    await map.click();
    expect(await map.getAttribute('aria-pressed')).toBe('true');
    const topName = await popup.evaluate(
      (c) => new Intl.DisplayNames(['en-US'], { type: 'region' }).of(c)!,
      top,
    );
    const tile = popup.getByRole('button', {
      name: `${topName} (${top}): ${organisations(topCount)}`,
    });
    await tile.click();
    await expect.poll(status).toBe(organisations(topCount));
    expect(await tile.getAttribute('aria-pressed')).toBe('true');
    expect(await popup.getByRole('combobox', { name: /^Country/ }).inputValue()).toBe(top);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot({ path: 'test-results/screenshots/popup-map-dark.png' });
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.screenshot({ path: 'test-results/screenshots/popup-map-light.png' });

    // The keyboard: Enter on the chosen country clears it; arrows move to a neighbour.
    await tile.focus();
    await popup.keyboard.press('Enter');
    await expect.poll(status).toBe(organisations(dataset.records.length));
    await popup.keyboard.press('ArrowLeft');
    const focused = await popup.evaluate(() =>
      document.activeElement?.getAttribute('data-country'),
    );
    expect(focused).not.toBe(top);
    expect(counts.get(focused!)).toBeGreaterThan(0);
    await popup.keyboard.press('Space');
    await expect.poll(status).toBe(organisations(counts.get(focused!)!));
    await popup.keyboard.press('Space');
    await map.click();
    await expect.poll(async () => (await shownNames()).length).toBeGreaterThan(3);
  });

  it('passes an axe scan with the new controls in use, light and dark', async () => {
    await popup.getByLabel(/^Sector/).selectOption({ index: 1 });
    await popup.getByLabel('Sort by').selectOption('validity');
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(popup), scheme).toEqual([]);
    }
    await popup.emulateMedia({ colorScheme: 'light' });
  });

  it('logs no errors', () => {
    expect(errors).toEqual([]);
  });
});
