import type { ClusterRecord } from '~/lib/dataset/model';

/** A minimal valid record for unit tests; pass only the fields a test is about. */
export function testRecord(over: Partial<ClusterRecord>): ClusterRecord {
  return {
    id: 'x',
    name: 'X',
    acronym: null,
    aliases: [],
    country: null,
    region: null,
    city: null,
    sectors: [],
    website: null,
    label: { level: 'unknown', year: null, validUntil: null },
    eccp: { status: 'unknown', rule: 'none', url: null },
    sources: ['https://example.org'],
    notes: '',
    ...over,
  };
}
