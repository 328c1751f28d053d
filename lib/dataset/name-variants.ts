/**
 * Name variants derived at build time from a name as the dataset writes it, each with the rule
 * that made it, so a page that writes the name the way people do still finds it:
 *
 * - `cluster-word-inflected`: the cluster word of the name in the case endings of its own
 *   language. Polish, Czech, Slovak, Baltic, Finnish, Estonian, Hungarian, Nordic, Romanian,
 *   Bulgarian and Ukrainian texts decline the word inside a name: "Klaster X" becomes
 *   "Klastra X", "Klastrem X"; "X klasteris" becomes "X klasterio"; "X Klaszter" becomes
 *   "X Klaszterben". The forms are listed per base word below, not guessed by a stemmer, so no
 *   other word can turn into one.
 * - `cluster-word-moved`: "X Cluster" written "Cluster X" and the other way round (the word
 *   order varies with the language a page is written in: "Cluster Minalogic", "Minalogic
 *   Cluster").
 * - `programme-prefix-dropped` and `generic-tail-dropped`: a leading programme or kind word
 *   (NCE, GCE, Arena, Pôle, Klaster, Clúster, Polo, Distretto…) or a trailing cluster word
 *   dropped where what remains still names the organisation: "NCE Maritime CleanTech" is written
 *   "Maritime CleanTech". What remains must not be a generic phrase or a place: a single word
 *   left over ("Bydgoszcz" from "Klaster Bydgoszcz", "Minalogic" from "Minalogic Cluster") counts
 *   only as written and only with evidence (see needsContext in alias-rules.ts), because a
 *   single word may as well be a city.
 *
 * - `letter-case`: a camel-case brand or an acronym of five letters or more written in title
 *   case ("SECPhO" → "Secpho", "ELINCLUS" → "Elinclus"). Where the word is invented (no word of
 *   ordinary-words.ts or of the sector lists, nor made of them) its case says nothing and the
 *   form counts as the name does; where it is a word ("DREAM", "BioMed") only with evidence.
 *
 * - `stem-graded`: in Finnish and Estonian, a word of the name whose stem changes as it declines
 *   ("HealthTurku" → "HealthTurun", "Arktinen turvallisuus" → "Arktinen turvallisuuden",
 *   "Eesti puitmajaklaster" → "Eesti puitmajaklastri"), written in its genitive by the rules of
 *   lib/matcher/inflection.ts (gradedForm); the case endings of the matcher take it from there
 *   ("HealthTurussa", "turvallisuudessa", "puitmajaklastris"). Made by the alias table from
 *   every alias of the organisation, with that alias's own matching rule (gradedName).
 *
 * Every variant gets its matching rule derived from its own text by the caller, as any alias.
 */
import {
  contentTokens,
  isAllCaps,
  isCamel,
  isCommonToken,
  isInventedToken,
  isStopword,
  tokensOf,
} from './alias-rules';
import { camelParts, isOrdinaryWord } from './ordinary-words';
import { CLUSTER_WORD_STEM } from '../matcher/cluster-words';
import { gradedForm, type InflectingLanguage } from '../matcher/inflection';

export const VARIANT_RULES = [
  'cluster-word-inflected',
  'cluster-word-moved',
  'programme-prefix-dropped',
  'generic-tail-dropped',
  'letter-case',
  'stem-graded',
] as const;
export type VariantRule = (typeof VARIANT_RULES)[number];

export interface NameVariant {
  text: string;
  rule: VariantRule;
  /**
   * It counts only as written and with evidence: a single word left over (it may as well be a
   * city), or a brand written in another letter case.
   */
  needsEvidence: boolean;
  /**
   * Match only as written (or in capitals): a declined cluster word that begins the name, since
   * in lower case it is the common noun running into the next name ("członkowie klastra
   * Bydgoszcz Industrial Cluster").
   */
  asWritten: boolean;
}

/**
 * The forms of each cluster word, keyed by every form (lower case, as written), so a name that
 * uses any form yields all the others. Only forms that are the cluster word and nothing else in
 * any of our languages are listed.
 */
