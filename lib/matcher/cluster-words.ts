/**
 * Words that say "cluster organisation" in our languages, used as evidence for names that are
 * also ordinary words ("Systematic", "Green Energy", "NET"). Tokens arrive normalised (see
 * normalize.ts): lower case, diacritics folded. The lists are deliberately narrower than a
 * dictionary: a word that often means something else would turn every "Systematic review" near it
 * into a detection, so each choice below says why.
 */

import { isWordUnit, normalizeString } from './normalize';

/** Exact tokens (after folding). Inflected forms are listed where no safe prefix exists. */
const EXACT = new Set([
  // en, de, nl, it, pt, ro, es/ca after folding clúster/clùster; plurals.
  'cluster',
  'clusters',
  'clusteres',
  // ro: articled and plural forms of "cluster".
  'clusterul',
  'clusterului',
  'clustere',
  'clusterele',
  'clusterelor',
  // de: the compounds German uses for cluster bodies (plain "Netzwerk" is left out: it is the
  // everyday word for a computer network in German tech news, next to ".NET" and "ACT").
  'clusterinitiative',
  'clusterorganisation',
  'clustermanagement',
  'clusterverbund',
  'kompetenznetzwerk',
  'innovationsnetzwerk',
  'unternehmensnetzwerk',
  'branchennetzwerk',
  // it: "distretto tecnologico / industriale" (see NOT_AFTER for the administrative senses).
  'distretto',
  'distretti',
  // el: "κλάστερ" (folded), and "σύμπλεγμα" as Greek cluster bodies call themselves.
  'κλαστερ',
  'κλαστερς',
  'συμπλεγμα',
  'συμπλεγματος',
  'συμπλεγματα',
]);

/**
 * Prefixes whose every continuation is a form of the cluster word: Polish, Czech, Slovak,
 * Baltic, Slovene, Croatian and Serbian (klaster, klastra, klastrem, klasteris, klasterio…),
 * Hungarian (klaszter, klaszterek, klaszterben…), Swedish/Finnish (kluster, klustret,
 * klusteri, klusterin…), Danish/Norwegian (klynge, klyngen, klynger), Cyrillic (кластер,
 * клъстер with every case ending) and Turkish "kümelenme" (cluster initiative). Polish
 * "klasztor" (monastery) does not start with any of them.
 */
const PREFIXES = [
  'klaster',
  'klastr',
  'klaszter',
  'kluster',
  'klyng',
  'кластер',
  'клъстер',
  'kumelenme',
];

/**
 * Suffixes of compounds whose head is the cluster word: German/Dutch/Nordic "Umweltcluster",
 * "Luftfahrtcluster", "næringsklynge", "Energiaklusteri" is covered by PREFIXES only when it
 * starts the word, so the Nordic heads are listed here too.
 */
const SUFFIXES = ['cluster', 'clusters', 'klynge', 'klyngen', 'klynga', 'klusteri', 'klusterin'];

/** Compound heads that name a computing or astronomy cluster, not an organisation. */
const NOT_COMPOUND = [
  'server',
  'rechen',
  'computer',
  'daten',
  'stern',
  'galaxien',
  'hpc',
  'gpu',
  'kubernetes',
  'datenbank',
  'hochleistungs',
];

/**
 * A next word that turns "cluster" into statistics, medicine, weapons or computing:
 * "Cluster-Analyse", "cluster analysis", "cluster randomised trial", "cluster headache",
 * "cluster bombs". Checked for every cluster word.
 */
const NOT_AFTER = new Set([
  'analyse',
  'analysen',
  'analysis',
  'analyses',
  'analyze',
  'analysing',
  'analyzing',
  'algorithm',
  'algorithms',
  'algorithmus',
  'randomised',
  'randomized',
  'randomisation',
  'randomization',
  'trial',
  'trials',
  'sampling',
  'sample',
  'samples',
  'headache',
  'headaches',
  'kopfschmerz',
  'kopfschmerzen',
  'bomb',
  'bombs',
  'bombe',
  'bomben',
  'munition',
  'munitions',
  'computing',
  'node',
  'nodes',
  'server',
  'servers',
  'size',
  'sizes',
  // it: "distretto sanitario / scolastico / militare / giudiziario / elettorale".
  'sanitario',
  'scolastico',
  'militare',
  'giudiziario',
  'elettorale',
  'sociosanitario',
  // fr: "pôle Nord", "pôle emploi".
  'nord',
  'sud',
  'emploi',
]);

