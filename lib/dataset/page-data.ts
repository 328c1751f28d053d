import {
  compileMatcher,
  deserializeMatcher,
  serializeMatcher,
  type CompiledMatcher,
  type SerializedMatcher,
} from '../matcher';
import type { AliasRule, ClusterRecord, Dataset } from './model';

/**
 * What a page needs to find and mark mentions: the alias table and, per organisation, its id,
 * name and label. The rest of a record (sources, notes…) is fetched when a card opens, so the
 * script injected into every page stays small. The bundled dataset also ships its matcher
 * prebuilt, since rebuilding the automaton costs every page far more than reading it.
 */
export interface PageData {
  asOf: string;
  records: Pick<ClusterRecord, 'id' | 'name' | 'label'>[];
  aliases: AliasRule[];
  /**
   * Identifies the alias table, so the background's quick check (which keeps its own copy of the
   * active dataset) can tell it is checking a page against the same table as the page.
   */
  fingerprint: string;
  /** The compiled matcher for `aliases` as they are (its own alias list left empty). */
  matcher?: SerializedMatcher;
}

export function toPageData(dataset: Dataset, prebuild = false): PageData {
  const data: PageData = {
    asOf: dataset.asOf,
    records: dataset.records.map(({ id, name, label }) => ({ id, name, label })),
    aliases: dataset.aliases,
    fingerprint: aliasFingerprint(dataset.aliases),
  };
  if (prebuild)
    data.matcher = { ...serializeMatcher(compileMatcher(dataset.aliases)), aliases: [] };
  return data;
}

/**
 * The matcher for a page: the prebuilt one when the page uses the aliases unchanged, else one
 * compiled for the page's own alias list (after acronym strictness and suppressions).
 */
export function pageMatcher(data: PageData, aliases: readonly AliasRule[]): CompiledMatcher {
  const unchanged =
    aliases.length === data.aliases.length && aliases.every((a, i) => a === data.aliases[i]);
  if (data.matcher && unchanged)
    return deserializeMatcher({ ...data.matcher, aliases: data.aliases });
  return compileMatcher(aliases);
}

/**
 * A short hash (FNV-1a, 32 bits, plus the count) of what matching depends on in an alias table:
 * each alias's organisation, text, letter-case rule and inflection language. Context rules are left out on purpose:
 * the quick check ignores evidence.
 */
export function aliasFingerprint(aliases: readonly AliasRule[]): string {
  let hash = 0x811c9dc5;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
  };
  // Fields end with a NUL, which no alias contains, so `ab`+`c` and `a`+`bc` differ.
  for (const alias of aliases)
    mix(`${alias.id}\0${alias.text}\0${alias.caseSensitive ? 1 : 0}\0${alias.inflect ?? ''}\0`);
  return `${aliases.length}:${(hash >>> 0).toString(16)}`;
}
