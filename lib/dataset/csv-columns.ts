/** The columns of `data/clusters.csv`, in file order. `../shared/data/SOURCES.md` §1 defines them. */
export const CSV_COLUMNS = [
  'id',
  'name',
  'acronym',
  'aliases',
  'country',
  'region',
  'city',
  'label',
  'label_year',
  'label_valid_until',
  'eccp_member',
  'eccp_url',
  'website',
  'sectors',
  'source_urls',
  'notes',
  'match',
  'successor',
  'successor_year',
  'successor_kind',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/**
 * Columns a file may leave out: `id` is derived from the name when absent or blank; `match`
 * (a row's override of the derived matching rules, see lib/dataset/alias-rules.ts) defaults to none;
 * `successor`, `successor_year`, `successor_kind` (the row this organisation became) to none.
 */
export const OPTIONAL_COLUMNS: ReadonlySet<CsvColumn> = new Set<CsvColumn>([
  'id',
  'match',
  'successor',
  'successor_year',
  'successor_kind',
]);

/** Separator of list cells (aliases, sectors, source_urls). */
export const LIST_SEPARATOR = '|';
