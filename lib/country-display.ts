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

/** Names already asked for, per locale: the popup asks for each country many times a render. */
const namesCache = new Map<string, Map<string, string>>();

/** The country's name in `locale` ("Francia" for FR in Italian); the code itself if unnamed. */
export function countryName(code: string, locale: string): string {
  let names = namesCache.get(locale);
  if (!names) namesCache.set(locale, (names = new Map<string, string>()));
  let name = names.get(code);
  if (name === undefined) {
    name = ISO_ALPHA_2.test(code) ? (displayNames(locale)?.of(code) ?? code) : code;
    names.set(code, name);
  }
  return name;
}
