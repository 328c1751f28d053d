import { applyMatchOverride, deriveAliasRule, extraMatchForms } from './alias-rules';
import type { AliasRule, ClusterRecord } from './model';
import { nameVariants } from './name-variants';

/**
 * Every name, acronym and alias of every record, plus the extra forms a page is likely to use
 * (a name without its legal form, a half of a "SHORT - Long name" name, and the variants of
 * name-variants.ts: the cluster word declined or moved, a programme prefix or a cluster word
 * dropped), each with the matching rule derived from the text itself and the row's `match`
 * override applied. A variant keeps the name it was made from and its rule (`variant`). The same
 * text listed twice for one organisation is kept once, in its first (strongest) kind.
 */
export function buildAliasTable(records: readonly ClusterRecord[]): AliasRule[] {
  const table: AliasRule[] = [];
  for (const record of records) {
    const seen = new Set<string>();
    const add = (
      text: string,
      kind: AliasRule['kind'],
      variant?: AliasRule['variant'],
      evidenceOnly = false,
      asWritten = false,
    ) => {
      const key = text.normalize('NFC');
      if (seen.has(key)) return;
      seen.add(key);
      // A single word left over from a name, or a brand in another letter case, counts only as
      // written and with evidence: it may as well be a city or a common word.
      const own = deriveAliasRule(text, kind);
      const derived = evidenceOnly
        ? { caseSensitive: true, needsContext: true }
        : { ...own, caseSensitive: own.caseSensitive || asWritten };
      const rule = applyMatchOverride(derived, record.match);
      table.push({ text, id: record.id, kind, ...rule, ...(variant ? { variant } : {}) });
    };
    const written: [string, AliasRule['kind']][] = [[record.name, 'name']];
    if (record.acronym) written.push([record.acronym, 'acronym']);
    for (const alias of record.aliases) written.push([alias, 'alias']);
    for (const [text, kind] of written) add(text, kind);
    const bases: string[] = [];
    for (const [text, kind] of written) {
      if (kind !== 'acronym') bases.push(text);
      for (const extra of extraMatchForms(text)) {
        add(extra.text, extra.kind);
        if (extra.kind !== 'acronym') bases.push(extra.text);
      }
    }
    const places = placesOf(record);
    for (const base of bases) {
      for (const variant of nameVariants(base, places, record.country)) {
        const made = { of: base, rule: variant.rule };
        add(variant.text, 'alias', made, variant.needsEvidence, variant.asWritten);
      }
    }
  }
  return table;
}

const PLACE_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pl'];
const countryNames = new Map<string, string[]>();
let displayNames: Intl.DisplayNames[] | null = null;

/** The record's city, region and country (in the UI languages), lower case. */
function placesOf(record: ClusterRecord): Set<string> {
  const places = new Set<string>();
  for (const place of [record.city, record.region]) if (place) places.add(place.toLowerCase());
  if (record.country) for (const name of countryNamesOf(record.country)) places.add(name);
  return places;
}

function countryNamesOf(code: string): string[] {
  let names = countryNames.get(code);
  if (!names) {
    displayNames ??= PLACE_LANGUAGES.map((l) => new Intl.DisplayNames([l], { type: 'region' }));
    names = displayNames.flatMap((d) => {
      try {
        const name = d.of(code);
        return name ? [name.toLowerCase()] : [];
      } catch {
        return [];
      }
    });
    countryNames.set(code, names);
  }
  return names;
}
