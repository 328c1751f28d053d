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
  // Appended, not sorted: a language's index is stored in the serialised matcher's stem jumps.
  'bg',
  'uk',
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
  // Arktisen, Arktiseen), plural -set → -sten -siin -sissa -sista (Arktiset → Arktisten).
  // A stem that changes besides (Turku → Turun, keskus → keskuksen) is a variant the data
  // build writes out (gradedForm below).
  fi: endings(
    'a n t an en ia in it ja na on ta un yn han hen hin hon hun ien iin jen ksi lla lle lta nen sen set sia siin ssa sta sten ihin iksi illa ille ilta issa ista seen sena sissa sista ineen sella selle sessa sesta',
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
  // Bulgarian has no cases but a definite article on the first word of a phrase: nouns -ът/-ят
  // (-а/-я short), -та, -то, -те, plural -и -ове + -те; adjectives -и → -ия/-ият (Български →
  // Българският), -а → -ата, -о → -ото, -и → -ите, and -ен → -ния/-ният/-на/-ната… with the e
  // dropped (Мебелен → Мебелният, Индустриален → Индустриалния); й folded to и.
  bg: endings(
    'а е и о я ен на ни но ът ят та те то ие ия ата ато ета ето ите ове ото ята ния ият ната ните ното ният овете',
  ),
  // Ukrainian nouns (-а/-я -и/-і -у/-ю -ою/-ею/-єю -ом/-ем -ові; plural -ів -ам -ами -ах, -ей)
  // and adjectives (-ий -ого -ому -им -ім; -а -ої -ій -у -ою; -е; plural -і -их -им -ими), with
  // й folded to и and ї to і (Харківський → Харківського, Асоціація → Асоціації).
  uk: endings(
    'а е и і о у ю я ам ах еи ем єю ею ии им ів іи ім оі ом ою ям ях ами ими ого ому ові их ями',
  ),
};

/** Languages whose endings are all in Cyrillic letters. */
const CYRILLIC_ONLY: ReadonlySet<InflectingLanguage> = new Set(['bg', 'uk']);
const CYRILLIC = /\p{Script=Cyrillic}/u;

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
    case 'BG':
      return 'bg';
    case 'UA':
      return 'uk';
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
  // Cyrillic endings on a word in Latin letters ("Kharkiv IT Cluster") could never match: such
  // a word gets no stem jumps, which would only slow the scan down.
  if (CYRILLIC_ONLY.has(language) && !CYRILLIC.test(word)) return [];
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

/**
 * Stems that change inside the word as it declines (consonant gradation, and the -s and -er
 * stems), which a table of endings cannot reach: Finnish "Turku" is "Turun", "keskus"
 * "keskuksen", "teollisuus" "teollisuuden", "älykäs" "älykkään"; Estonian "klaster" is
 * "klastri", "maakond" "maakonna". Each rule gives the genitive singular, the form the other
 * cases build on ("Turussa", "keskuksessa", "klastris" are the genitive's stem plus an ending of
 * the table above), so the data build adds that form as a variant of the name and the endings do
 * the rest. Rules are tried in order on the lower-case word, the first that applies wins; they
 * are written for the word endings names have, not as a grammar: a loan that does not grade
 * ("auto", genitive "auton") gets a form no page writes, which costs nothing.
 */
interface StemChange {
  /** The end of the word in the strong (dictionary) form, lower case. */
  strong: RegExp;
  /** Its genitive, `$1`… for the groups of `strong`. */
  genitive: string;
}

const V = 'aeiouyäö';
/** Finnish consonant gradation of the last syllable, strong → weak. */
const FI_WEAK: Record<string, string> = {
  kk: 'k',
  pp: 'p',
  tt: 't',
  nk: 'ng',
  mp: 'mm',
  lt: 'll',
  nt: 'nn',
  rt: 'rr',
  ht: 'hd',
  rk: 'r',
  lk: 'l',
  lp: 'lv',
  rp: 'rv',
};

