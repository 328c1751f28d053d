import type { ClusterRecord } from '../dataset/model';
import { stripControls } from '../display-text';

/** How a line names a record's label and country, in the UI language. */
export interface ListLineWords {
  /** "Gold", "Gold (expired)", "Label unknown"… */
  label: (record: ClusterRecord) => string;
  /** The country's name, or what says it is not stated. */
  country: (record: ClusterRecord) => string;
  /** Puts name, label and country together ("$1 — $2 — $3"). */
  line: (name: string, label: string, country: string) => string;
}

/**
 * The records as plain text, one per line: name, label, country. Names are cleaned of
 * direction and invisible controls (as the page export does), and of line breaks, so one
 * record is always one line.
 */
export function recordsToListText(records: readonly ClusterRecord[], words: ListLineWords): string {
  return records
    .map((r) =>
      words.line(
        stripControls(r.name).replace(/\s+/g, ' ').trim(),
        words.label(r),
        words.country(r),
      ),
    )
    .join('\n')
    .concat(records.length > 0 ? '\n' : '');
}
