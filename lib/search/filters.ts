import { isAwarded, type ClusterRecord, type EccpStatus, type LabelLevel } from '../dataset/model';
import { labelStatus, type LabelStatus } from '../label-status';

/** The popup's filters; null means "any". */
export interface Filters {
  level: LabelLevel | null;
  /** current, expired, undated (awarded, no validity published) or not-labelled. */
  validity: LabelStatus['kind'] | null;
  country: string | null;
  eccp: EccpStatus | null;
  /** One of the record's sectors. */
  sector: string | null;
  /** One of the record's regions (a record may name several: `Bretagne|Pays de la Loire`). */
  region: string | null;
}

export const NO_FILTERS: Filters = {
  level: null,
  validity: null,
  country: null,
  eccp: null,
  sector: null,
  region: null,
};

export type FilterName = keyof Filters;

/** Filters a record has several values for: it passes when one of them is the chosen one. */
type MultiValued = 'sector' | 'region';

/** The values a record has for each filter: one (or null) each, a list for sector and region. */
export type FilterValues = { [K in Exclude<FilterName, MultiValued>]: Filters[K] } & {
  [K in MultiValued]: string[];
};

export type Facets = {
  [K in FilterName]: Map<NonNullable<Filters[K]>, number>;
};

/**
 * A value that says nothing is known is not a value to filter by: a record without a sector
 * (or region) is simply not matched by a sector (or region) filter.
 */
/** Counts of nothing: no value of any filter. */
export function noFacets(): Facets {
  return {
    level: new Map(),
    validity: new Map(),
    country: new Map(),
    eccp: new Map(),
    sector: new Map(),
    region: new Map(),
  };
}

function known(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of values) {
    const value = raw.trim();
    if (value !== '' && value.toLowerCase() !== 'unknown' && !out.includes(value)) out.push(value);
  }
  return out;
}

/** The record's regions: the dataset lists several separated by `|`. */
export function regionsOf(record: ClusterRecord): string[] {
  return record.region === null ? [] : known(record.region.split('|'));
}

export function sectorsOf(record: ClusterRecord): string[] {
  return known(record.sectors);
}

/** The values a record has for each filter, on a given day. */
export function filterValues(record: ClusterRecord, today: Date): FilterValues {
  return {
    level: record.label.level,
    validity: isAwarded(record.label.level)
      ? labelStatus(record.label, today).kind
      : 'not-labelled',
    country: record.country,
    eccp: record.eccp.status,
    sector: sectorsOf(record),
    region: regionsOf(record),
  };
}

/**
 * filterValues per record for one day, kept while the record lives: the popup filters the
 * same records on every keystroke, and working out label status and lists again each time
 * cost more than the search itself.
 */
const cached = new WeakMap<ClusterRecord, { day: number; values: FilterValues }>();

function valuesOn(record: ClusterRecord, today: Date, day: number): FilterValues {
  const hit = cached.get(record);
  if (hit && hit.day === day) return hit.values;
  const values = filterValues(record, today);
  cached.set(record, { day, values });
  return values;
}

const NAMES: readonly FilterName[] = Object.keys(NO_FILTERS) as FilterName[];

function passes(name: FilterName, chosen: string | null, values: FilterValues): boolean {
  if (chosen === null) return true;
  const value = values[name];
  return Array.isArray(value) ? value.includes(chosen) : value === chosen;
}

/**
 * The records that pass every filter, and for each filter the count each value would have with
 * that filter changed and the others kept (the usual faceted-search counts), so a count says
 * what choosing that value would show.
 */
export function applyFilters<T extends { record: ClusterRecord }>(
  items: readonly T[],
  filters: Filters,
  today: Date,
): { items: T[]; facets: Facets } {
  const facets = noFacets();
  const active = NAMES.filter((n) => filters[n] !== null);
  const day = Math.floor(today.getTime() / 86_400_000);
  const kept: T[] = [];
  for (const item of items) {
    const values = valuesOn(item.record, today, day);
    let failing: FilterName | null = null;
    let failures = 0;
    for (const name of active) {
      if (passes(name, filters[name], values)) continue;
      failing = name;
      if (++failures > 1) break;
    }
    if (failures === 0) kept.push(item);
    // Counted for a filter when only that filter (or none) rejects the record.
    if (failures > 1) continue;
    for (const name of NAMES) {
      if (failures === 1 && failing !== name) continue;
      const map = facets[name] as Map<string, number>;
      const value = values[name];
      if (Array.isArray(value)) for (const v of value) map.set(v, (map.get(v) ?? 0) + 1);
      else if (value !== null) map.set(value, (map.get(value) ?? 0) + 1);
    }
  }
  return { items: kept, facets };
}
