/**
 * Words that say "cluster organisation" in our languages, used as evidence for names that are
 * also ordinary words ("Systematic", "Green Energy", "NET"). Tokens arrive normalised (see
 * normalize.ts): lower case, diacritics folded. The lists are deliberately narrower than a
 * dictionary: a word that often means something else would turn every "Systematic review" near it
 * into a detection, so each choice below says why.
 */

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
const WITH_NEXT: Record<string, ReadonlySet<string>> = {
  polo: new Set(['tecnologico', 'di', 'd', 'dell', 'innovativo', 'regionale', 'produttivo', 'ict']),
  poli: new Set(['tecnologici', 'di', 'd', 'innovativi']),
  pol: new Set(['de']),
  grappe: new Set(['d', 'industrielle', 'industrielles', 'entreprises']),
};

/**
 * French "pôle" (pôle de compétitivité) folds to "pole", which is an English and a Polish
 * ("field") word, so it counts only where the page wrote the circumflex.
 */
const NEEDS_CIRCUMFLEX = new Set(['pole', 'poles']);

/** Two units as one number, for the sets below. */
const pair = (a: number, b: number) => (a << 16) | b;

/** The first two units of every word the rules below can accept, and the last two of the suffixes. */
const FIRST_PAIRS = new Set(
  [...EXACT, ...PREFIXES, ...Object.keys(WITH_NEXT), ...NEEDS_CIRCUMFLEX].map((w) =>
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

  const withNext = WITH_NEXT[token];
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
