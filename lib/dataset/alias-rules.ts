/**
 * Matching rules derived from an alias itself, so the data build needs no hand-kept list of
 * ambiguous names.
 *
 * - caseSensitive: acronyms, short all-capital or camel-case tokens (SCS, LE2C, SECPhO) and
 *   names made of ordinary words ("Systematic", "Green Energy") match only as written, or in
 *   all capitals (headlines). This is what keeps "a systematic review" and "spring" out.
 * - needsContext: the alias is also ordinary text. A match then counts only with evidence (see
 *   lib/matcher/evidence.ts). That is the case for
 *     · one-word aliases that are common words in one of our languages (NET, SPRING, MADE,
 *       CLEAN, ACT, NODE, Systematic, Hélice);
 *     · acronyms of at most four letters (SCS, DAC, TREC, BIC, SAHA…): three- and four-letter
 *       strings almost all stand for something else too (digital-analogue converter, the pen);
 *     · short phrases whose every word is common once cluster words are set aside (Green
 *       Energy, Packaging Cluster, Cluster Bau, ICT Cluster, Energy Valley, IT Valley): they
 *       describe a kind of cluster rather than name one.
 *   A phrase of four or more content words ("Association of Sealed Glass Unit Producers") is
 *   specific enough on its own, and so is a name that capitalises a common word where it would
 *   not normally be ("Polo NET", "Cluster SPRING", "SAHA İstanbul"): that spelling is the
 *   evidence, so those are case-sensitive instead.
 *
 * Row override, CSV column `match` (applies to every alias of the row, including the derived
 * extra forms):
 *   (empty)  the derived rules;
 *   strict   every alias case-sensitive and needing context: for an organisation whose names
 *            are all ordinary words the word lists below do not know;
 *   context  every alias needs context; letter case as derived;
 *   loose    no alias needs context; letter case as derived (a name of common words then
 *            still matches only as written or in capitals): for a distinctive name the word
 *            lists wrongly call common.
 */
import { genericClassOf } from './generic-names';
import type { AliasRule } from './model';

export type AliasKind = AliasRule['kind'];
export type DerivedRule = Pick<AliasRule, 'caseSensitive' | 'needsContext' | 'generic'>;

export const MATCH_OVERRIDES = ['strict', 'context', 'loose'] as const;
export type MatchOverride = (typeof MATCH_OVERRIDES)[number];

export function isMatchOverride(value: string): value is MatchOverride {
  return (MATCH_OVERRIDES as readonly string[]).includes(value);
}

/**
 * Common words per language, lower case with diacritics, limited to the kind of words cluster
 * names are made of (sectors, technologies, places-as-nouns, adjectives). A full dictionary is
 * not needed: the list only has to recognise names built from generic words, and a missed word
 * is what the `match` column is for.
 */
