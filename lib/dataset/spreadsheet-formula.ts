/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or return) as a formula, so a CSV
 * export puts an apostrophe before such a cell. To let our own export come back unchanged, the
 * apostrophe is also put before a cell that already starts with apostrophes and then one of
 * those characters; an import takes exactly one apostrophe off any cell of that shape. The two
 * are inverse for every text, and a cell merely starting with an apostrophe ('s-Hertogenbosch)
 * is left as it is both ways.
 */

/** A cell the export defuses (Papa.unparse's `escapeFormulae` takes it as is). */
export const DEFUSE = /^'*[=+\-@\t\r]/;
/** A cell an export defused. */
const DEFUSED = /^'+[=+\-@\t\r]/;

export function defuseFormula(cell: string): string {
  return DEFUSE.test(cell) ? `'${cell}` : cell;
}

export function restoreFormula(cell: string): string {
  return DEFUSED.test(cell) ? cell.slice(1) : cell;
}
