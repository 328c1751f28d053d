/** One thing wrong with an input file, located so a person can find and fix it. */
export interface RowProblem {
  /** Spreadsheet row number (the header is row 1); null for file-level problems. */
  row: number | null;
  /** Column name, or null when the problem is not about one cell. */
  column: string | null;
  message: string;
}

export function formatProblem(p: RowProblem): string {
  const where = [p.row !== null ? `row ${p.row}` : 'file', p.column ? `column "${p.column}"` : null]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${p.message}`;
}
