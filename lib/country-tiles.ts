/**
 * A tile-grid map of Europe: one square per country, in its rough place (column, row), so the
 * popup can show where the results are without any map data. Countries not placed here (a
 * record from further away) are listed after the grid.
 */
export interface CountryTile {
  code: string;
  col: number;
  row: number;
}

const GRID: readonly string[] = [
  'IS . . . NO SE FI . . . .',
  '. IE GB . DK . EE . . . .',
  '. . . NL DE PL LV BY . . .',
  '. . BE LU CZ SK LT UA . . .',
  '. . FR CH AT HU RO MD . GE .',
  'PT ES AD IT SI HR RS BG TR AM AZ',
  '. . . MT . BA ME MK . . .',
  '. . . . . . AL GR . CY .',
];

export const COUNTRY_TILES: readonly CountryTile[] = GRID.flatMap((line, row) =>
  line.split(' ').flatMap((code, col) => (code === '.' ? [] : [{ code, col, row }])),
);

export const GRID_COLUMNS = Math.max(...GRID.map((l) => l.split(' ').length));
export const GRID_ROWS = GRID.length;

const PLACED = new Set(COUNTRY_TILES.map((t) => t.code));

export function isPlaced(code: string): boolean {
  return PLACED.has(code);
}

/** The number of shades, 1 (fewest) to SHADES (most); 0 is a country without any. */
export const SHADES = 4;

/**
 * The shade of a count, on a logarithmic scale up to the largest count shown, so that a
 * country with 3 organisations still looks different from one with 1 when another has 150.
 */
export function shadeOf(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  if (max === 1) return SHADES;
  return Math.min(SHADES, 1 + Math.floor((SHADES * Math.log(count)) / Math.log(max + 1)));
}

/**
 * The tile in a direction from `from` (arrow keys): the nearest in that row or column
 * direction, preferring the same line, else the closest in the next line that has one.
 */
export function neighbour(
  tiles: readonly CountryTile[],
  from: CountryTile,
  direction: 'left' | 'right' | 'up' | 'down',
): CountryTile | null {
  const horizontal = direction === 'left' || direction === 'right';
  const sign = direction === 'right' || direction === 'down' ? 1 : -1;
  let best: CountryTile | null = null;
  let bestScore = Infinity;
  for (const t of tiles) {
    const along = horizontal ? t.col - from.col : t.row - from.row;
    const across = Math.abs(horizontal ? t.row - from.row : t.col - from.col);
    if (along * sign <= 0) continue;
    // Staying on the same line outweighs distance along it.
    const score = across * 100 + along * sign;
    if (score < bestScore) {
      bestScore = score;
      best = t;
    }
  }
  return best;
}
