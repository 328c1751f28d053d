import type { ClusterRecord } from './model';

/**
 * What an import would change, organisation by organisation (matched by id), so the user sees
 * it before anything is applied.
 */

export const DIFF_FIELDS = [
  'name',
  'acronym',
  'aliases',
  'country',
  'region',
  'city',
  'label',
  'labelYear',
  'labelValidUntil',
  'eccp',
  'website',
  'sectors',
  'sources',
  'notes',
] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

export interface FieldChange {
  field: DiffField;
  /** The value as text ('' when there is none); lists joined with ", ". */
  before: string;
  after: string;
}

export interface ChangedRecord {
  id: string;
  name: string;
  changes: FieldChange[];
}

export interface DatasetDiff {
  added: ClusterRecord[];
  removed: ClusterRecord[];
  changed: ChangedRecord[];
  unchanged: number;
}

function valuesOf(r: ClusterRecord): Record<DiffField, string> {
  return {
    name: r.name,
    acronym: r.acronym ?? '',
    aliases: r.aliases.join(', '),
    country: r.country ?? '',
    region: r.region ?? '',
    city: r.city ?? '',
    label: r.label.level,
    labelYear: r.label.year === null ? '' : String(r.label.year),
    labelValidUntil: r.label.validUntil ?? '',
    eccp: r.eccp.status,
    website: r.website ?? '',
    sectors: r.sectors.join(', '),
    sources: r.sources.join(', '),
    notes: r.notes,
  };
}

export function diffDatasets(
  before: readonly ClusterRecord[],
  after: readonly ClusterRecord[],
): DatasetDiff {
  const old = new Map(before.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const diff: DatasetDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const record of after) {
    seen.add(record.id);
    const previous = old.get(record.id);
    if (previous === undefined) {
      diff.added.push(record);
      continue;
    }
    const a = valuesOf(previous);
    const b = valuesOf(record);
    const changes = DIFF_FIELDS.filter((f) => a[f] !== b[f]).map((field) => ({
      field,
      before: a[field],
      after: b[field],
    }));
    if (changes.length > 0) diff.changed.push({ id: record.id, name: record.name, changes });
    else diff.unchanged += 1;
  }
  diff.removed = before.filter((r) => !seen.has(r.id));
  return diff;
}
