import type { ClusterRecord, RecordLinks } from './model';

/**
 * What a record's card says about its predecessor or successor (the `successor` columns): the
 * organisation it became, and those that became it. Derived from the active dataset when a card
 * or the popup shows the record; never stored, exported or imported.
 */
export function recordLinks(records: readonly ClusterRecord[], record: ClusterRecord): RecordLinks {
  const next = record.successor
    ? records.find((r) => r.id === record.successor?.id && r.id !== record.id)
    : undefined;
  return {
    successor:
      next && record.successor
        ? { id: next.id, name: next.name, kind: record.successor.kind, year: record.successor.year }
        : null,
    predecessors: records
      .filter((r) => r.successor?.id === record.id && r.id !== record.id)
      .map((r) => ({
        id: r.id,
        name: r.name,
        kind: r.successor?.kind ?? 'renamed',
        year: r.successor?.year ?? null,
      })),
  };
}

/** The record with its links for display, or the record itself when it has none. */
export function withLinks(records: readonly ClusterRecord[], record: ClusterRecord): ClusterRecord {
  const links = recordLinks(records, record);
  return links.successor || links.predecessors.length > 0 ? { ...record, links } : record;
}