const CLUSTER_WORD_FAMILIES: readonly { countries: readonly string[]; forms: readonly string[] }[] =
  [
    // Polish, Czech, Slovak, Slovene, Croatian, Serbian (Latin), Estonian: klaster / klastr with
    // and without the e that drops before an ending.
    {
      countries: ['PL', 'CZ', 'SK', 'SI', 'HR', 'RS', 'BA', 'ME', 'MK', 'EE', 'BG'],
      forms: [
        'klaster',
        'klastr',
        'klastra',
        'klastru',
        'klastrem',
        'klastrom',
        'klastrowi',
        'klastrze',
        'klastre',
        'klastry',
        'klastrů',
        'klastrów',
        'klastrov',
        'klastri',
        'klastrit',
        'klastris',
        'klastrisse',
        'klastriga',
        'klastrile',
        'klastera',
        'klasteru',
        'klasterom',
        'klasteri',
      ],
    },
    // Lithuanian and Latvian.
    {
      countries: ['LT', 'LV'],
      forms: [
        'klasteris',
        'klasterio',
        'klasteriui',
        'klasterį',
        'klasteryje',
        'klasteriai',
        'klasterių',
        'klasterim',
        'klasterī',
        'klastera',
        'klasteri',
        'klasteru',
      ],
    },
    // Hungarian.
    {
      countries: ['HU'],
      forms: [
        'klaszter',
        'klaszterben',
        'klaszterbe',
        'klaszterből',
        'klaszternek',
        'klasztert',
        'klaszterhez',
        'klaszterrel',
        'klaszterre',
        'klaszterről',
        'klaszterek',
        'klaszternél',
        'klaszterként',
      ],
    },
    // Finnish.
    {
      countries: ['FI'],
      forms: [
        'klusteri',
        'klusterin',
        'klusteria',
        'klusterissa',
        'klusterista',
        'klusteriin',
        'klusterille',
        'klusterilla',
        'klusterit',
      ],
    },
    // Swedish.
    { countries: ['SE'], forms: ['kluster', 'klustret', 'klustrets', 'klustren'] },
    // Danish and Norwegian.
    { countries: ['DK', 'NO'], forms: ['klynge', 'klyngen', 'klynger', 'klyngens', 'klynga'] },
    // Romanian articled forms.
    { countries: ['RO', 'MD'], forms: ['cluster', 'clusterul', 'clusterului'] },
    // German and Dutch genitive and plural.
    { countries: ['DE', 'AT', 'CH', 'LU', 'NL', 'BE'], forms: ['cluster', 'clusters'] },
    // Bulgarian.
    { countries: ['BG'], forms: ['клъстер', 'клъстера', 'клъстерът', 'клъстери', 'клъстерите'] },
    // Ukrainian, Serbian (Cyrillic), Russian.
    {
      countries: ['UA', 'RS', 'BY', 'MK', 'BA', 'ME'],
      forms: ['кластер', 'кластера', 'кластеру', 'кластером', 'кластері', 'кластери', 'кластерів'],
    },
  ];

/** Every family a form belongs to (Croatian and Latvian share "klastera"). */
const FAMILIES_OF = new Map<string, (typeof CLUSTER_WORD_FAMILIES)[number][]>();
for (const family of CLUSTER_WORD_FAMILIES) {
  for (const form of family.forms) {
    const families = FAMILIES_OF.get(form) ?? [];
    families.push(family);
    FAMILIES_OF.set(form, families);
  }
}

/** Words a name may begin with that say what kind of body it is, not which one. */
const PROGRAMME_PREFIXES = new Set([
  'nce',
  'gce',
  'arena',
  'pôle',
  'pole',
  'polo',
  'distretto',
  'clúster',
  'cluster',
  'klaster',
  'klastr',
  'klaszter',
  'klasteris',
  'klusteri',
  'kluster',
  'klynge',
  'кластер',
  'клъстер',
]);

/** Cluster words a name may end with. */
const GENERIC_TAILS = new Set([
  'cluster',
  'clúster',
  'klaster',
  'klastr',
  'klaszter',
  'klasteris',
  'klusteri',
  'kluster',
  'klynge',
  'klyngen',
  'кластер',
  'клъстер',
]);

/** Words the English order puts the cluster word after, and other languages before. */
const MOVABLE = new Set(['cluster', 'clúster']);

const MIN_SINGLE_WORD_LETTERS = 5;
/** Acronyms shorter than this are words too often (NET, MADE, ACT): their case is evidence. */
const MIN_RECASED_LETTERS = 5;

