import type { DiffField } from './dataset-diff';
import type { ClusterRecord } from './model';

/**
 * What an import passes every rule with yet deserves a second look, because it is how a file
 * could slip a lookalike past the user: a name mixing letters of two scripts (`Міnalogic` with
 * a Cyrillic М and І), characters that take no room on screen (zero-width spaces, direction
 * marks), or an "ECCP profile" that is not on the ECCP's site. The preview lists them; the user
 * decides.
 */
export type ImportWarning =
  | { kind: 'mixed-script'; id: string; name: string; field: DiffField; scripts: string[] }
  | { kind: 'invisible'; id: string; name: string; field: DiffField; codePoints: string[] }
  | { kind: 'eccp-host'; id: string; name: string; host: string };

/** The ECCP's own site; its profile pages are there or on a subdomain (www.). */
export const ECCP_HOST = 'clustercollaboration.eu';

/**
 * Scripts whose letters pass for one another or for Latin, by ISO 15924 code (Intl.DisplayNames
 * names them in the user's language). A word mixing any two is suspect; a name with words in
 * two scripts (a local name beside an English one) is not.
 */
const SCRIPTS: readonly [string, RegExp][] = [
  ['Latn', /\p{Script=Latin}/u],
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Armn', /\p{Script=Armenian}/u],
  ['Cher', /\p{Script=Cherokee}/u],
  ['Geor', /\p{Script=Georgian}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
  ['Arab', /\p{Script=Arabic}/u],
];

// Marks are kept with their letters, and invisible characters inside a word do not split it.
const WORD = /[\p{L}\p{M}\p{Default_Ignorable_Code_Point}]+/gu;

/** Characters drawn as nothing: zero-width spaces and joiners, LRM, RLM, ALM, soft hyphens… */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;

function scriptsOfWord(word: string): string[] {
  const found = new Set<string>();
  for (const char of word) {
    const script = SCRIPTS.find(([, pattern]) => pattern.test(char));
    if (script) found.add(script[0]);
  }
  return [...found].sort();
}

/** The scripts mixed within a word of the text, or none. */
export function mixedScripts(text: string): string[] {
  for (const word of text.match(WORD) ?? []) {
    const scripts = scriptsOfWord(word);
    if (scripts.length > 1) return scripts;
  }
  return [];
}

/** The invisible characters of the text, as U+XXXX, each once. */
export function invisibleCharacters(text: string): string[] {
  const found = new Set<string>();
  for (const char of text.match(INVISIBLE) ?? []) {
    found.add(`U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return [...found];
}

function isEccpHost(host: string): boolean {
  return host === ECCP_HOST || host.endsWith(`.${ECCP_HOST}`);
}

/** The text fields of a record, by the preview's field names. */
function textFields(r: ClusterRecord): [DiffField, string[]][] {
  return [
    ['name', [r.name]],
    ['acronym', r.acronym === null ? [] : [r.acronym]],
    ['aliases', r.aliases],
    ['region', r.region === null ? [] : [r.region]],
    ['city', r.city === null ? [] : [r.city]],
    ['sectors', r.sectors],
    ['website', r.website === null ? [] : [r.website]],
    ['eccp', r.eccp.url === null ? [] : [r.eccp.url]],
    ['sources', r.sources],
    ['notes', [r.notes]],
  ];
}

/** Names a page is matched by: where a lookalike would pass for another organisation. */
const NAME_FIELDS: ReadonlySet<DiffField> = new Set<DiffField>(['name', 'acronym', 'aliases']);

export function importWarnings(records: readonly ClusterRecord[]): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  for (const r of records) {
    const about = { id: r.id, name: r.name };
    for (const [field, texts] of textFields(r)) {
      if (NAME_FIELDS.has(field)) {
        const scripts = texts.map(mixedScripts).find((s) => s.length > 0);
        if (scripts) warnings.push({ kind: 'mixed-script', ...about, field, scripts });
      }
      const codePoints = [...new Set(texts.flatMap(invisibleCharacters))];
      if (codePoints.length > 0) warnings.push({ kind: 'invisible', ...about, field, codePoints });
    }
    if (r.eccp.url !== null) {
      const host = new URL(r.eccp.url).hostname;
      if (!isEccpHost(host)) warnings.push({ kind: 'eccp-host', ...about, host });
    }
  }
  return warnings;
}