/** A previous word that makes "cluster" a machine, a sky object or an outbreak. */
const NOT_BEFORE = new Set([
  'server',
  'compute',
  'computer',
  'computing',
  'kubernetes',
  'k8s',
  'hpc',
  'gpu',
  'database',
  'galaxy',
  'star',
  'stellar',
  'globular',
  'open',
  'covid',
  'infection',
  'outbreak',
  'disease',
  'data',
  'failover',
  'redis',
  'kafka',
  'hadoop',
  'spark',
]);

/**
 * Words that are cluster words only with a particular next word, because alone they are common:
 * Italian "polo" (a shirt, a car, Marco Polo) counts as "polo tecnologico / di innovazione";
 * Romanian "pol" as "pol de competitivitate"; French "grappe" (a bunch of grapes) as
 * "grappe d'entreprises / industrielle".
 */
// A Map, not an object: a page word such as "constructor" is no key of it.
const WITH_NEXT: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [
    'polo',
    new Set(['tecnologico', 'di', 'd', 'dell', 'innovativo', 'regionale', 'produttivo', 'ict']),
  ],
  ['poli', new Set(['tecnologici', 'di', 'd', 'innovativi'])],
  ['pol', new Set(['de'])],
  ['grappe', new Set(['d', 'industrielle', 'industrielles', 'entreprises'])],
]);

/**
 * French "pôle" (pôle de compétitivité) folds to "pole", which is an English and a Polish
 * ("field") word, so it counts only where the page wrote the circumflex.
 */
const NEEDS_CIRCUMFLEX = new Set(['pole', 'poles']);

/** Two units as one number, for the sets below. */
const pair = (a: number, b: number) => (a << 16) | b;

/** The first two units of every word the rules below can accept, and the last two of the suffixes. */
const FIRST_PAIRS = new Set(
  [...EXACT, ...PREFIXES, ...WITH_NEXT.keys(), ...NEEDS_CIRCUMFLEX].map((w) =>
    pair(w.charCodeAt(0), w.charCodeAt(1)),
  ),
);
const LAST_PAIRS = new Set(
  SUFFIXES.map((w) => pair(w.charCodeAt(w.length - 2), w.charCodeAt(w.length - 1))),
);

/**
 * False for most words, cheaply: a word that starts as no listed word or prefix does and ends as
 * no suffix does is no cluster word, whatever its neighbours.
 */
function mayBeClusterWord(token: string): boolean {
  if (token.length < 2) return false;
  return (
    FIRST_PAIRS.has(pair(token.charCodeAt(0), token.charCodeAt(1))) ||
    LAST_PAIRS.has(pair(token.charCodeAt(token.length - 2), token.charCodeAt(token.length - 1)))
  );
}

/**
 * Punctuation common in Latin text (typographic quotes and dashes, no-break space, ellipsis,
 * guillemets, box drawing…) that splits words as ASCII punctuation does; each is checked below,
 * so one that the normaliser turns into a letter or drops is not taken.
 */
const SPLITTING_PUNCTUATION = [
  ...'\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u201e\u2026\u00ab\u00bb\u00a9\u00ae\u00b0\u00b7\u00d7\u2022\u20ac\u00a3',
  ...Array.from({ length: 0x80 }, (_, k) => String.fromCharCode(0x2500 + k)),
].filter((ch) => {
  const normal = normalizeString(`a${ch}b`);
  return (
    /^a.+b$/su.test(normal) && [...normal.slice(1, -1)].every((c) => !isWordUnit(c.charCodeAt(0)))
  );
});

const SPLITS = new Set(SPLITTING_PUNCTUATION.map((ch) => ch.charCodeAt(0)));

const ASCII_WORD = /^[a-z]+$/;

/** The ASCII words of `words` by their first (or last) two units. */
function byPair(words: Iterable<string>, last: boolean): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const word of words) {
    if (!ASCII_WORD.test(word)) continue;
    const k = last ? word.length - 2 : 0;
    const key = pair(word.charCodeAt(k), word.charCodeAt(k + 1));
    out.set(key, [...(out.get(key) ?? []), word]);
  }
  return out;
}

