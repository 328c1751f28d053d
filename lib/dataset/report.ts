import { labelStatus } from '../label-status';
import type { AliasRule, Dataset, EccpStatus, LabelLevel } from './model';
import { VARIANT_RULES, type VariantRule } from './name-variants';
import { INFLECTING_LANGUAGES, type InflectingLanguage } from '../matcher/inflection';
import { otherNamesOf } from './place-names';

export interface DataReport {
  records: number;
  sourced: number;
  byLabel: Record<LabelLevel, number>;
  labelStatus: { current: number; expired: number; undated: number };
  eccp: Record<EccpStatus, number>;
  /** Rows per country code (`none`: no country stated), largest first. */
  byCountry: Record<string, number>;
  /** How many names (name, acronym, aliases) organisations have: `{ "1": rows with one, … }`. */
  namesPerOrganisation: Record<string, number>;
  /** Rows linked to a successor (a predecessor shown with what it became). */
  withSuccessor: number;
}

/** Counts of the dataset, with label status as of `on`. */
export function dataReport(dataset: Pick<Dataset, 'records'>, on: Date): DataReport {
  const report: DataReport = {
    records: dataset.records.length,
    sourced: 0,
    byLabel: { gold: 0, silver: 0, bronze: 0, none: 0, unknown: 0 },
    labelStatus: { current: 0, expired: 0, undated: 0 },
    eccp: { member: 0, implied: 0, unknown: 0 },
    byCountry: {},
    namesPerOrganisation: {},
    withSuccessor: 0,
  };
  const countries = new Map<string, number>();
  const names = new Map<number, number>();
  for (const record of dataset.records) {
    if (record.sources.length > 0) report.sourced += 1;
    report.byLabel[record.label.level] += 1;
    const status = labelStatus(record.label, on);
    if (status.kind !== 'not-labelled') report.labelStatus[status.kind] += 1;
    report.eccp[record.eccp.status] += 1;
    const country = record.country ?? 'none';
    countries.set(country, (countries.get(country) ?? 0) + 1);
    const count = new Set([record.name, record.acronym, ...record.aliases].filter(Boolean)).size;
    names.set(count, (names.get(count) ?? 0) + 1);
    if (record.successor) report.withSuccessor += 1;
  }
  for (const [country, n] of [...countries].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  )) {
    report.byCountry[country] = n;
  }
  for (const [count, n] of [...names].sort((a, b) => a[0] - b[0])) {
    report.namesPerOrganisation[String(count)] = n;
  }
  return report;
}

export interface AliasReport {
  total: number;
  /** Names, acronyms and aliases as the data writes them, legal-form and dashed-half forms included. */
  written: number;
  /** Variants made by each rule of name-variants.ts. */
  byVariantRule: Record<VariantRule, number>;
  /** How they may match (alias-rules.ts): as written only, and only with evidence. */
  caseSensitive: number;
  needsContext: number;
  /**
   * The evidence each alias needs to count (evidence.ts): none (`distinctive`), any
   * (`needsContext`, weak: a cluster word near is enough), or strong for the generic classes
   * (`genericPhrase`, `commonAbbreviation`: its own place or another of its names).
   */
  byEvidenceClass: {
    distinctive: number;
    needsContext: number;
    genericPhrase: number;
    commonAbbreviation: number;
  };
  /** Aliases needing evidence that carry their organisation's place (city, region). */
  withPlace: number;
  /** Of those, the ones whose place is also given in other languages (place-names.ts). */
  withPlaceInOtherLanguages: number;
  /** Aliases whose words decline, per language of inflection.ts. */
  byInflection: Record<InflectingLanguage, number>;
}

/** Counts of the alias table: what the data writes, what the rules add, how each may match. */
export function aliasReport(aliases: readonly AliasRule[]): AliasReport {
  const byVariantRule = Object.fromEntries(VARIANT_RULES.map((r) => [r, 0])) as Record<
    VariantRule,
    number
  >;
  const report: AliasReport = {
    total: aliases.length,
    written: 0,
    byVariantRule,
    caseSensitive: 0,
    needsContext: 0,
    byEvidenceClass: { distinctive: 0, needsContext: 0, genericPhrase: 0, commonAbbreviation: 0 },
    withPlace: 0,
    withPlaceInOtherLanguages: 0,
    byInflection: Object.fromEntries(INFLECTING_LANGUAGES.map((l) => [l, 0])) as Record<
      InflectingLanguage,
      number
    >,
  };
  const classes = report.byEvidenceClass;
  for (const alias of aliases) {
    if (alias.variant) report.byVariantRule[alias.variant.rule] += 1;
    else report.written += 1;
    if (alias.caseSensitive) report.caseSensitive += 1;
    if (alias.needsContext) report.needsContext += 1;
    if (alias.generic === 'phrase') classes.genericPhrase += 1;
    else if (alias.generic === 'abbreviation') classes.commonAbbreviation += 1;
    else if (alias.needsContext) classes.needsContext += 1;
    else classes.distinctive += 1;
    if (alias.needsContext && alias.places && alias.places.length > 0) {
      report.withPlace += 1;
      const places = new Set(alias.places);
      if (alias.places.some((p) => otherNamesOf(p).some((o) => places.has(o))))
        report.withPlaceInOtherLanguages += 1;
    }
    if (alias.inflect) report.byInflection[alias.inflect] += 1;
  }
  return report;
}
