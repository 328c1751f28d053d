/**
 * A date printed to the year, month or day (`2026`, `2026-01`, `2026-01-22`) in the UI language;
 * `month: 'short'` for tight places ("Mar 2027" instead of "March 2027").
 */
export function formatPartialDate(
  text: string,
  locale: string,
  month: 'long' | 'short' = 'long',
): string {
  const [y, m, d] = text.split('-').map(Number);
  if (y === undefined || Number.isNaN(y)) return text;
  if (m === undefined) return String(y);
  const date = new Date(Date.UTC(y, m - 1, d ?? 1));
  const options: Intl.DateTimeFormatOptions =
    d === undefined
      ? { year: 'numeric', month, timeZone: 'UTC' }
      : { year: 'numeric', month, day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}
