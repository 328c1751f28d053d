/**
 * The dataset model shared by the data build, the content script, the popup and the options page.
 * Everything here is plain data (JSON-serialisable) so it can be bundled, stored and messaged.
 */
import type { InflectingLanguage } from '../matcher/inflection';
import type { VariantRule } from './name-variants';

export const LABEL_LEVELS = ['gold', 'silver', 'bronze'] as const;
/** A Cluster Management Excellence label level that was actually awarded. */
export type AwardedLevel = (typeof LABEL_LEVELS)[number];
/** `none`: a source states the organisation has no label; `unknown`: no source ties a level. */
export type LabelLevel = AwardedLevel | 'none' | 'unknown';

export function isAwarded(level: LabelLevel): level is AwardedLevel {
  return level === 'gold' || level === 'silver' || level === 'bronze';
}

export interface Label {
  level: LabelLevel;
  /** Year of the most recent award a source states; null when none is stated. */
  year: number | null;
  /** End of validity as printed by a source: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null if unpublished. */
  validUntil: string | null;
}

export type EccpStatus = 'member' | 'implied' | 'unknown';

/** Why an ECCP status was derived. `profile-seen`: a profile page was seen (url set). */
export type EccpRule = 'profile-seen' | 'label-after-2019-11' | 'none';

export interface Eccp {
  status: EccpStatus;
  rule: EccpRule;
  url: string | null;
}

/** How an alias may be matched in page text. */
export interface AliasRule {
  /** The alias as written in the dataset. */
  text: string;
  /** The organisation it names. */
  id: string;
  kind: 'name' | 'acronym' | 'alias';
  /** Match only with the exact letter case (acronyms, all-caps and common-word names). */
  caseSensitive: boolean;
  /**
   * Count a match only with evidence: another alias of the same organisation in the same text
   * that does not itself need context, or a cluster word nearby.
   */
  needsContext: boolean;
  /**
   * Set when the alias describes a kind of cluster rather than names one (a generic phrase,
   * `phrase`) or is spelled like a common abbreviation (`abbreviation`; lib/dataset/
   * generic-names.ts): it then counts only with strong evidence, the organisation's own place
   * near it or another of its names in the text or on the page. Implies `needsContext`.
   */
  generic?: 'phrase' | 'abbreviation';
  /**
   * For an alias that needs evidence: the organisation's city and regions as the dataset writes
   * them, then their names in other languages (place-names.ts), so the matcher can tell a
   * mention "named with its city".
   */
  places?: string[];
  /**
   * For a variant the data build made from a written name (lib/dataset/name-variants.ts): the
   * name it was made from and the rule that made it, to show why a page's wording counts.
   */
  variant?: { of: string; rule: VariantRule };
  /**
   * The language whose case endings the words of this alias take on a page ("Dolina Lotnicza"
   * as "Doliny Lotniczej"): set by the data build from the organisation's country, absent for
   * acronyms and for countries whose languages do not decline names (lib/matcher/inflection.ts).
   */
  inflect?: InflectingLanguage;
}

export interface ClusterRecord {
  /** Stable slug id. */
  id: string;
  name: string;
  acronym: string | null;
  /** Other names (former names, local-language names), as written. */
  aliases: string[];
  /** ISO 3166-1 alpha-2, or null when no source states it. */
  country: string | null;
  region: string | null;
  city: string | null;
  sectors: string[];
  website: string | null;
  label: Label;
  eccp: Eccp;
  /** Every page a fact of this record came from (http/https). */
  sources: string[];
  notes: string;
  /**
   * The row's override of the matching rules derived from its aliases (`strict`, `context`,
   * `loose`; lib/dataset/alias-rules.ts), or null for the derived rules.
   */
  match?: 'strict' | 'context' | 'loose' | null;
  /**
   * The organisation this one became, when both are rows: merged into it or renamed to it
   * (data/README.md, "Predecessors and successors"). `year` only where a source prints it.
   */
  successor?: Successor | null;
  /**
   * For display only: the successor's and predecessors' names, added from the active dataset
   * when a card or the popup shows the record (lib/dataset/links.ts). Never in the CSV or an export.
   */
  links?: RecordLinks;
}

/** Another row named on a record's card: what it became, or what became it. */
export interface LinkedName {
  id: string;
  name: string;
  kind: SuccessorKind;
  year: number | null;
}

export interface RecordLinks {
  successor: LinkedName | null;
  predecessors: LinkedName[];
}

export const SUCCESSOR_KINDS = ['merged', 'renamed'] as const;
export type SuccessorKind = (typeof SUCCESSOR_KINDS)[number];

export interface Successor {
  id: string;
  kind: SuccessorKind;
  year: number | null;
}

export interface Dataset {
  /** Schema version of this JSON shape. */
  schema: 1;
  /** Date of the newest dated source the data was compiled from (`YYYY-MM` or `YYYY-MM-DD`). */
  asOf: string;
  /** Where the active dataset came from: the bundle, or a user import. */
  origin: 'bundled' | 'imported';
  /** For an import: when it was applied (ISO date-time) and the file's name, as shown to the user. */
  importedAt?: string;
  sourceName?: string;
  records: ClusterRecord[];
  /** The matcher's input: every name, acronym and alias with its matching rules. */
  aliases: AliasRule[];
}

/**
 * A dataset without its alias table: all the extension pages and the card's lookup need (the
 * pages' matcher has its own copy, data/generated/page-data.json). The bundle ships it as
 * data/generated/records.json, 40 % of dataset.json; an import stored in full is one too.
 */
export type DatasetRecords = Omit<Dataset, 'aliases'>;
