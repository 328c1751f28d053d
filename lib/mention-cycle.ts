/**
 * Moving through the mentions on a page with the keyboard: in document order, wrapping at the
 * ends. The order comes from the caller (the DOM's boundary-point comparison), so this stays
 * pure and testable.
 */

/** The mentions in document order, given how two of them compare (negative: a first). */
export function inDocumentOrder<T>(items: Iterable<T>, compare: (a: T, b: T) => number): T[] {
  return [...items].sort(compare);
}

/**
 * The index to go to from `current` (an item of the list, or null when none is selected):
 * the next or previous one, wrapping around; the first (or last) when nothing is selected or
 * the current one has left the list, in which case `after` (where it was) is used when given.
 */
export function cycleIndex<T>(
  ordered: readonly T[],
  current: T | null,
  direction: 1 | -1,
  after?: (item: T) => boolean,
): number {
  const n = ordered.length;
  if (n === 0) return -1;
  const at = current === null ? -1 : ordered.indexOf(current);
  if (at >= 0) return (at + direction + n) % n;
  if (current !== null && after) {
    // The current mention is gone (its text changed): continue from where it stood.
    const next = ordered.findIndex(after);
    if (direction === 1) return next < 0 ? 0 : next;
    return ((next < 0 ? n : next) - 1 + n) % n;
  }
  return direction === 1 ? 0 : n - 1;
}
