import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import bundledPageData from '~/data/generated/page-data.json';
import { importedDataset } from '~/lib/dataset/import-file';
import { readStoredDataset } from '~/lib/dataset/stored-dataset';
import { bundledDataset } from '~/utils/dataset';
import { getActivePageData } from '~/utils/page-data';

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
    const data = await getActivePageData();
    expect(data.records[0]!.label).toEqual(bundledPageData.records[0]!.label);
    expect(data.fingerprint).toBe(bundledPageData.fingerprint);
  });
});
