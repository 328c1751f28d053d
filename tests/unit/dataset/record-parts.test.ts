import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '~/lib/dataset/model';
import { joinDetails, LIST_FIELDS, splitRecords } from '~/lib/dataset/record-parts';
import { bundledList, wholeBundledDataset } from '~/utils/bundled-records';

const whole = JSON.parse(readFileSync('data/generated/dataset.json', 'utf8')) as Dataset;

describe('records in two parts: what the popup lists first, and the rest', () => {
  it('splits and joins back to the same records, in place', () => {
    const copy = structuredClone(whole.records);
    const { list, details } = splitRecords(copy);
    expect(list.every((r) => Object.keys(r).every((k) => LIST_FIELDS.includes(k as never)))).toBe(
      true,
    );
    expect(details.some((d) => 'successor' in d)).toBe(true);
    const objects = [...list];
    joinDetails(list as typeof copy, details);
    expect(list).toEqual(whole.records);
    expect(list.every((r, i) => r === objects[i])).toBe(true);
  });

  it('refuses details that do not fit the records', () => {
    const { list, details } = splitRecords(whole.records.slice(0, 3));
    expect(() => joinDetails(list as Dataset['records'], details.slice(1))).toThrow(/2 records/);
  });

  it('gives the bundled dataset whole once its other fields are loaded', async () => {
    expect(bundledList.records.length).toBe(whole.records.length);
    const loaded = await wholeBundledDataset();
    expect(loaded).toBe(bundledList);
    expect(loaded.records).toEqual(whole.records);
    expect(loaded).toMatchObject({ schema: 1, asOf: whole.asOf, origin: 'bundled' });
    expect(loaded).not.toHaveProperty('aliases');
  });
});
