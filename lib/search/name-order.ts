import type { ClusterRecord } from '../dataset/model';
import { sortByName } from './sort';

/**
 * The bundled records' name order in each UI language, worked out at build time
 * (data/generated/name-order.json), so the popup need not sort 1,096 names with the collator
 * at every open: it checks the order instead (one comparison a record, see `isNameOrder` in
 * sort.ts) and sorts only if the check fails, as it will where the browser's collation differs
 * from the build's (another ICU version).
 */
export interface NameOrders {
  /** Locale → its order in `orders` (languages whose orders agree share one). */
  locales: Record<string, number>;
  /** Each an order of the records: their indices, first name first. */
  orders: number[][];
}

export function buildNameOrders(
  records: readonly ClusterRecord[],
  locales: readonly string[],
): NameOrders {
  const index = new Map(records.map((r, i) => [r, i]));
  const out: NameOrders = { locales: {}, orders: [] };
  const seen = new Map<string, number>();
  for (const locale of locales) {
    const order = sortByName(records, locale).map((r) => index.get(r)!);
    const key = order.join(',');
    let at = seen.get(key);
    if (at === undefined) {
      at = out.orders.push(order) - 1;
      seen.set(key, at);
    }
    out.locales[locale] = at;
  }
  return out;
}

/** The order for a locale (`en-US` takes `en`'s), or undefined when the build made none. */
export function nameOrderFor(orders: NameOrders, locale: string): readonly number[] | undefined {
  const at = orders.locales[locale] ?? orders.locales[locale.toLowerCase().split(/[-_]/)[0]!];
  return at === undefined ? undefined : orders.orders[at];
}
