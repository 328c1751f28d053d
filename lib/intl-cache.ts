/**
 * Intl formatters, one per locale. `toLocaleString(locale)` and `localeCompare(…, locale)`
 * build a new formatter or collator on every call, which in the popup's first render (counts
 * for every filter value, the list sorted by name) cost more than the rest of its code.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const collators = new Map<string, Intl.Collator>();

export function formatNumber(n: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(n);
}

export function collator(locale: string): Intl.Collator {
  let c = collators.get(locale);
  if (!c) collators.set(locale, (c = new Intl.Collator(locale)));
  return c;
}
