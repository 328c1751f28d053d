import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import bundledPageData from '~/data/generated/page-data.json';
import { importedDataset } from '~/lib/dataset/import-file';
import { readStoredDataset } from '~/lib/dataset/stored-dataset';
import { MATCHER_FORMAT } from '~/lib/matcher';
import { bundledDataset } from '~/utils/dataset';
import { loadActiveMatching, type ActiveMatching } from '~/utils/active-matching';
import type { CompiledMatcherStore } from '~/utils/compiled-matcher-store';

/** An in-memory stand-in for the background's IndexedDB store, counting its uses. */
function memoryStore() {
  const kept = new Map<string, unknown>();
  const put = vi.fn((key: string, value: ActiveMatching) => {
    kept.clear();
    // What IndexedDB gives back is a structured clone.
    kept.set(key, structuredClone(value));
    return Promise.resolve();
  });
  const store: CompiledMatcherStore = {
    get: (key: string) => Promise.resolve(kept.get(key)),
    put,
  };
  return { store, kept, put };
}

const applied = importedDataset(
  bundledDataset.records,
  '2026-02',
  'ours.csv',
  new Date('2026-03-01T10:00:00Z'),
);

describe('readStoredDataset', () => {
  it('gives back an import as it was applied', () => {
    expect(readStoredDataset(structuredClone(applied))).toEqual({
      kind: 'valid',
      dataset: applied,
    });
    expect(readStoredDataset(null)).toEqual({ kind: 'none' });
  });

  it('keeps an import valid when the clock is set back before its dates', () => {
    const later = { ...structuredClone(applied), asOf: '2031-05' };
    expect(readStoredDataset(later).kind).toBe('valid');
  });

  it('refuses, with the import rules, what an import would refuse', () => {
    const spoilt = structuredClone(applied);
    spoilt.records[2]!.label.validUntil = 'never';
    expect(readStoredDataset(spoilt)).toEqual({
      kind: 'invalid',
      problems: [
        {
          row: 3,
          column: 'label.validUntil',
          message: '"never" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)',
        },
      ],
    });
    expect(readStoredDataset({ ...applied, importedAt: 'last week' }).kind).toBe('invalid');
    expect(readStoredDataset('a string').kind).toBe('invalid');
    expect(readStoredDataset({ ...applied, records: [{ id: 'only-an-id' }] }).kind).toBe('invalid');
  });

  it('derives the alias table again instead of trusting the stored one', () => {
    const read = readStoredDataset({ ...structuredClone(applied), aliases: [] });
    expect(read.kind === 'valid' && read.dataset.aliases).toEqual(applied.aliases);
  });
});

describe('the page data of a stored dataset that is not valid', () => {
  it('is the bundle’s, so a page scan never meets the bad value', async () => {
    const spoilt = structuredClone(applied);
    spoilt.records[0]!.label.validUntil = '2024-02-30';
    await fakeBrowser.storage.local.set({ importedDataset: spoilt });
    const { store, put } = memoryStore();
    const { data } = await loadActiveMatching(store);
    expect(data.records[0]!.label).toEqual(bundledPageData.records[0]!.label);
    expect(data.fingerprint).toBe(bundledPageData.fingerprint);
    expect(put).not.toHaveBeenCalled();
  });
});

describe("the background's compiled matcher of an import", () => {
  it('is checked and compiled once, then read back as it was kept', async () => {
    await fakeBrowser.storage.local.set({ importedDataset: structuredClone(applied) });
    const { store, kept, put } = memoryStore();
    const first = await loadActiveMatching(store);
    expect(put).toHaveBeenCalledTimes(1);
    expect(first.data.aliases).toEqual(applied.aliases);
    // A restarted worker: the same import, read back from the store, not compiled again.
    const again = await loadActiveMatching(store);
    expect(put).toHaveBeenCalledTimes(1);
    expect(again).toEqual(first);
    expect(again).toBe(kept.values().next().value);
  }, 30_000); // compiles the whole dataset's matcher: ~2.6 s alone, more on a busy machine

  it('is compiled afresh for another import, and when what was kept is not a matcher', async () => {
    await fakeBrowser.storage.local.set({ importedDataset: structuredClone(applied) });
    const { store, kept, put } = memoryStore();
    await loadActiveMatching(store);
    const other = { ...structuredClone(applied), asOf: '2026-01' };
    await fakeBrowser.storage.local.set({ importedDataset: other });
    expect((await loadActiveMatching(store)).data.asOf).toBe('2026-01');
    expect(put).toHaveBeenCalledTimes(2);
    const [key] = kept.keys();
    kept.set(key!, { data: { aliases: 'spoilt' } });
    const rebuilt = await loadActiveMatching(store);
    expect(rebuilt.matcher.nodes).toBeInstanceOf(Int32Array);
    expect(put).toHaveBeenCalledTimes(3);
  });

  it('is compiled again when it was kept in the layout of an earlier version', async () => {
    await fakeBrowser.storage.local.set({ importedDataset: structuredClone(applied) });
    const { store, kept, put } = memoryStore();
    const first = await loadActiveMatching(store);
    const [key] = kept.keys();
    // As an earlier version kept it: no format, the edge targets stored.
    const earlier: Record<string, unknown> = { ...first.matcher, edgeTarget: new Int32Array(0) };
    delete earlier.format;
    kept.set(key!, { ...first, matcher: earlier });
    const rebuilt = await loadActiveMatching(store);
    expect(put).toHaveBeenCalledTimes(2);
    expect(rebuilt.matcher.format).toBe(MATCHER_FORMAT);
    expect(rebuilt.matcher.edgeChar).toEqual(first.matcher.edgeChar);
  }, 30_000); // compiles the dataset's matcher twice

  it('works without a store (no IndexedDB): compiled each time', async () => {
    await fakeBrowser.storage.local.set({ importedDataset: structuredClone(applied) });
    const broken: CompiledMatcherStore = {
      get: () => Promise.reject(new Error('no IndexedDB')),
      put: () => Promise.reject(new Error('no IndexedDB')),
    };
    expect((await loadActiveMatching(broken)).data.aliases).toEqual(applied.aliases);
  });
});
