import { formatNumber } from '~/lib/intl-cache';
import { summarise } from '~/lib/search/summary';
import type { ClusterRecord } from '~/lib/dataset/model';
import { plural, type PluralKey } from '~/utils/plural';

/**
 * The rest of the summary line after the count: " · 12 Gold · 9 Silver · 16 Bronze · 3 label
 * unknown · 21 ECCP members", each part only when there is at least one.
 */
export function ResultsSummary({
  records,
  locale,
}: {
  records: readonly ClusterRecord[];
  locale: string;
}) {
  const summary = summarise(records);
  const parts: [PluralKey, number][] = [
    ['search.summaryGold', summary.gold],
    ['search.summarySilver', summary.silver],
    ['search.summaryBronze', summary.bronze],
    ['search.summaryLabelUnknown', summary.labelUnknown],
    ['search.summaryEccp', summary.eccpMembers],
  ];
  const text = parts
    .filter(([, n]) => n > 0)
    .map(([key, n]) => ` · ${plural(key, n, [formatNumber(n, locale)])}`)
    .join('');
  return <span class="cl-summary">{text}</span>;
}