// "pôle" needs its circumflex, so in ASCII text no word of NEEDS_CIRCUMFLEX counts.
const EXACT_BY_PAIR = byPair([...EXACT, ...WITH_NEXT.keys()], false);
const PREFIX_BY_PAIR = byPair(PREFIXES, false);
const SUFFIX_BY_PAIR = byPair(SUFFIXES, true);
const NONE: readonly string[] = [];

/** Whether text[at, at + word.length) is `word`, in any case (ASCII). */
function writesAt(text: string, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = text.charCodeAt(at + k);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** Per two ASCII units (lower case, 7 bits each): 1 if a word of the lists starts so, 2 ends so. */
const PAIR_FLAGS = new Uint8Array(128 * 128);
const flagPair = (key: number, flag: number) => {
  const at = ((key >> 16) << 7) | (key & 0x7f);
  PAIR_FLAGS[at] = (PAIR_FLAGS[at] ?? 0) | flag;
};
for (const key of [...EXACT_BY_PAIR.keys(), ...PREFIX_BY_PAIR.keys()]) flagPair(key, 1);
for (const key of SUFFIX_BY_PAIR.keys()) flagPair(key, 2);

/**
 * Whether the run of ASCII letters and digits text[start, end) could be a cluster word: once
 * normalised (in lower case) it would pass the word tests of isClusterWordAt, neighbours aside.
 */
export function asciiWordMayCount(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length < 2) return false;
  const a = lower(text.charCodeAt(start));
  const b = lower(text.charCodeAt(start + 1));
  const y = lower(text.charCodeAt(end - 2));
  const z = lower(text.charCodeAt(end - 1));
  if (((PAIR_FLAGS[(a << 7) | b] ?? 0) & 1) === 0 && ((PAIR_FLAGS[(y << 7) | z] ?? 0) & 2) === 0)
    return false;
  const first = pair(a, b);
  for (const word of EXACT_BY_PAIR.get(first) ?? NONE)
    if (word.length === length && writesAt(text, start, word)) return true;
  for (const prefix of PREFIX_BY_PAIR.get(first) ?? NONE)
    if (prefix.length <= length && writesAt(text, start, prefix)) return true;
  const last = pair(y, z);
  for (const suffix of SUFFIX_BY_PAIR.get(last) ?? NONE)
    if (suffix.length < length && writesAt(text, end - suffix.length, suffix)) return true;
  return false;
}

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Whether the code unit is punctuation beyond ASCII that splits words (SPLITTING_PUNCTUATION). */
export function splitsWords(unit: number): boolean {
  return SPLITS.has(unit);
}

/**
 * Whether token `index` of `tokens` (normalised) is a cluster word. `original(index)` returns
 * the token as written on the page, for the checks that need the diacritic.
 */
export function isClusterWordAt(
  tokens: readonly string[],
  index: number,
  original: (index: number) => string,
): boolean {
  const token = tokens[index];
  if (token === undefined || !mayBeClusterWord(token)) return false;
  const next = tokens[index + 1];
  const prev = tokens[index - 1];
  if (next !== undefined && NOT_AFTER.has(next)) return false;

  const withNext = WITH_NEXT.get(token);
  if (withNext) return next !== undefined && withNext.has(next);
  if (NEEDS_CIRCUMFLEX.has(token)) return /[ôÔ]/.test(original(index));

  if (EXACT.has(token) || PREFIXES.some((p) => token.startsWith(p))) {
    return prev === undefined || !NOT_BEFORE.has(prev);
  }
  for (const suffix of SUFFIXES) {
    if (token.length > suffix.length && token.endsWith(suffix)) {
      const head = token.slice(0, -suffix.length);
      return !NOT_COMPOUND.some((h) => head === h || head.endsWith(h));
    }
  }
  return false;
}

/**
 * A word that starts with the cluster word in one of its spellings, in any case ending
 * ("Klastra", "klaszterben", "Clusterul"): for the rules that treat the cluster word apart from
 * the other words of a name (they do not decline it; it makes a phrase a cluster's kind of name).
 * Tested on words folded to lower case.
 */
export const CLUSTER_WORD_STEM =
  /^(?:cluster|klaster|klastr|klaszter|kluster|klyng|кластер|клъстер)/u;
