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

/**
 * Problems of several lists, each in row order, merged in row order and cut at `max`, with the
 * number cut. A file can have hundreds of thousands; keeping them all costs memory and the
 * collector's pauses, and nobody reads past the first few.
 */
export function firstProblems(
  lists: readonly { problems: readonly RowProblem[]; more: number }[],
  max: number,
): { problems: RowProblem[]; more: number } {
  const all = lists
    .flatMap((l) => l.problems.slice(0, max))
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const total = lists.reduce((n, l) => n + l.problems.length + l.more, 0);
  const problems = all.slice(0, max);
  return { problems, more: total - problems.length };
}
