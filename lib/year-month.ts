/**
 * A month as the dataset stores it (`YYYY-MM`), taken apart for a year select and a month
 * select and put back together.
 */
export interface YearMonth {
  year: number;
  /** 1 to 12. */
  month: number;
}

export function splitYearMonth(text: string): YearMonth | null {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { year, month } : null;
}

export function joinYearMonth({ year, month }: YearMonth): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The years from `newest` down to `oldest`, newest first: a recent month is the usual choice. */
export function yearsDown(newest: number, oldest: number): number[] {
  return Array.from({ length: Math.max(0, newest - oldest + 1) }, (_, i) => newest - i);
}

/** The twelve month names in `locale`, January first. */
export function monthNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => format.format(Date.UTC(2000, i, 1)));
}
