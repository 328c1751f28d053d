import { isAwarded, type ClusterRecord, type EccpStatus, type LabelLevel } from '../dataset/model';
import { labelStatus, type LabelStatus } from '../label-status';

/** The popup's filters; null means "any". */
export interface Filters {
  level: LabelLevel | null;
  /** current, expired, undated (awarded, no validity published) or not-labelled. */
  validity: LabelStatus['kind'] | null;
  country: string | null;
  eccp: EccpStatus | null;
}

export const NO_FILTERS: Filters = { level: null, validity: null, country: null, eccp: null };

export type FilterName = keyof Filters;

type Facets = {
  [K in FilterName]: Map<NonNullable<Filters[K]>, number>;
};

/** The values a record has for each filter, on a given day. */
export function filterValues(
  record: ClusterRecord,
  today: Date,
): { [K in FilterName]: Filters[K] } {
  return {
    level: record.label.level,
    validity: isAwarded(record.label.level)
      ? labelStatus(record.label, today).kind
      : 'not-labelled',
    country: record.country,
    eccp: record.eccp.status,
  };
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
  const facets: Facets = {
    level: new Map(),
    validity: new Map(),
    country: new Map(),
    eccp: new Map(),
  };
  const names = Object.keys(facets) as FilterName[];
  const kept: T[] = [];
  for (const item of items) {
    const values = filterValues(item.record, today);
    const failing = names.filter((n) => filters[n] !== null && filters[n] !== values[n]);
    if (failing.length === 0) kept.push(item);
    for (const name of names) {
      // Counted for a filter when only that filter (or none) rejects the record.
      if (failing.length > 1 || (failing.length === 1 && failing[0] !== name)) continue;
      const value = values[name];
      if (value === null) continue;
      const map = facets[name] as Map<string, number>;
      map.set(value, (map.get(value) ?? 0) + 1);
    }
  }
  return { items: kept, facets };
}
