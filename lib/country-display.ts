/** How a country is named in the UI language (its flag: components/CountryFlag.tsx). Pure, no browser APIs. */

const namesByLocale = new Map<string, Intl.DisplayNames | null>();

function displayNames(locale: string): Intl.DisplayNames | null {
  let names = namesByLocale.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'none' });
    } catch {
      names = null;
    }
    namesByLocale.set(locale, names);
  }
  return names;
}

const ISO_ALPHA_2 = /^[A-Z]{2}$/;

/** The country's name in `locale` ("Francia" for FR in Italian); the code itself if unnamed. */
export function countryName(code: string, locale: string): string {
  if (!ISO_ALPHA_2.test(code)) return code;
  return displayNames(locale)?.of(code) ?? code;
}
