import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClusterRecord, DatasetRecords } from '~/lib/dataset/model';
import { buildNameOrders, nameOrderFor } from '~/lib/search/name-order';
import { isNameOrder, sortByName } from '~/lib/search/sort';

const list = JSON.parse(readFileSync('data/generated/records-list.json', 'utf8')) as DatasetRecords;
const records = list.records;
const built = JSON.parse(readFileSync('data/generated/name-order.json', 'utf8')) as ReturnType<
  typeof buildNameOrders
>;
const ids = (rs: readonly ClusterRecord[]) => rs.map((r) => r.id);
const en = new Intl.Collator('en').compare;

/** Records with just these names, in this order. */
const named = (...names: string[]) =>
  names.map((name, i) => ({ ...records[0]!, id: `r${i}`, name }) as ClusterRecord);

describe('the name order worked out at build time', () => {
  it('is what the popup would sort to, checked with one comparison a record', () => {
    const order = nameOrderFor(built, 'en-US')!;
    expect(order).toBe(built.orders[built.locales.en!]);
    let comparisons = 0;
    const counting = (a: string, b: string) => (comparisons++, en(a, b));
    expect(isNameOrder(records, order, counting)).toBe(true);
    expect(comparisons).toBe(records.length - 1);
    expect(ids(sortByName(records, 'en-US', order))).toEqual(ids(sortByName(records, 'en-US')));
  });

  it('is not used where this collator orders the names otherwise', () => {
    // Polish has letters of its own ("ó" after "o", "ł" after "l"), English sorts them with
    // "o" and "l": the build's Polish order fails an English check, as an order made with
    // another ICU version would.
    const pl = nameOrderFor(built, 'pl')!;
    expect(pl).not.toEqual(nameOrderFor(built, 'en'));
    expect(isNameOrder(records, pl, en)).toBe(false);
    expect(ids(sortByName(records, 'en', pl))).toEqual(ids(sortByName(records, 'en')));
  });

  it('is not used when two names are out of order, a record is missing or twice, or ties are swapped', () => {
    const rs = named('Beta', 'Alpha', 'Gamma', 'Alpha');
    expect(isNameOrder(rs, [1, 3, 0, 2], en)).toBe(true);
    expect(isNameOrder(rs, [1, 3, 2, 0], en)).toBe(false);
    expect(isNameOrder(rs, [1, 3, 0], en)).toBe(false);
    expect(isNameOrder(rs, [1, 1, 0, 2], en)).toBe(false);
    expect(isNameOrder(rs, [1, 3, 0, 4], en)).toBe(false);
    expect(isNameOrder(rs, [1, 3, 0, 2.5], en)).toBe(false);
    // Equal names keep the records' order, as the stable sort keeps them.
    expect(isNameOrder(rs, [3, 1, 0, 2], en)).toBe(false);
    expect(ids(sortByName(rs, 'en', [3, 1, 0, 2]))).toEqual(['r1', 'r3', 'r0', 'r2']);
    expect(ids(sortByName(rs, 'en', [0, 1, 2, 3]))).toEqual(['r1', 'r3', 'r0', 'r2']);
  });

  it('is made once for languages that agree, and found for a regional locale', () => {
    const orders = buildNameOrders(named('Łódź', 'Lyon', 'Zagreb'), ['en', 'de', 'pl']);
    expect(orders.orders).toEqual([
      [0, 1, 2],
      [1, 0, 2],
    ]);
    expect(orders.locales).toEqual({ en: 0, de: 0, pl: 1 });
    expect(nameOrderFor(orders, 'pl-PL')).toEqual([1, 0, 2]);
    expect(nameOrderFor(orders, 'pt-BR')).toBeUndefined();
  });
});
