/**
 * Names that describe a kind of cluster rather than name one, classified by the data build so
 * that they count only with strong evidence (lib/matcher/evidence.ts): the organisation's own
 * place near the mention, or another of its names in the text or on the page. A cluster word
 * near such a name, or a page about clusters, is no evidence: it is exactly where a generic
 * phrase turns up as a part of another organisation's name ("Clúster de Energía de …").
 *
 * - `phrase`: a cluster word (cluster, valley, klaster, pôle…) and one or two sector words,
 *   nothing else but function words: no place, no brand ("Cluster Medizintechnik", "Health
 *   Valley", "Klaster IT", "Clúster de Energía").
 * - `abbreviation`: a single short token in capitals that ordinary text also writes in
 *   capitals, so its letter case is no evidence either: a legal form, a common abbreviation,
 *   a word shops and headlines print in capitals ("ASA", "SIM", "MEGA"). Words that are rarely
 *   in capitals (NET, MADE, NODE) are not here: their capitals are a signal, so a cluster word
 *   near them is enough (the weaker `needsContext` class).
 *
 * The lists are short by design, per language, lower case with diacritics (folded when used).
 */

import { CLUSTER_WORD_STEM } from '../matcher/cluster-words';

export type GenericClass = 'phrase' | 'abbreviation';

/**
 * Sector words a generic cluster name is made of, besides the common words alias-rules.ts
 * already knows. Only words that name a field of activity: never a place or a brand.
 */
export const SECTOR_WORDS: Record<string, readonly string[]> = {
  en: [
    'agrifood',
    'automation',
    'battery',
    'biomass',
    'cosmetics',
    'cyber',
    'cybersecurity',
    'data',
    'drone',
    'drones',
    'ehealth',
    'furniture',
    'hydrogen',
    'ict',
    'it',
    'medtech',
    'mechatronics',
    'nanotechnology',
    'nutrition',
    'pharma',
    'robotics',
    'solar',
    'tourism',
    'wine',
  ],
  de: [
    'automobil',
    'biotechnologie',
    'chemie',
    'ernährung',
    'gesundheitswirtschaft',
    'informationstechnik',
    'kunststoffe',
    'maschinenbau',
    'medizintechnik',
    'mobilität',
    'optik',
    'photonik',
    'textil',
    'wasserstoff',
  ],
  fr: [
    'aéronautique',
    'agroalimentaire',
    'automobile',
    'bois',
    'cosmétique',
    'numérique',
    'textile',
    'tourisme',
    'eau',
  ],
  es: [
    'agroalimentario',
    'alimentación',
    'aeronáutico',
    'audiovisual',
    'biotecnología',
    'construcción',
    'energías',
    'renovables',
    'salud',
    'tic',
    'turismo',
    'vino',
    'hábitat',
    'mueble',
  ],
  it: ['agroalimentare', 'aerospazio', 'chimica', 'meccatronica', 'nautica', 'turismo', 'vino'],
  pl: [
    'budowlany',
    'drzewny',
    'energetyczny',
    'ict',
    'informatyczny',
    'medyczny',
    'meblarski',
    'motoryzacyjny',
    'spożywczy',
    'turystyczny',
  ],
  nl: ['energie', 'gezondheid', 'voeding', 'water', 'zorg'],
  cs: ['energetický', 'nábytkářský', 'strojírenský', 'textilní', 'dřevařský'],
  pt: ['energia', 'saúde', 'turismo', 'calçado', 'têxtil', 'vinho'],
  nordic: ['helse', 'hälsa', 'energia', 'terveys', 'vesi', 'vand', 'vann'],
};

/**
 * Short tokens ordinary text writes in capitals: legal forms, everyday abbreviations, words
 * shops and headlines print in capitals. An acronym spelled like one of these needs strong
 * evidence.
 */
export const CAPITALISED_WORDS: Record<string, readonly string[]> = {
  en: [
    'ai',
    'api',
    'can',
    'ceo',
    'cet',
    'eu',
    'faq',
    'gps',
    'hr',
    'ict',
    'ioc',
    'iot',
    'it',
    'led',
    'max',
    'mega',
    'pdf',
    'pro',
    'rd',
    'sim',
    'sme',
    'tm',
    'top',
    'usb',
    'vip',
  ],
  // Legal forms: Norwegian and Danish ASA, AS, ApS; Swedish AB; Romance SA, SL, SRL, SpA.
  legal: ['as', 'asa', 'aps', 'ab', 'ag', 'sa', 'sl', 'srl', 'spa', 'sas', 'oy'],
  de: ['kmu', 'ihk', 'tüv'],
  fr: ['pme', 'tva', 'ue', 'cnrs'],
  es: ['pyme', 'iva', 'ue', 'tic'],
  it: ['pmi', 'iva', 'ue'],
  pl: ['msp', 'ue', 'vat'],
};

/**
 * Words that make a phrase a cluster's kind of name: the cluster word in our languages, in any
 * case ending ("Klastra IT", "Clusterul …"), and the words programmes use in its place.
 */
const CLUSTER_HEADS = new Set(['pole', 'polo', 'distretto', 'valley', 'vallee']);

function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * Words alias-rules.ts lists as common only because an organisation is called by them
 * ("Systematic", "Comet", "Clever"): in "pôle Systematic" they are the brand, not a sector.
 */
const NAMES_NOT_SECTORS = new Set([
  'act',
  'chorus',
  'clever',
  'comet',
  'compare',
  'helice',
  'made',
  'magica',
  'net',
  'node',
  'saha',
  'spring',
  'stuns',
  'systematic',
  'topos',
  'woodworks',
]);

const SECTOR = new Set(Object.values(SECTOR_WORDS).flat().map(fold));
const CAPITALISED = new Set(Object.values(CAPITALISED_WORDS).flat().map(fold));

export function isSectorWord(token: string): boolean {
  return SECTOR.has(fold(token));
}

export function isClusterHead(token: string): boolean {
  const f = fold(token);
  return CLUSTER_HEADS.has(f) || CLUSTER_WORD_STEM.test(f);
}

const ABBREVIATION_LETTERS = 5;
// As alias-rules.ts: four content words or more make a phrase specific.
const PHRASE_SECTOR_WORDS = 2;

/**
 * The generic class of a name's tokens, or null. `content`: its tokens without function words;
 * `isCommon`: alias-rules.ts's own common-word test (sector, technology, adjective words).
 */
export function genericClassOf(
  tokens: readonly string[],
  content: readonly string[],
  isCommon: (token: string) => boolean,
): GenericClass | null {
  if (tokens.length === 1) {
    const only = tokens[0] ?? '';
    const capitals = /\p{Lu}/u.test(only) && !/\p{Ll}/u.test(only);
    const letters = only.replace(/\P{L}/gu, '').length;
    return capitals && letters <= ABBREVIATION_LETTERS && CAPITALISED.has(fold(only))
      ? 'abbreviation'
      : null;
  }
  const heads = content.filter(isClusterHead);
  const rest = content.filter((t) => !isClusterHead(t));
  if (heads.length !== 1 || rest.length === 0 || rest.length > PHRASE_SECTOR_WORDS) return null;
  const sector = (t: string) => isSectorWord(t) || (isCommon(t) && !NAMES_NOT_SECTORS.has(fold(t)));
  return rest.every(sector) ? 'phrase' : null;
}