const STEM_CHANGES: Partial<Record<InflectingLanguage, readonly StemChange[]>> = {
  fi: [
    // -uus/-yys/-ous/-eys nouns: teollisuus → teollisuuden, kiertotalous → kiertotalouden.
    { strong: new RegExp(`([${V}][uy])s$`, 'u'), genitive: '$1den' },
    // -us/-ys/-os/-ös after a consonant: keskus → keskuksen, yritys → yrityksen, tulos →
    // tuloksen.
    { strong: new RegExp(`([^${V}][uyoö])s$`, 'u'), genitive: '$1ksen' },
    // -kas/-käs adjectives, the weak grade in the nominative: älykäs → älykkään, tehokas →
    // tehokkaan.
    { strong: new RegExp(`([${V}])k([aä])s$`, 'u'), genitive: '$1kk$2$2n' },
    // The last syllable's consonants after a vowel ending: kauppa → kaupan, Turku → Turun,
    // Satakunta → Satakunnan, kulta → kullan, Helsinki → Helsingin, tieto → tiedon, leipä →
    // leivän. A final -i keeps only the double consonants and nk (pankki → pankin): other
    // -i words change the vowel too (joki → joen).
    {
      strong: new RegExp(`(${Object.keys(FI_WEAK).join('|')}|[${V}]t|[${V}]p)([aäoöuy])$`, 'u'),
      genitive: 'grade',
    },
    { strong: /(kk|pp|tt|nk)i$/u, genitive: 'grade' },
  ],
  et: [
    // -er/-el after a consonant lose the e: klaster → klastri, meister → meistri.
    { strong: new RegExp(`([^aeiouõäöü])e([rl])$`, 'u'), genitive: '$1$2i' },
    // -line/-lne adjectives: tehnoloogiline → tehnoloogilise, digitaalne → digitaalse.
    { strong: /(li|l)ne$/u, genitive: '$1se' },
    // Grades of the heads names are made of: maakond → maakonna (nd → nn), liit → liidu
    // (t → d), park → pargi (k → g), koda → koja (d → j), ettevõte → ettevõtte (t → tt).
    { strong: /kond$/u, genitive: 'konna' },
    { strong: /liit$/u, genitive: 'liidu' },
    { strong: /park$/u, genitive: 'pargi' },
    { strong: /koda$/u, genitive: 'koja' },
    { strong: /võte$/u, genitive: 'võtte' },
  ],
};

/** Finnish front and back vowels never mix in one word (e and i go with both). */
const FRONT = /[äöy]/u;
const BACK = /[aou]/u;

/**
 * The genitive of `word` (as written: capitals and diacritics kept) where its stem changes in
 * `language`, or null: no rule applies, the language has none, or the word is not one of the
 * language's (a Finnish word never mixes ä/ö/y with a/o/u at its end: "Safety", "Community" are
 * English). Lower-case endings only: a word in capitals is an acronym and does not decline.
 */
export function gradedForm(word: string, language: InflectingLanguage): string | null {
  const rules = STEM_CHANGES[language];
  if (!rules || word.length < MIN_WORD_LETTERS) return null;
  const lower = word.toLowerCase();
  if (language === 'fi') {
    const end = lower.slice(-5);
    if (FRONT.test(end) && BACK.test(end)) return null;
    // English -y words ("City", "Entity") are not Finnish unless the word says so.
    if (lower.endsWith('y') && !/[äö]/u.test(lower)) return null;
  }
  for (const { strong, genitive } of rules) {
    const match = strong.exec(lower);
    if (!match) continue;
    const at = match.index;
    // The changed part must be written in lower case in the name, as endings are.
    if (word.slice(at) !== lower.slice(at)) return null;
    const replaced =
      genitive === 'grade'
        ? gradeFinnish(match[1] ?? '') + (match[2] ?? 'i') + 'n'
        : match[0].replace(strong, genitive);
    const out = word.slice(0, at) + replaced;
    // A stem shorter than the table's minimum would be some other word's.
    return at >= MIN_STEM_LETTERS - 1 && out !== word ? out : null;
  }
  return null;
}

function gradeFinnish(strong: string): string {
  const weak = FI_WEAK[strong];
  if (weak !== undefined) return weak;
  // A vowel then t or p: tieto → tiedon, leipä → leivän.
  return strong.charAt(0) + (strong.charAt(1) === 't' ? 'd' : 'v');
}

/** Whether `language` has stem changes (gradedForm), for the data report and tests. */
export function hasStemChanges(language: InflectingLanguage | undefined): boolean {
  return language !== undefined && STEM_CHANGES[language] !== undefined;
}