/** `Klaster` → `Klastra`, `KLASTER` → `KLASTRA`, `klaster` → `klastra`. */
function inCaseOf(model: string, form: string): string {
  if (model === model.toUpperCase() && model !== model.toLowerCase()) return form.toUpperCase();
  const first = model.charAt(0);
  if (first !== first.toLowerCase()) return form.charAt(0).toUpperCase() + form.slice(1);
  return form;
}

/** Word tokens of `text` with their offsets, for replacing one in place. */
function wordSpans(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    word: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/**
 * Whether `rest` (a name with a cluster word moved away or removed) still names one
 * organisation. It must not begin or end with a function word ("of Czech Furniture
 * Manufacturers", "di innovazione bioPmed") and must hold a word that is neither common nor the
 * record's place. With `dropped` (the cluster word is gone, not moved) the bar is higher, since
 * "Basque Energy" or "Czech Optical" from "Basque Energy Cluster" are descriptions, not names:
 * a phrase must hold an invented word (`bioPmed`, `CleanTech`, `ASTRICO`), and a single word of
 * five letters or more counts as written and with evidence only. Returns null when it does not
 * count.
 */
function remainderKind(
  rest: string,
  places: ReadonlySet<string>,
  dropped: boolean,
): { needsEvidence: boolean } | null {
  const tokens = tokensOf(rest);
  const firstToken = tokens[0];
  const lastToken = tokens[tokens.length - 1];
  if (firstToken === undefined || lastToken === undefined) return null;
  if (isStopword(firstToken) || isStopword(lastToken) || firstToken.length === 1) return null;
  if (places.has(rest.trim().toLowerCase())) return null;
  const content = contentTokens(rest);
  const specific = content.filter(
    (t) => isInventedToken(t) || (!isCommonToken(t) && !places.has(t.toLowerCase())),
  );
  if (specific.length === 0) return null;
  if (!dropped) return { needsEvidence: false };
  if (tokens.length === 1) {
    if (firstToken.replace(/\P{L}/gu, '').length < MIN_SINGLE_WORD_LETTERS) return null;
    return { needsEvidence: true };
  }
  // In a name written all in capitals every word looks invented: none counts as such.
  const allCaps = rest === rest.toUpperCase();
  return !allCaps && content.some(isInventedToken) ? { needsEvidence: false } : null;
}

/**
 * The variants of one name or alias. `places` are the record's own place names (city, region,
 * country names, lower case): a name minus its cluster word that is only a place is no name.
 * `country` (ISO code) limits the declined cluster word to the languages of that country, since
 * a Hungarian organisation is not written with Polish endings; null: every language.
 */
export function nameVariants(
  text: string,
  places: ReadonlySet<string> = new Set(),
  country: string | null = null,
): NameVariant[] {
  const out = new Map<string, NameVariant>();
  const add = (variant: string, rule: VariantRule, needsEvidence = false, asWritten = false) => {
    const trimmed = variant.replace(/\s+/gu, ' ').trim();
    if (trimmed === '' || trimmed === text.trim() || out.has(trimmed)) return;
    out.set(trimmed, { text: trimmed, rule, needsEvidence, asWritten });
  };
  const spans = wordSpans(text);

  // The cluster word in its other case forms (every occurrence that is a whole word).
  for (const span of spans) {
    const written = span.word.toLowerCase();
    for (const family of FAMILIES_OF.get(written) ?? []) {
      if (country !== null && !family.countries.includes(country)) continue;
      for (const form of family.forms) {
        if (form === written) continue;
        add(
          text.slice(0, span.start) + inCaseOf(span.word, form) + text.slice(span.end),
          'cluster-word-inflected',
          false,
          span === spans[0],
        );
      }
    }
  }

  const first = spans[0];
  const last = spans[spans.length - 1];
  if (first && last && spans.length >= 2) {
    const firstWord = first.word.toLowerCase();
    const lastWord = last.word.toLowerCase();
    // Only plain "W1 W2 … Cluster" / "Cluster W1 W2 …" names: nothing but spaces at the ends.
    const plainStart = text.slice(0, first.start).trim() === '';
    const plainEnd = text.slice(last.end).trim() === '';
    // The edge word must stand apart: "Cluster-TWEED" and "Medizintechnik-Cluster" are one word.
    const firstApart = /^\s/u.test(text.slice(first.end));
    const lastApart = /\s$/u.test(text.slice(0, last.start));

    // Moved only around a remainder that starts like a name ("Cluster Minalogic"), not around
    // an adjective that belongs to the cluster word ("Cluster tecnologico lombardo…").
    const namelike = (rest: string) => /^[\p{Lu}\p{N}]/u.test(rest);
    if (plainStart && plainEnd && lastApart && MOVABLE.has(lastWord) && !MOVABLE.has(firstWord)) {
      const rest = text.slice(0, last.start).trim();
      if (namelike(rest) && remainderKind(rest, places, false))
        add(`${last.word} ${rest}`, 'cluster-word-moved');
    }
    if (plainStart && plainEnd && firstApart && MOVABLE.has(firstWord) && !MOVABLE.has(lastWord)) {
      const rest = text.slice(first.end).trim();
      if (namelike(rest) && remainderKind(rest, places, false))
        add(`${rest} ${first.word}`, 'cluster-word-moved');
    }
    if (plainStart && firstApart && PROGRAMME_PREFIXES.has(firstWord)) {
      const rest = text.slice(first.end).trim();
      const kind = remainderKind(rest, places, true);
      if (kind) add(rest, 'programme-prefix-dropped', kind.needsEvidence);
    }
    if (plainEnd && lastApart && GENERIC_TAILS.has(lastWord)) {
      const rest = text.slice(0, last.start).replace(/[\s\-–—]+$/u, '');
      const kind = remainderKind(rest, places, true);
      if (kind) add(rest, 'generic-tail-dropped', kind.needsEvidence);
    }
  }
  // Letter case: a camel-case brand or a long acronym written in title case ("SECPhO" as
  // "Secpho", "ELINCLUS" as "Elinclus"), as running text and headlines do. Such a word is often
  // two common words joined ("CleanTech"), so the form counts with evidence only.
  let recased = text;
  let ordinary = false;
  for (const span of [...spans].reverse()) {
    const word = span.word;
    const long = word.replace(/\P{L}/gu, '').length >= MIN_RECASED_LETTERS;
    if (long && (isCamel(word) || (isAllCaps(word) && !isCommonToken(word)))) {
      const title = word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
      recased = recased.slice(0, span.start) + title + recased.slice(span.end);
      if (!isInvented(word)) ordinary = true;
    }
  }
  // A name of several words all in capitals is a headline form of itself: left alone.
  const headline = spans.length > 1 && isAllCaps(text.replace(/[^\p{L}]/gu, ''));
  // Either way the form keeps its capital: in lower case it is a word, or part of an address.
  if (recased !== text && !headline) add(recased, 'letter-case', ordinary, true);
  return [...out.values()];
}

const MIN_PART_LETTERS = 3;

/**
 * A word no language has: not an ordinary or sector word, and, for a camel-case brand, not made
 * only of such words ("BioMed", "CleanTech" are; "bioPmed", "SECPhO", "CzecHemp" are not). Parts
 * under three letters ("i" of "iVita", "Ph" of "SECPhO") decide nothing.
 */
function isInvented(word: string): boolean {
  if (isCommonToken(word) || isOrdinaryWord(word)) return false;
  if (!isCamel(word)) return true;
  return camelParts(word).some(
    (part) =>
      part.replace(/\P{L}/gu, '').length >= MIN_PART_LETTERS &&
      !isCommonToken(part) &&
      !isOrdinaryWord(part),
  );
}

/**
 * `text` with every word whose stem changes in `language` (gradedForm) in its genitive, or null
 * when none does. The words a matcher declines only: not an acronym (capitals, digits) and not
 * the cluster word, whose forms are listed above. All of them at once, since the words of a
 * name take one case together ("Arktisen teollisuuden ja kiertotalouden").
 */
export function gradedName(text: string, language: InflectingLanguage): string | null {
  let out = text;
  for (const span of wordSpans(text).reverse()) {
    const word = span.word;
    if (/\p{N}/u.test(word) || isAllCaps(word)) continue;
    if (CLUSTER_WORD_STEM.test(word.toLowerCase())) continue;
    const graded = gradedForm(word, language);
    if (graded !== null) out = out.slice(0, span.start) + graded + out.slice(span.end);
  }
  return out === text ? null : out;
}
