import Papa from 'papaparse';
import type { ClusterRecord } from './dataset/model';
import { stripControls } from './display-text';
import { isoDay, labelStatus } from './label-status';
import type { Detection } from './messages';

/** The columns of "export the organisations found on this page", for analysts and journalists. */
export const PAGE_EXPORT_COLUMNS = [
  'name',
  'acronym',
  'country',
  'label',
  'label_year',
  'label_status',
  'label_valid_until',
  'eccp',
  'eccp_rule',
  'eccp_url',
  'mentions',
  'matched_text',
  'page_url',
  'exported_on',
  'dataset_as_of',
] as const;

/**
 * The organisations found on a page as CSV, one row each, with the label status as of the
 * export day (computed, as the card shows it: current, expired, undated or not-labelled).
 * Cells that a spreadsheet would run as formulas are escaped.
 */
export function pageDetectionsToCsv(
  detections: readonly Detection[],
  records: ReadonlyMap<string, ClusterRecord>,
  pageUrl: string,
  asOf: string,
  today: Date,
): string {
  const rows = detections.flatMap((d) => {
    const record = records.get(d.id);
    if (!record) return [];
    const status = labelStatus(record.label, today);
    return [
      [
        record.name,
        record.acronym ?? '',
        record.country ?? '',
        record.label.level,
        record.label.year === null ? '' : String(record.label.year),
        status.kind,
        record.label.validUntil ?? '',
        record.eccp.status,
        record.eccp.rule,
        record.eccp.url ?? '',
        String(d.count),
        d.texts.map(stripControls).join(' | '),
        pageUrl,
        isoDay(today),
        asOf,
      ],
    ];
  });
  return Papa.unparse(
    { fields: [...PAGE_EXPORT_COLUMNS], data: rows },
    { newline: '\n', escapeFormulae: true },
  );
}

/** A file name for the export: the page's host and the day. */
export function pageExportFileName(pageUrl: string, today: Date): string {
  let host = 'page';
  try {
    host = new URL(pageUrl).hostname.replace(/[^a-z0-9.-]/gi, '_') || host;
  } catch {
    // Not a URL: keep the generic name.
  }
  return `cluster-lens-${host}-${isoDay(today)}.csv`;
}
