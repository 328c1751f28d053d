import { LIST_SEPARATOR, type CsvColumn } from './csv-columns';
import type { ClusterRecord } from './model';

/** Marks a JSON file as a Cluster Lens dataset export. */
export const EXPORT_FORMAT = 'cluster-lens-dataset';

/** A record as a row of data/clusters.csv: the inverse of the CSV parser's mapping. */
export function recordToCsvRow(record: ClusterRecord): Record<CsvColumn, string> {
  const member = record.eccp.status === 'member';
  return {
    id: record.id,
    name: record.name,
    acronym: record.acronym ?? '',
    aliases: record.aliases.join(LIST_SEPARATOR),
    country: record.country ?? '',
    region: record.region ?? '',
    city: record.city ?? '',
    label: record.label.level,
    label_year: record.label.year === null ? '' : String(record.label.year),
    label_valid_until: record.label.validUntil ?? '',
    eccp_member: member ? 'yes' : 'unknown',
    eccp_url: member ? (record.eccp.url ?? '') : '',
    website: record.website ?? '',
    sectors: record.sectors.join(LIST_SEPARATOR),
    source_urls: record.sources.join(LIST_SEPARATOR),
    notes: record.notes,
    match: record.match ?? '',
    successor: record.successor?.id ?? '',
    successor_year:
      record.successor?.year === null || record.successor?.year === undefined
        ? ''
        : String(record.successor.year),
    successor_kind: record.successor?.kind ?? '',
  };
}