const COMMON_WORDS: Record<string, readonly string[]> = {
  en: [
    'act',
    'advanced',
    'aerospace',
    'agri',
    'agricultural',
    'agriculture',
    'agro',
    'air',
    'animation',
    'automotive',
    'autonomy',
    'aviation',
    'beauty',
    'bio',
    'biotech',
    'blue',
    'building',
    'business',
    'care',
    'chain',
    'chemistry',
    'clean',
    'cleantech',
    'commercial',
    'community',
    'competence',
    'construction',
    'cosmetic',
    'creative',
    'defence',
    'defense',
    'design',
    'digital',
    'east',
    'electronic',
    'electronics',
    'energy',
    'engineering',
    'environment',
    'environmental',
    'equipment',
    'export',
    'fashion',
    'film',
    'food',
    'furniture',
    'future',
    'gaming',
    'glass',
    'green',
    'grid',
    'health',
    'healthcare',
    'hemp',
    'industrial',
    'industry',
    'innovation',
    'innovative',
    'interactive',
    'laser',
    'life',
    'logistics',
    'made',
    'manufacturing',
    'marine',
    'maritime',
    'materials',
    'media',
    'medical',
    'metal',
    'mineral',
    'mobility',
    'net',
    'new',
    'node',
    'north',
    'ocean',
    'optic',
    'optics',
    'packaging',
    'paper',
    'photonics',
    'plastic',
    'plastics',
    'process',
    'processing',
    'production',
    'province',
    'research',
    'resources',
    'science',
    'sciences',
    'security',
    'services',
    'smart',
    'software',
    'south',
    'space',
    'spring',
    'supply',
    'sustainable',
    'systematic',
    'tech',
    'technology',
    'technologies',
    'textile',
    'tool',
    'tools',
    'transport',
    'water',
    'welfare',
    'west',
    'wireless',
    'wood',
    'habitat',
    'seafood',
    'sport',
    'sports',
    'vehicle',
    'vehicles',
    'efficiency',
    'innovations',
    'biocompost',
  ],
  de: [
    'bau',
    'energie',
    'gesundheit',
    'holz',
    'kunststoff',
    'lebensmittel',
    'logistik',
    'luftfahrt',
    'mechatronik',
    'medizin',
    'nutzfahrzeug',
    'technik',
    'umwelt',
    'wellness',
    'wirtschaft',
    'digitale',
    'forst',
    'software',
  ],
  fr: [
    'énergie',
    'futur',
    'mer',
    'route',
    'lasers',
    'santé',
    'véhicule',
    'industries',
    'innovation',
  ],
  ro: ['sănătate', 'energie', 'verde'],
  it: ['ambiente', 'alimentare', 'energia', 'legno', 'moda', 'salute', 'innovazione', 'magica'],
  // One-word names of revision 4 that are also ordinary English words (the corpus found them).
  enWords: ['chorus', 'clever', 'comet', 'compare', 'stuns', 'topos', 'woodworks'],
  es: ['energía', 'madera', 'moda', 'automoción', 'movilidad', 'hélice', 'innovación', 'logístico'],
  pl: ['biznes', 'energia', 'medycyna'],
  tr: ['saha', 'savunma', 'havacılık'],
  nordic: ['energi', 'mat', 'helse'],
};

/**
 * Acronyms that are themselves generic (a sector, not an organisation): written in capitals
 * everywhere, so capitals are no evidence.
 */
const COMMON_ACRONYMS = new Set(['ict', 'it', 'ikt', 'ai', 'iot', 'eu', 'rd', 'hr']);

/**
 * Words that say what kind of body an organisation is. They neither make a phrase specific
 * nor count among its content words.
 */
const ORGANISATION_WORDS = new Set([
  'cluster',
  'clusters',
  'clúster',
  'clusterul',
  'klaster',
  'klastr',
  'klaszter',
  'klynge',
  'klyngen',
  'кластер',
  'клъстер',
  'pôle',
  'pole',
  'polo',
  'pol',
  'distretto',
  'valley',
  'hub',
  'network',
  'netzwerk',
  'alliance',
  'association',
  'initiative',
  'park',
  'arena',
  'partnership',
  'coalition',
  'platform',
  'centre',
  'center',
]);

/** Function words that carry no meaning of their own in a name. */
const STOPWORDS = new Set([
  'the',
  'of',
  'for',
  'in',
  'and',
  'de',
  'la',
  'le',
  'les',
  'des',
  'du',
  'd',
  'l',
  'del',
  'della',
  'di',
  'da',
  'do',
  'dos',
  'das',
  'der',
  'die',
  'den',
  'und',
  'et',
  'y',
  'e',
  'i',
  'og',
  'för',
  'für',
  'von',
  'pentru',
  'na',
  'za',
  'z',
  'w',
  'dla',
  'pro',
  'til',
  'per',
  'en',
]);

const COMMON = new Set<string>(Object.values(COMMON_WORDS).flat().map(fold));

function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

const TOKEN = /[\p{L}\p{N}]+/gu;

