import { isAwarded, type ClusterRecord } from './dataset/model';
import { labelStatus } from './label-status';
import type { MarkCategory } from './settings';

/**
 * How a mention is marked: its label level, `expired` when the printed validity has passed, or
 * `unlabelled` (no label, or none known). An undated label keeps its level: expiry is never guessed.
 */
export function markCategory(record: Pick<ClusterRecord, 'label'>, on: Date): MarkCategory {
  if (!isAwarded(record.label.level)) return 'unlabelled';
  return labelStatus(record.label, on).kind === 'expired' ? 'expired' : record.label.level;
}
