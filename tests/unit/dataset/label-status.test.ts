// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Label } from '~/lib/dataset/model';
import { labelStatus, lastValidDay } from '~/lib/label-status';

const gold = (validUntil: string | null, year: number | null = null): Label => ({
  level: 'gold',
  year,
  validUntil,
});
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('lastValidDay', () => {
  it('reads a month as running to its last day, leap years included', () => {
    expect(lastValidDay('2015-04')).toBe('2015-04-30');
    expect(lastValidDay('2024-02')).toBe('2024-02-29');
    expect(lastValidDay('2023-02')).toBe('2023-02-28');
    expect(lastValidDay('2019-12')).toBe('2019-12-31');
  });
  it('reads a year as running to 31 December and keeps a full date', () => {
    expect(lastValidDay('2027')).toBe('2027-12-31');
    expect(lastValidDay('2022-12-14')).toBe('2022-12-14');
  });
  it('rejects text that is not a date', () => {
    expect(() => lastValidDay('soon')).toThrow(/Not a validity date/);
  });
});

describe('labelStatus at the boundaries', () => {
  it('is current on the last valid day of a month and expired the day after', () => {
    expect(labelStatus(gold('2026-11'), day('2026-11-30')).kind).toBe('current');
    expect(labelStatus(gold('2026-11'), day('2026-12-01')).kind).toBe('expired');
  });
  it('is current on a printed day and expired the day after', () => {
    expect(labelStatus(gold('2022-12-14'), day('2022-12-14')).kind).toBe('current');
    expect(labelStatus(gold('2022-12-14'), day('2022-12-15')).kind).toBe('expired');
  });
  it('treats a year-only validity as the whole year', () => {
    expect(labelStatus(gold('2027'), day('2027-12-31')).kind).toBe('current');
    expect(labelStatus(gold('2027'), day('2028-01-01')).kind).toBe('expired');
  });
  it('uses the UTC day, whatever the local time zone', () => {
    // 23:30 UTC on the last day is still that day in UTC.
    expect(labelStatus(gold('2026-11'), new Date('2026-11-30T23:30:00Z')).kind).toBe('current');
    expect(labelStatus(gold('2026-11'), new Date('2026-12-01T00:00:00Z')).kind).toBe('expired');
  });
  it('reports the validity and its last day with the verdict, so the UI can say why', () => {
    expect(labelStatus(gold('2015-04'), day('2026-11-24'))).toEqual({
      kind: 'expired',
      validUntil: '2015-04',
      lastValidDay: '2015-04-30',
    });
  });
});

describe('labelStatus without a published validity', () => {
  it('is undated, never current or expired, when only the award year is known', () => {
    expect(labelStatus(gold(null, 2024), day('2026-11-24'))).toEqual({
      kind: 'undated',
      awardYear: 2024,
      mayHaveLapsed: false,
    });
  });
  it('says the label may have lapsed only when the year is older than the longest validity (3 years)', () => {
    expect(labelStatus(gold(null, 2023), day('2026-11-24'))).toMatchObject({
      mayHaveLapsed: false,
    });
    expect(labelStatus(gold(null, 2022), day('2026-11-24'))).toMatchObject({ mayHaveLapsed: true });
    expect(labelStatus(gold(null, 2013), day('2026-11-24'))).toMatchObject({
      kind: 'undated',
      mayHaveLapsed: true,
    });
  });
  it('is undated with no year at all, and makes no lapse claim', () => {
    expect(labelStatus(gold(null, null), day('2026-11-24'))).toEqual({
      kind: 'undated',
      awardYear: null,
      mayHaveLapsed: false,
    });
  });
  it('has no status for organisations without an awarded level', () => {
    for (const level of ['none', 'unknown'] as const) {
      expect(labelStatus({ level, year: null, validUntil: null }, day('2026-11-24'))).toEqual({
        kind: 'not-labelled',
      });
    }
  });
});
