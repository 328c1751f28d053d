import { applyMatchOverride, deriveAliasRule, extraMatchForms } from './alias-rules';
import type { AliasRule, ClusterRecord } from './model';
import { normalizeString } from '../matcher/normalize';
import { gradedName, nameVariants } from './name-variants';
import { inflectingLanguageOf } from '../matcher/inflection';
import { withOtherNames } from './place-names';

export interface AliasTableOptions {
  /**
   * Whether an alias's places (for "named with its city or region") include the place's names
   * in other languages (place-names.ts). Default true; off only to test what they add.
   */
  otherPlaceNames?: boolean;
}

/**
 * Every name, acronym and alias of every record, plus the extra forms a page is likely to use
 * (a name without its legal form, a half of a "SHORT - Long name" name, and the variants of
 * name-variants.ts: the cluster word declined or moved, a programme prefix or a cluster word
 * dropped), each with the matching rule derived from the text itself and the row's `match`
 * override applied. A variant keeps the name it was made from and its rule (`variant`). The same
 * text listed twice for one organisation is kept once, in its first (strongest) kind.
 */
export function buildAliasTable(
  records: readonly ClusterRecord[],
  { otherPlaceNames = true }: AliasTableOptions = {},
): AliasRule[] {
  const table: AliasRule[] = [];
  const elsewhere = namesOwnedByLinkedRows(records);
  const writtenBy = writtenNameOwners(records);
  for (const record of records) {
    const seen = new Set<string>();
    const notMine = elsewhere.get(record.id);
    // As the dataset writes them, then as other languages do ("Catalunya", "Catalonia"…).
    const ownPlaces = otherPlaceNames
      ? withOtherNames(cityAndRegions(record))
      : cityAndRegions(record);
    // The words of its names decline the way its country's language declines them.
    const inflect = inflectingLanguageOf(record.country);
    const add = (
      text: string,
      kind: AliasRule['kind'],
      variant?: AliasRule['variant'],
      evidenceOnly = false,
      asWritten = false,
    ) => {
      const key = text.normalize('NFC');
      if (seen.has(key) || notMine?.has(fold(text))) return;
      seen.add(key);
      // A single word left over from a name, or a brand in another letter case, counts only as
      // written and with evidence: it may as well be a city or a common word.
      const own = deriveAliasRule(text, kind);
      const derived = evidenceOnly
        ? { caseSensitive: true, needsContext: true }
        : { ...own, caseSensitive: own.caseSensitive || asWritten };
      const rule = applyMatchOverride(derived, record.match);
      // Where an alias needs evidence, the organisation's own place near it is some.
      const places = rule.needsContext ? ownPlaces : undefined;
      const push = (aliasText: string, made?: AliasRule['variant']) =>
        table.push({
          text: aliasText,
          id: record.id,
          kind,
          ...rule,
          ...(places && places.length > 0 ? { places } : {}),
          ...(made ? { variant: made } : {}),
          ...(inflect && kind !== 'acronym' ? { inflect } : {}),
        });
      push(text, variant);
      // Its words with a changed stem (Finnish, Estonian) match as it does: same rule, places.
      const graded = inflect && kind !== 'acronym' ? gradedName(text, inflect) : null;
      if (graded === null) return;
      const gradedKey = graded.normalize('NFC');
      if (seen.has(gradedKey) || notMine?.has(fold(graded))) return;
      // A form some row writes is that row's name, written: this one's own comes as written.
      if (writtenBy.has(normalizeString(graded))) return;
      seen.add(gradedKey);
      push(graded, { of: variant?.of ?? text, rule: 'stem-graded' });
    };
    const written: [string, AliasRule['kind']][] = [[record.name, 'name']];
    if (record.acronym) written.push([record.acronym, 'acronym']);
    for (const alias of record.aliases) written.push([alias, 'alias']);
    for (const [text, kind] of written) add(text, kind);
    const bases: string[] = [];
    for (const [text, kind] of written) {
      // A name the linked row owns gives this row no forms of it either.
      if (notMine?.has(fold(text))) continue;
      if (kind !== 'acronym') bases.push(text);
      for (const extra of extraMatchForms(text)) {
        add(extra.text, extra.kind);
        if (extra.kind !== 'acronym') bases.push(extra.text);
      }
    }
    const places = placesOf(record);
    const forms = bases.map((base) => ({ base, onlyCase: false }));
    // An acronym of five letters or more is written in title case in running text ("Litek"):
    // of the variants, an acronym takes that one only.
    for (const [text, kind] of written)
      if (kind === 'acronym' && !notMine?.has(fold(text)))
        forms.push({ base: text, onlyCase: true });
    for (const { base, onlyCase } of forms) {
      for (const variant of nameVariants(base, places, record.country)) {
        if (onlyCase && variant.rule !== 'letter-case') continue;
        // A form made by a rule never takes a name another organisation is written with.
        const owners = writtenBy.get(normalizeString(variant.text));
        if (owners && (owners.size > 1 || !owners.has(record.id))) continue;
        const made = { of: base, rule: variant.rule };
        add(variant.text, 'alias', made, variant.needsEvidence, variant.asWritten);
      }
    }
  }
  return table;
}

