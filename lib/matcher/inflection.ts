/**
 * Case endings of the languages that decline the words of a name ("Dolina Lotnicza" is written
 * "Doliny Lotniczej", "Omnipack" "Omnipackban"), so the matcher can take a page word for an alias
 * word when both are one stem plus an ending of the alias's language.
 *
 * Deliberately not a stemmer: each table lists inflectional endings only (no derivational ones
 * such as "-work", "-ing" or "-owy", which would make "net" match "network"), both words must
 * share a stem of MIN_STEM_LETTERS, the alias word must have MIN_WORD_LETTERS, and words in
 * capitals or with digits (acronyms) never decline. Endings are written as the normaliser folds
 * them (lower case, no diacritics, `ł` → `l`, Greek final sigma → `σ`), which also merges
 * vowel-harmony pairs (Hungarian -ban/-ben stay apart, but -ből/-ból are one `bol`).
 */

export const INFLECTING_LANGUAGES = [
  'pl',
  'cs',
  'sk',
  'sl',
  'hr',
  'lt',
  'lv',
  'et',
  'fi',
  'hu',
  'el',
] as const;
export type InflectingLanguage = (typeof INFLECTING_LANGUAGES)[number];

/** The alias word needs this many letters to decline; shorter ones are acronyms or particles. */
export const MIN_WORD_LETTERS = 4;
/** Alias word and page word must share a stem at least this long. */
export const MIN_STEM_LETTERS = 3;
/** No ending in the tables is longer; a longer rest of a word is never an ending. */
export const MAX_ENDING_UNITS = 6;

/** An empty ending: the alias word or the page word as it stands ("Kraków" → "Krakowa"). */
const endings = (list: string): string[] => ['', ...list.split(' ')];

const ENDINGS: Record<InflectingLanguage, readonly string[]> = {
  // Polish nouns (-a -u -owi -em -ie -y -ów -om -ami -ach) and adjectives (-y -ego -emu -ym;
  // -a -ej -ą; -e -ych -ymi; soft -i -iego -iemu -im -ich -imi), ą ę ó folded to a e o.
  pl: endings(
    'a e i o u y ej em ia ie ii im iu om ow ym ach ami ego emu ich iej iem imi iom owi ych ymi iach iami iego iemu',
  ),
  // Czech nouns (-a -u -e -ě -y -i -ou -em -ům -ech -ách -ami -ovi) and adjectives (-ý -á -é
  // -ého -ému -ém -ým -ou -ých -ými; soft -í -ího -ímu -ím -ích -ími).
  cs: endings('a e i o u y em im ou um ym ach ami ech eho emu ich iho imi imu ove ovi ych ymi'),
  // Slovak nouns (-a -u -e -i -y -om -ou -ov -och -ách -ami -ia -ie -iu -ii) and adjectives
  // (-ý -á -é -ého -ému -om -ým -ej -ou -ých -ými; -í -ieho -iemu -ím -ích -ími).
  sk: endings(
    'a e i o u y ej ia ie ii im iu om ou ov ym ach ami eho emu ich imi och ovi ych ymi iach ieho iemu',
  ),
  // Slovene nouns and adjectives (-a -u -om -em -i -e -ov -ih -ah -ami -ega -emu -im -imi).
  sl: endings('a e i o u ah em ev ih im om ov ama ami ega emu ima imi'),
  // Croatian (and the Latin script of its neighbours): -a -u -om -em -e -i -ima -ama; adjectives
  // -og -oga -om -ome -omu -oj -ih -im -ima.
  hr: endings('a e i o u eg em ih im og oj om ama ega emu evi ima oga ome omu ova ove ovi'),
  // Lithuanian nouns (-as -is -ys -us -a -ė; -o -io -os -ės -aus; -ui -iui -ai -ei; -ą -į -ų;
  // -u -iu -e -yje -oje -ėje -uje; plural -ai -iai -ų -ams -oms -us -ais -omis -uose -ose) and
  // adjectives (-inis -inio -iniam -inį -iniame, -inė -inės -inei -inėje).
  lt: endings(
    'a e i o u y ai am as ei es ia io is iu os ui us ys ais ame ams aus eje ems iai ios iui ius oje oms ose uje yje emis iais iams iems imis ioje omis uose iuose',
  ),
  // Latvian nouns (-s -is -us -a -e; -a -as -es; -am -ai -ei -im -um; -ā -ī -ē -ū; -i -u -ām
  // -iem -ās -os) and definite adjectives (-ais -ajam -ajā -ajai -ajos -ajiem -ās).
  lv: endings(
    'a e i o s u ai am as ei em es ie im is os um us ais aja iem ies ajai ajam ajas ajos ajiem',
  ),
  // Estonian case suffixes added to the genitive (-s -st -sse -l -lt -le -ga -ks -na -ni -ta -t
  // -d; plural -de -te -id -ide -dele -desse -dest -del), also after the genitive vowel of a
  // word ending in a consonant (Tehnopol → Tehnopoli, Tehnopolis, Tehnopoliga).
  et: endings(
    'a d e i l s t u ad de ed ga id il is ks le lt na ni st ta te ud del ide iga iks ile ilt ina ini ist ite sse dele dest isse desse',
  ),
  // Finnish (-n -a/-ä -ta -ssa -sta -lla -lta -lle -na -ksi -t -Vn -hVn -seen; plural -iin
  // -ihin -issa -ista -illa -ilta -ille -ien -jen -ja -ia -it), and -nen → -sen (Arktinen →
  // Arktisen, Arktiseen).
  fi: endings(
    'a n t an en ia in it ja na on ta un yn han hen hin hon hun ien iin jen ksi lla lle lta nen sen set sia ssa sta ihin iksi illa ille ilta issa ista seen sena ineen sella selle sessa sesta',
  ),
  // Hungarian case suffixes (-t -ot -et -at, -ban/-ben, -ba/-be, -ból/-ből, -nak/-nek, -hoz/
  // -hez/-höz, -val/-vel, -ra/-re, -ról/-ről, -tól/-től, -nál/-nél, -on/-en/-ön, -ig, -ként,
  // -ért) and the plural and possessive ones; -Xal/-Xel with a doubled consonant, see below.
  hu: endings(
    'i n t ai ak an at ba be ei ek en et ig ja je ok on ot ra re ban ben bol ert hez hoz jai jei nak nal nek nel rol tol val vel kent ekben ekkel okban okkal',
  ),
  // Greek nouns and adjectives (-ος -ου -ο -ε -οι -ων -ους; -ης -η -ες; -ας -α; -ια -ιας -ιες
  // -ιων; -εως -εις), accents folded and final sigma written σ.
  el: endings('α ε η ι ο ασ εσ ησ ια ιο ισ οι οσ ου ων εισ εωσ ιασ ιεσ ιοι ιου ιων ουσ'),
};

