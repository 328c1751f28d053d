/** How a country is shown: its name in the UI language and its flag. Pure, no browser APIs. */

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

/** The flag emoji of an ISO 3166-1 alpha-2 code (two regional-indicator letters), or ''. */
export function flagEmoji(code: string): string {
  if (!ISO_ALPHA_2.test(code)) return '';
  const A = 0x1f1e6;
  return String.fromCodePoint(A + code.charCodeAt(0) - 65, A + code.charCodeAt(1) - 65);
}
