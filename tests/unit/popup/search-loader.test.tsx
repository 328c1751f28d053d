import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { mountPopup, popupEnv } from './popup-env';
import type { Dataset, DatasetRecords } from '~/lib/dataset/model';
import type { PrebuiltSearchIndex } from '~/lib/search/search-index';
import { searchLoader } from '~/lib/search/search-loader';

const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const dataset = read('data/generated/dataset.json') as Dataset;
const prebuilt = read('data/generated/search-index.json') as PrebuiltSearchIndex;

describe('the popup’s search, loaded after the first paint', () => {
  it('is made once per dataset, from the build’s index for an English browser', async () => {
    const index = vi.fn(() => Promise.resolve(prebuilt));
    const load = searchLoader(dataset, 'en-US', index);
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(a.usedPrebuilt).toBe(true);
    expect(index).toHaveBeenCalledTimes(1);
    expect(a.search('valorail')[0]?.record.name).toBe('Valorial');
  });

  it('does not build another index when the prebuilt one fails to load, and asks again', async () => {
    const index = vi
      .fn<() => Promise<PrebuiltSearchIndex | null>>()
      .mockRejectedValueOnce(new Error('chunk not loaded'))
      .mockResolvedValue(prebuilt);
    const load = searchLoader(dataset, 'en', index);
    await expect(load()).rejects.toThrow('chunk not loaded');
    const search = await load();
    expect(search.usedPrebuilt).toBe(true);
    expect(index).toHaveBeenCalledTimes(2);
  });
});

describe('a query typed before the search has come', () => {
  it('waits for it, then shows the results of that query', async () => {
    const list = read('data/generated/records-list.json') as DatasetRecords;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const env = popupEnv({
      initialDataset: list,
      // Never answers: the records' other fields are not needed to search.
      loadDataset: () => new Promise(() => undefined),
      prebuiltIndex: vi.fn(() => held.then(() => prebuilt)),
      onReady: vi.fn(),
    });
    const root = await mountPopup(env);
    const status = () => root.querySelector('.cl-status')?.textContent;
    const listbox = () => root.querySelector('[role="listbox"]')!;
    const all = `${list.records.length.toLocaleString('en')} organisations`;
    expect(status()).toBe(all);

    const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    await act(async () => {
      input.value = 'valorail';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 30));
    });
    // Still coming: the list says so, and no "no results" is claimed in the meantime.
    expect(listbox().getAttribute('aria-busy')).toBe('true');
    expect(status()).toBe(all);

    await act(async () => {
      release();
      await new Promise((r) => setTimeout(r, 20));
    });
    await vi.waitFor(() => expect(listbox().hasAttribute('aria-busy')).toBe(false));
    expect(root.querySelector('[role="option"] .cl-result__name')?.textContent).toBe('Valorial');
    expect(status()).not.toBe(all);
    expect(env.prebuiltIndex).toHaveBeenCalledTimes(1);
    render(null, root);
    root.remove();
  });
});