const ENDING_SETS = new Map<InflectingLanguage, ReadonlySet<string>>(
  INFLECTING_LANGUAGES.map((l) => [l, new Set(ENDINGS[l])]),
);

/** The endings of `language` (normalised), for tests and the data report. */
export function endingsOf(language: InflectingLanguage): readonly string[] {
  return ENDINGS[language];
}

/** 1-based index of a language, for bit masks (bit 0 is "no language"). */
export function languageIndex(language: InflectingLanguage | undefined): number {
  return language === undefined ? 0 : INFLECTING_LANGUAGES.indexOf(language) + 1;
}

export function languageAt(index: number): InflectingLanguage | undefined {
  return INFLECTING_LANGUAGES[index - 1];
}

/** Whether `ending` (normalised) is an ending of `language`. */
export function isEnding(language: InflectingLanguage, ending: string, stemLast = ''): boolean {
  if (ENDING_SETS.get(language)?.has(ending)) return true;
  // Hungarian assimilates the v of -val/-vel to a final consonant: Omnipack → Omnipackkal.
  return (
    language === 'hu' &&
    ending.length === 3 &&
    stemLast !== '' &&
    ending[0] === stemLast &&
    !'aeiou'.includes(stemLast) &&
    (ending.endsWith('al') || ending.endsWith('el'))
  );
}

/** The language whose endings a name from `country` (ISO code) takes; undefined: none. */
export function inflectingLanguageOf(
  country: string | null | undefined,
): InflectingLanguage | undefined {
  switch (country) {
    case 'PL':
      return 'pl';
    case 'CZ':
      return 'cs';
    case 'SK':
      return 'sk';
    case 'SI':
      return 'sl';
    case 'HR':
    case 'BA':
    case 'ME':
    case 'RS':
      return 'hr';
    case 'LT':
      return 'lt';
    case 'LV':
      return 'lv';
    case 'EE':
      return 'et';
    case 'FI':
      return 'fi';
    case 'HU':
      return 'hu';
    case 'GR':
    case 'CY':
      return 'el';
    default:
      return undefined;
  }
}

/**
 * The stem lengths at which a normalised alias word may take another ending of `language`:
 * every split into a stem of MIN_STEM_LETTERS or more and an ending of the table. Empty when
 * the word is too short to decline.
 */
export function stemLengths(word: string, language: InflectingLanguage): number[] {
  if (word.length < MIN_WORD_LETTERS) return [];
  const out: number[] = [];
  const endings = ENDING_SETS.get(language);
  for (
    let cut = word.length;
    cut >= MIN_STEM_LETTERS && word.length - cut <= MAX_ENDING_UNITS;
    cut--
  ) {
    if (endings?.has(word.slice(cut))) out.push(cut);
  }
  return out;
}

/** Whether `page` (a normalised word) is `alias` in another case of `language`. */
export function isInflectionOf(page: string, alias: string, language: InflectingLanguage): boolean {
  if (page === alias) return true;
  for (const cut of stemLengths(alias, language)) {
    const stem = alias.slice(0, cut);
    if (!page.startsWith(stem)) continue;
    const ending = page.slice(cut);
    if (ending.length <= MAX_ENDING_UNITS && isEnding(language, ending, stem.slice(-1)))
      return true;
  }
  return false;
}
