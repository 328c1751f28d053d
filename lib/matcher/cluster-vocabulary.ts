/**
 * Whether a page speaks of clusters as organisations: the labels and their bodies (ESCA, EUCLES,
 * "Gold label"), cluster policy and programme words ("pôle de compétitivité", "Spitzencluster",
 * "krajowy klaster kluczowy"). That is page-level evidence for names that are ordinary words
 * (lib/matcher/evidence.ts), never for generic names. A small list per language, chosen so that a
 * computing page ("Kubernetes cluster management") or a chart ("gold label") does not pass on one
 * loose term: one specific term, or two loose ones, make a page about clusters.
 */

/** Written in capitals only: the bodies behind the labels and the platform. */
const CAPITAL_TERMS = ['ESCA', 'EUCLES', 'ECCP'];

/** One of these alone makes a page about clusters (matched in any letter case). */
const SPECIFIC_TERMS = [
  // en
  'cluster management excellence',
  'european cluster collaboration platform',
  'european secretariat for cluster analysis',
  'cluster organisation',
  'cluster organisations',
  'cluster organization',
  'cluster organizations',
  'cluster excellence',
  // fr
  'pôle de compétitivité',
  'pôles de compétitivité',
  'pole de competitivite',
  'poles de competitivite',
  // de
  'clusterorganisation',
  'clusterorganisationen',
  'clustermanagement',
  'spitzencluster',
  'clusterinitiative',
  'clusterinitiativen',
  'clusterpolitik',
  // it
  'distretto tecnologico',
  'distretti tecnologici',
  'cluster tecnologico nazionale',
  'cluster tecnologici nazionali',
  // es, ca
  'agrupación empresarial innovadora',
  'agrupaciones empresariales innovadoras',
  'clústeres empresariales',
  // pl
  'krajowy klaster kluczowy',
  'krajowe klastry kluczowe',
  'koordynator klastra',
  // cs, sk
  'klastrová organizace',
  'klastrové organizace',
  'klastrová organizácia',
  // da, no, sv
  'klyngeorganisation',
  'klyngeorganisationen',
  'klyngeorganisationer',
  'klyngeorganisasjon',
  'klyngeorganisasjonen',
  'klyngeorganisasjoner',
  'klusterorganisation',
  'klusterorganisationen',
  'klusterorganisationer',
  // hu
  'klaszterszervezet',
  'akkreditált klaszter',
  // pt
  'cluster de competitividade',
  'clusters de competitividade',
];

/**
 * Two different groups of these make a page about clusters: a computing page may well say
 * "cluster management" and "cluster manager", which are one group.
 */
const LOOSE_GROUPS: Record<string, readonly string[]> = {
  label: [
    'gold label',
    'silver label',
    'bronze label',
    'gold-label',
    'silver-label',
    'bronze-label',
    'label gold',
    'label silver',
    'label bronze',
    'goldlabel',
  ],
  management: ['cluster management', 'cluster manager', 'clustermanager', 'cluster policy'],
  members: [
    'cluster members',
    'clusterpartner',
    'członkowie klastra',
    'membri del cluster',
    'socios del clúster',
    'membres du pôle',
  ],
  klynge: ['klynge', 'klyngen', 'klynger', 'klyngens'],
};

const LOOSE_TERMS = Object.values(LOOSE_GROUPS).flat();
const GROUP_OF = new Map(
  Object.entries(LOOSE_GROUPS).flatMap(([group, terms]) => terms.map((t) => [t, group] as const)),
);

const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const fold = (term: string) => term.toLowerCase().replace(/\s+/g, ' ');

/**
 * Every term in one alternation, longest first, matched in one pass without the `u` flag (the
 * flag and look-behinds made the pass three times slower over a page); case-insensitive, since
 * `i` alone folds the accented letters of these terms too. Word edges and the capitals of
 * CAPITAL_TERMS are checked on each hit, which are few.
 */
const ALL_TERMS = new RegExp(
  [...CAPITAL_TERMS, ...SPECIFIC_TERMS, ...LOOSE_TERMS]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|'),
  'gi',
);
const CAPITAL = new Set(CAPITAL_TERMS.map(fold));
const SPECIFIC = new Set(SPECIFIC_TERMS.map(fold));
const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && WORD_CHAR.test(text[index] ?? '');
}

/** Cluster terms found: `!term` for a specific one, else the groups of the loose ones found. */
export function clusterTermsIn(text: string, limit = 8): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(ALL_TERMS)) {
    const start = m.index;
    const written = m[0];
    if (isWordAt(text, start - 1) || isWordAt(text, start + written.length)) continue;
    const term = fold(written);
    if (CAPITAL.has(term)) {
      if (written !== written.toUpperCase()) continue;
      // One specific term decides; more would only make the answer longer.
      return [`!${term}`];
    }
    if (SPECIFIC.has(term)) return [`!${term}`];
    found.add(GROUP_OF.get(term) ?? term);
    if (found.size >= limit) break;
  }
  return [...found];
}
