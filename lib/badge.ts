/** The toolbar badge text for a number of organisations found: empty for none, capped at 99+. */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}
