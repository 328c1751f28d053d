import { describe, expect, it } from 'vitest';
import { joinYearMonth, monthNames, splitYearMonth, yearsDown } from '~/lib/year-month';

describe('year-month', () => {
  it('takes a stored month apart and puts it back together', () => {
    expect(splitYearMonth('2026-03')).toEqual({ year: 2026, month: 3 });
    expect(joinYearMonth({ year: 2026, month: 3 })).toBe('2026-03');
    expect(joinYearMonth({ year: 2025, month: 12 })).toBe('2025-12');
  });

  it('refuses what is not a month', () => {
    for (const text of ['', '2026', '2026-13', '2026-00', '2026-3', '26-03', '2026-03-01']) {
      expect(splitYearMonth(text)).toBeNull();
    }
  });

  it('lists years newest first, and month names in the language asked', () => {
    expect(yearsDown(2026, 2023)).toEqual([2026, 2025, 2024, 2023]);
    expect(yearsDown(2020, 2023)).toEqual([]);
    expect(monthNames('en')[0]).toBe('January');
    expect(monthNames('de')[2]).toBe('März');
    expect(monthNames('pl')).toHaveLength(12);
  });
});
