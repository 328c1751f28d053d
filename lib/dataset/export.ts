import Papa from 'papaparse';
import { CSV_COLUMNS } from './csv-columns';
import { buildAliasTable } from './alias-table';
import type { AliasRule, ClusterRecord, Dataset, DatasetRecords } from './model';
import { EXPORT_FORMAT, recordToCsvRow } from './csv-row';
import { DEFUSE } from './spreadsheet-formula';

export { EXPORT_FORMAT, recordToCsvRow };

export interface CsvExportOptions {
  /**
   * Prefix cells that start with = + - @ (or a tab or return) with an apostrophe, so a
   * spreadsheet opening the file does not run them as formulas (see spreadsheet-formula.ts:
   * our import takes the apostrophe off again). On by default.
   */
  escapeFormulae?: boolean;
}

/** The records in the columns and order of data/clusters.csv, lists joined with `|`. */
export function recordsToCsv(
  records: readonly ClusterRecord[],
  options: CsvExportOptions = {},
): string {
  return (
    Papa.unparse(
      {
        fields: [...CSV_COLUMNS],
        data: records.map((r) => CSV_COLUMNS.map((c) => recordToCsvRow(r)[c])),
      },
      { newline: '\n', escapeFormulae: (options.escapeFormulae ?? true) && DEFUSE },
    ) + '\n'
  );
}

export function datasetToCsv(dataset: DatasetRecords): string {
  return recordsToCsv(dataset.records);
}

/**
 * A JSON export: the dataset itself with a format marker and the time of export. The alias
 * table is included for other tools; an import derives it again and never trusts it. The
 * extension pages hold the bundle without it (records.json): it is derived here, as the data
 * build derived it.
 */
export function datasetToJson(
  dataset: DatasetRecords & { aliases?: AliasRule[] },
  exportedAt: Date,
): string {
  const { schema, asOf, origin, importedAt, sourceName, records } = dataset;
  const aliases = dataset.aliases ?? buildAliasTable(records);
  return `${JSON.stringify(
    {
      format: EXPORT_FORMAT,
      schema,
      exportedAt: exportedAt.toISOString(),
      asOf,
      origin,
      ...(importedAt === undefined ? {} : { importedAt }),
      ...(sourceName === undefined ? {} : { sourceName }),
      records,
      aliases,
    },
    null,
    2,
  )}\n`;
}

/** File name of an export: `cluster-lens-2026-01.csv`. */
export function exportFileName(dataset: Pick<Dataset, 'asOf'>, kind: 'csv' | 'json'): string {
  return `cluster-lens-${dataset.asOf.replace(/[^0-9-]/g, '')}.${kind}`;
}

/** File name of an export of the popup's results: `cluster-lens-results-2026-11-30.csv`. */
export function resultsExportFileName(today: Date): string {
  return `cluster-lens-results-${today.toISOString().slice(0, 10)}.csv`;
}