/** Who is written with each name (normal form), legal-form and dashed-half forms included. */
function writtenNameOwners(records: readonly ClusterRecord[]): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  const own = (text: string, id: string) => {
    const key = normalizeString(text);
    const ids = owners.get(key) ?? new Set<string>();
    ids.add(id);
    owners.set(key, ids);
  };
  for (const record of records) {
    const written = [record.name, ...(record.acronym ? [record.acronym] : []), ...record.aliases];
    for (const text of written) {
      own(text, record.id);
      for (const extra of extraMatchForms(text)) own(extra.text, record.id);
    }
  }
  return owners;
}

/** The record's city and regions as written (a row may list several regions, `|`-separated). */
export function cityAndRegions(record: Pick<ClusterRecord, 'city' | 'region'>): string[] {
  const out: string[] = [];
  for (const field of [record.city, record.region]) {
    for (const place of (field ?? '').split('|')) {
      const trimmed = place.trim();
      if (trimmed !== '' && !out.includes(trimmed)) out.push(trimmed);
    }
  }
  return out;
}

const PLACE_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pl'];
const countryNames = new Map<string, string[]>();
let displayNames: Intl.DisplayNames[] | null = null;

/**
 * The record's city, region and country (in the UI languages), lower case. The other names of
 * the city and region (place-names.ts) are left out on purpose: here a place makes the rest of a
 * name too plain to be a name ("Cluster Lombardy Life Sciences" from "Lombardy Life Sciences
 * Cluster" of a row in "Lombardia"), and those forms stay as they were.
 */
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

const fold = (text: string) => text.normalize('NFC').toLowerCase().trim();

/**
 * A predecessor and its successor (the `successor` columns) often list each other's names: the
 * successor gives the predecessor's name as a former name, and both may give the same short
 * form. A page's mention then goes to one of them, never both: the predecessor's own name and
 * acronym to the predecessor (its card says what it became), every other shared name to the
 * successor. The names stay in the data; only the alias table leaves them out.
 */
function namesOwnedByLinkedRows(records: readonly ClusterRecord[]): Map<string, Set<string>> {
  const byId = new Map(records.map((r) => [r.id, r]));
  const out = new Map<string, Set<string>>();
  const skip = (id: string, text: string) => {
    const set = out.get(id) ?? new Set<string>();
    set.add(fold(text));
    out.set(id, set);
  };
  for (const before of records) {
    const after = before.successor ? byId.get(before.successor.id) : undefined;
    if (!after) continue;
    const own = [before.name, before.acronym].filter((t): t is string => !!t).map(fold);
    const theirs = new Set(
      [after.name, after.acronym, ...after.aliases].filter((t): t is string => !!t).map(fold),
    );
    for (const text of own) skip(after.id, text);
    for (const text of before.aliases) {
      if (theirs.has(fold(text)) && !own.includes(fold(text))) skip(before.id, text);
    }
  }
  return out;
}
