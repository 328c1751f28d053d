import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { mountPopup, popupEnv } from './popup-env';
import type { Dataset, DatasetRecords } from '~/lib/dataset/model';
import { joinDetails, type RecordDetails } from '~/lib/dataset/record-parts';
import type { PrebuiltSearchIndex } from '~/lib/search/search-index';

const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const whole = read('data/generated/dataset.json') as Dataset;

/**
 * The popup as it opens on the bundle: records with their listed fields only, the rest held
 * back until the test lets `loadDataset` answer (in the extension, a chunk loaded after the
 * first paint).
 */
function popupOnList() {
  const list = read('data/generated/records-list.json') as DatasetRecords;
  const details = read('data/generated/records-details.json') as RecordDetails[];
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const env = popupEnv({
    initialDataset: list,
    loadDataset: vi.fn(async () => {
      await held;
      joinDetails(list.records, details);
      return { dataset: list, storedUnreadable: false };
    }),
    saveFile: vi.fn(),
    prebuiltIndex: () =>
      Promise.resolve(read('data/generated/search-index.json') as PrebuiltSearchIndex),
    onReady: vi.fn(),
  });
  return { env, list, release };
}

const mount = mountPopup;

async function type(root: HTMLElement, text: string) {
  const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
  await act(async () => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 10));
  });
  // The search's code is a chunk of its own: a query typed before it has come waits for it.
  await vi.waitFor(() =>
    expect(root.querySelector('[role="listbox"]')?.hasAttribute('aria-busy')).toBe(false),
  );
}

const shownNames = (root: HTMLElement) =>
  [...root.querySelectorAll('[role="option"] .cl-result__name')].map((e) => e.textContent);

describe('the popup before the records’ other fields have come', () => {
  it('lists and searches at once, with the listed fields only', async () => {
    const { env, list } = popupOnList();
    const root = await mount(env);
    expect(root.querySelector('.cl-status')?.textContent).toBe(
      `${whole.records.length.toLocaleString('en')} organisations`,
    );
    await type(root, 'valorail');
    expect(shownNames(root)[0]).toBe('Valorial');
    // Nothing else was needed: the other fields have still not come.
    expect(list.records.find((r) => r.id === 'valorial')).not.toHaveProperty('sources');
  });

  it('exports every column of the results shown once they come, not a thinner file before', async () => {
    const { env, release } = popupOnList();
    const root = await mount(env);
    await type(root, 'valorial');
    const shown = shownNames(root);
    const exportButton = [...root.querySelectorAll('button')].find(
      (b) => b.textContent === 'Export CSV',
    )!;
    await act(async () => {
      exportButton.click();
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(env.saveFile).not.toHaveBeenCalled();
    await act(async () => {
      release();
      await new Promise((r) => setTimeout(r, 20));
    });
    await vi.waitFor(() => expect(env.saveFile).toHaveBeenCalledTimes(1));
    const [csv] = vi.mocked(env.saveFile).mock.calls[0]!;
    const rows = Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
    expect(rows.map((r) => r.name)).toEqual(shown);
    const valorial = whole.records.find((r) => r.id === 'valorial')!;
    expect(rows[0]).toMatchObject({
      website: valorial.website ?? '',
      source_urls: valorial.sources.join('|'),
    });
  });

  it('opens a record’s details once it is whole', async () => {
    const { env, release } = popupOnList();
    const root = await mount(env);
    await type(root, 'valorial');
    const first = root.querySelector<HTMLElement>('[role="option"]')!;
    await act(async () => {
      first.click();
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(root.querySelector('.cl-back')).not.toBeNull();
    expect(root.querySelector('.cl-details')).toBeNull();
    await act(async () => {
      release();
      await new Promise((r) => setTimeout(r, 20));
    });
    await vi.waitFor(() =>
      expect(root.querySelector('.cl-details__name')?.textContent).toContain('Valorial'),
    );
    const valorial = whole.records.find((r) => r.id === 'valorial')!;
    expect(root.querySelector('.cl-details a[href]')?.getAttribute('href')).toBe(
      new URL(valorial.website!).href,
    );
  });
});