export function tokensOf(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The tokens of `text` that carry meaning: function words ("of", "de", "für") set aside. */
export function contentTokens(text: string): string[] {
  return tokensOf(text).filter((t) => !STOPWORDS.has(fold(t)));
}

/** Whether a token is a common word, a common acronym or an organisation word ("cluster"). */
export function isCommonToken(token: string): boolean {
  return isCommonWord(token);
}

/** Whether a token is a function word ("of", "de", "für"). */
export function isStopword(token: string): boolean {
  return STOPWORDS.has(fold(token));
}

/**
 * A token no language writes as an ordinary word: camel case (`bioPmed`, `CleanTech`,
 * `LifeScience`) or capitals of three letters or more that are not a common word (`OSSA`).
 */
export function isInventedToken(token: string): boolean {
  if (isCamel(token)) return true;
  return isAllCaps(token) && token.replace(/\P{L}/gu, '').length >= 3 && !isCommonWord(token);
}

export function isAllCaps(token: string): boolean {
  return /\p{Lu}/u.test(token) && !/\p{Ll}/u.test(token);
}

/** `SECPhO`, `LE2C`, `deENet`, `iVita`: capitals after the first letter, not a plain word. */
export function isCamel(token: string): boolean {
  return /^.+\p{Lu}/u.test(token) && /\p{Ll}/u.test(token);
}

function isCommonWord(token: string): boolean {
  const f = fold(token);
  return COMMON.has(f) || COMMON_ACRONYMS.has(f) || ORGANISATION_WORDS.has(f);
}

/** A capitalised common word where the rest of the name is not in capitals: `Polo NET`. */
function isDistinctiveCapitals(token: string, wholeNameAllCaps: boolean): boolean {
  const f = fold(token);
  return (
    !wholeNameAllCaps &&
    isAllCaps(token) &&
    token.length >= 3 &&
    COMMON.has(f) &&
    !COMMON_ACRONYMS.has(f)
  );
}

const SHORT_ACRONYM_LETTERS = 4;
const SHORT_TOKEN_LENGTH = 6;
const SPECIFIC_PHRASE_WORDS = 4;
const GENERIC_PHRASE_WORDS = 2;
const SPECIFIC_HALF_WORDS = 3;

export function deriveAliasRule(text: string, kind: AliasKind): DerivedRule {
  const tokens = tokensOf(text);
  // A generic phrase or a capitalised common abbreviation: only strong evidence makes it count
  // (generic-names.ts). "Polo NET" spells a common word in capitals where a name would not: it
  // is distinctive, not generic.
  const wholeCaps = isAllCaps(tokens.join(''));
  const contentWords = tokens.filter((t) => !STOPWORDS.has(fold(t)));
  if (tokens.length === 1 || !contentWords.some((t) => isDistinctiveCapitals(t, wholeCaps))) {
    const generic = genericClassOf(tokens, contentWords, isCommonWord);
    if (generic) return { caseSensitive: true, needsContext: true, generic };
  }
  const single = tokens.length === 1 ? tokens[0] : undefined;
  if (single !== undefined) {
    const letters = single.replace(/\P{L}/gu, '').length;
    const acronymLike =
      kind === 'acronym' ||
      ((isAllCaps(single) || isCamel(single)) && single.length <= SHORT_TOKEN_LENGTH);
    const common = isCommonWord(single);
    return {
      caseSensitive: acronymLike || common,
      needsContext: common || (acronymLike && letters <= SHORT_ACRONYM_LETTERS),
    };
  }

  const wholeNameAllCaps = isAllCaps(tokens.join(''));
  const content = tokens.filter((t) => !STOPWORDS.has(fold(t)));
  const distinctive = content.some((t) => isDistinctiveCapitals(t, wholeNameAllCaps));
  const allCommon = content.every(isCommonWord);
  const meaningful = content.filter((t) => !ORGANISATION_WORDS.has(fold(t)));
  const generic =
    allCommon &&
    content.length < SPECIFIC_PHRASE_WORDS &&
    meaningful.length <= GENERIC_PHRASE_WORDS;
  if (distinctive) return { caseSensitive: true, needsContext: false };
  if (generic) return { caseSensitive: true, needsContext: true };
  return { caseSensitive: false, needsContext: false };
}

export function applyMatchOverride(
  rule: DerivedRule,
  override: MatchOverride | null | undefined,
): DerivedRule {
  switch (override) {
    case 'strict':
      return { ...rule, caseSensitive: true, needsContext: true };
    case 'context':
      return { ...rule, needsContext: true };
    case 'loose':
      return { caseSensitive: rule.caseSensitive, needsContext: false };
    default:
      return rule;
  }
}

/**
 * Legal forms written after a name. A page names "Silicon Saxony" far more often than
 * "Silicon Saxony e. V.", so the name without them is matched too.
 */
const LEGAL_SUFFIX =
  /[\s,]+(?:e\.\s?V\.|eV|g?GmbH|mbH|AG|s\.\s?c\.\s?r\.\s?l\.|scrl|S\.?r\.?l\.|S\.?p\.?A\.|Ltd\.?|Limited|AS|A\/S|ASA|AB|Oy|z\.\s?s\.|s\.\s?r\.\s?o\.|a\.\s?s\.|S\.\s?A\.|S\.\s?L\.|asbl|ASBL|vzw|VZW|e\.\s?G\.|Inc\.?|Int\.|družstvo|ekonomisk förening)$/u;

/** ` - `, ` – `, `- `: a dash with space on at least one side separates two names. */
// A dash right after a word and before "und", "&"… is German's shared ending ("Chemie- & Pharma-
// Cluster", "Sondermaschinen- und Anlagenbau"), not a separator.
const NAME_SEPARATOR = /\s+[-‐‒–—―]\s*|[-‐‒–—―]\s+(?!(?:und|oder|and|or|et|u\.|&)\s)/u;

/**
 * Extra match forms of a name, each to be added as its own alias with its own rule: the name
 * without a legal-form suffix, and each half of "ACLIMA - Basque Country's Environmental
 * Industry's Cluster Asociation"-style names. A half must still name the organisation on its
 * own: an acronym-like token, a phrase with an organisation word (cluster, network, pôle…), or
 * three content words or more. "Nutzfahrzeug" (from "Commercial Vehicle Cluster – Nutzfahrzeug
 * GmbH") or "West Slovakia" (from "Automotive Cluster -West Slovakia") would name a thing or a
 * region instead.
 */
export function extraMatchForms(text: string): { text: string; kind: AliasKind }[] {
  const forms = new Map<string, AliasKind>();
  const add = (form: string, kind: AliasKind) => {
    const trimmed = form.trim();
    if (trimmed !== '' && trimmed !== text.trim() && !forms.has(trimmed)) forms.set(trimmed, kind);
  };
  const withoutLegal = stripLegalForm(text);
  add(withoutLegal, 'alias');
  const halves = withoutLegal.split(NAME_SEPARATOR);
  if (halves.length === 2) {
    for (const half of halves) {
      const h = stripLegalForm(half.trim());
      // "[micro] electronic Cluster Kärnten": a half that starts or ends inside brackets is no name.
      if (/^[^\p{L}\p{N}]|[[\]()]/u.test(h)) continue;
      const tokens = tokensOf(h);
      const only = tokens.length === 1 ? tokens[0] : undefined;
      if (only !== undefined) {
        if (isAllCaps(only) || isCamel(only)) add(h, isAllCaps(only) ? 'acronym' : 'alias');
        continue;
      }
      const content = tokens.filter((t) => !STOPWORDS.has(fold(t)));
      const named =
        content.some((t) => ORGANISATION_WORDS.has(fold(t))) ||
        content.length >= SPECIFIC_HALF_WORDS;
      if (named) add(h, 'alias');
    }
  }
  return [...forms].map(([form, kind]) => ({ text: form, kind }));
}

function stripLegalForm(text: string): string {
  let out = text.trim();
  for (let previous = ''; previous !== out;) {
    previous = out;
    out = out.replace(LEGAL_SUFFIX, '').trim();
  }
  return out;
}
