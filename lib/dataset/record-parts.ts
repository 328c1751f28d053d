import type { ClusterRecord } from './model';

/**
 * The fields of a record the popup lists, filters, sorts, sums up and searches: what it needs
 * for its first results. The rest (website, sources, notes, match, successor: more than half of
 * the bytes) only its details view and CSV export need, so the bundle ships them apart
 * (data/generated/records-list.json and records-details.json) and the popup loads them after
 * its first results are painted.
 */
export const LIST_FIELDS = [
  'id',
  'name',
  'acronym',
  'aliases',
  'country',
  'region',
  'city',
  'sectors',
  'label',
  'eccp',
] as const satisfies readonly (keyof ClusterRecord)[];

export type ListFields = Pick<ClusterRecord, (typeof LIST_FIELDS)[number]>;
export type RecordDetails = Omit<ClusterRecord, (typeof LIST_FIELDS)[number]>;

const isListField = (key: string) => (LIST_FIELDS as readonly string[]).includes(key);

/** Each record as its list fields and the rest, in the same order. */
export function splitRecords(records: readonly ClusterRecord[]): {
  list: ListFields[];
  details: RecordDetails[];
} {
  const list: ListFields[] = [];
  const details: RecordDetails[] = [];
  for (const record of records) {
    const entries = Object.entries(record);
    list.push(Object.fromEntries(entries.filter(([k]) => isListField(k))) as ListFields);
    details.push(Object.fromEntries(entries.filter(([k]) => !isListField(k))) as RecordDetails);
  }
  return { list, details };
}

/**
 * Gives records made of their list fields the rest, in place: the objects stay the same, so
 * whatever already holds them (the popup's list, search and caches) sees them whole.
 */
export function joinDetails(records: readonly ClusterRecord[], details: readonly RecordDetails[]) {
  if (details.length !== records.length) {
    throw new Error(`${details.length} records' details for ${records.length} records`);
  }
  records.forEach((record, i) => Object.assign(record, details[i]));
}
