/**
 * Ordinary words, per language, that organisations write in capitals or join into camel-case
 * brands ("DREAM", "SMILE", "STERN", "BioMed", "CleanTech"). Written in another letter case such a
 * word is still a word, so its case is what tells the name apart: the letter-case variant of a
 * name (name-variants.ts) counts only with evidence when it holds one. A word found in none of
 * these lists nor among the sector words of alias-rules.ts is taken for invented ("ELINCLUS",
 * "SECPhO", "bioPmed"), and its case then says nothing: "Elinclus" counts as "ELINCLUS" does.
 *
 * Small on purpose: only words of the kind names are made of, lower case, diacritics folded.
 * A missed word costs a match written in another case without evidence; the `match` column of
 * the CSV is there for that.
 */
const ORDINARY_WORDS: Record<string, readonly string[]> = {
  // Parts of camel-case brands: each is a word or a prefix people read as one.
  parts: [
    'aero',
    'agri',
    'agro',
    'alu',
    'aqua',
    'auto',
    'bio',
    'city',
    'clean',
    'cyber',
    'data',
    'deep',
    'digi',
    'eco',
    'edu',
    'energ',
    'forum',
    'geo',
    'green',
    'hub',
    'info',
    'inno',
    'lab',
    'labs',
    'life',
    'logi',
    'med',
    'medi',
    'meta',
    'micro',
    'mobil',
    'nano',
    'net',
    'neuro',
    'opto',
    'park',
    'pharma',
    'photo',
    'poly',
    'pro',
    'regio',
    'smart',
    'solar',
    'tech',
    'tec',
    'top',
    'valley',
    'wind',
    'wood',
    'web',
  ],
  en: [
    'alpha',
    'arena',
    'aries',
    'atlas',
    'bridge',
    'business',
    'center',
    'centre',
    'cluster',
    'comet',
    'create',
    'creative',
    'delta',
    'dream',
    'facts',
    'focus',
    'forum',
    'frontier',
    'future',
    'gamma',
    'global',
    'health',
    'heart',
    'human',
    'image',
    'impact',
    'magnet',
    'motion',
    'nexus',
    'omega',
    'orbit',
    'pilot',
    'pioneer',
    'power',
    'prime',
    'pulse',
    'quest',
    'sigma',
    'smile',
    'space',
    'spark',
    'stress',
    'summit',
    'terra',
    'titan',
    'tower',
    'vector',
    'vision',
    'vital',
    'world',
  ],
  de: ['stern', 'kraft', 'chemie', 'zukunft', 'werk', 'netz', 'brücke', 'energie'],
  fr: ['vallée', 'avenir', 'terre', 'étoile', 'pôle', 'monde', 'alpes', 'rhône'],
  es: ['futuro', 'tierra', 'estrella', 'puente', 'mundo', 'agora'],
  it: ['futuro', 'terra', 'stella', 'ponte', 'mondo', 'agire', 'alisei'],
  la: ['imago', 'mater', 'terra', 'vita', 'nova', 'nexus', 'aurora', 'gauss'],
  pl: ['przyszłość', 'ziemia', 'gwiazda', 'most', 'świat', 'dolina'],
  cs: ['mesta', 'město', 'hvězda', 'svět', 'budoucnost'],
  nordic: ['viken', 'fremtid', 'stjerne', 'verden', 'broen'],
  // Places that are names of something else as often: a region written in title case is a region.
  places: ['styria', 'latvia', 'latvijas', 'rhone', 'georg', 'catalan', 'europa', 'baltic'],
};

const fold = (word: string) =>
  word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

const ORDINARY = new Set(Object.values(ORDINARY_WORDS).flat().map(fold));

/** Whether `word` (any case) is one of the ordinary words above. */
export function isOrdinaryWord(word: string): boolean {
  return ORDINARY.has(fold(word));
}

/** `bioPmed` → bio, Pmed; `SECPhO` → SEC, Ph, O; `CleanTech` → Clean, Tech. */
export function camelParts(word: string): string[] {
  return word.match(/\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|\p{N}+/gu) ?? [word];
}
