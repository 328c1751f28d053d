/**
 * Where the hover card goes: next to the mark, inside the viewport. Pure geometry, so every
 * edge case is a unit test rather than a browser session.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface CardPlacement {
  left: number;
  top: number;
  /** Below the mark, or flipped above it when there is no room below. */
  vertical: 'below' | 'above';
  /** The card's left edge at the mark's left edge, or flipped to end at the mark's right edge. */
  horizontal: 'start' | 'end';
  /** The most height the card may take where it is placed (it scrolls inside beyond that). */
  maxHeight: number;
}

export interface PlacementOptions {
  /** Space between the mark and the card. */
  gap?: number;
  /** Space kept between the card and the viewport's edges. */
  margin?: number;
}

/**
 * Below the mark when the card fits there, else above when it fits there, else on the side
 * with more room (the card then scrolls). Left-aligned with the mark unless that overflows the
 * right edge, then right-aligned; finally clamped so it never leaves the viewport.
 */
export function placeCard(
  anchor: Box,
  card: Size,
  viewport: Size,
  { gap = 6, margin = 8 }: PlacementOptions = {},
): CardPlacement {
  const roomBelow = viewport.height - anchor.bottom - gap - margin;
  const roomAbove = anchor.top - gap - margin;
  const vertical: CardPlacement['vertical'] =
    card.height <= roomBelow || (card.height > roomAbove && roomBelow >= roomAbove)
      ? 'below'
      : 'above';
  const room = Math.max(0, vertical === 'below' ? roomBelow : roomAbove);
  const fullHeight = Math.max(0, viewport.height - 2 * margin);
  // With no room on either side (the mark fills the viewport), use the whole height.
  const maxHeight = room >= Math.min(card.height, 120) ? room : fullHeight;
  const height = Math.min(card.height, maxHeight);
  let top = vertical === 'below' ? anchor.bottom + gap : anchor.top - gap - height;

  const horizontal: CardPlacement['horizontal'] =
    anchor.left + card.width <= viewport.width - margin ? 'start' : 'end';
  let left = horizontal === 'start' ? anchor.left : anchor.right - card.width;

  left = clamp(left, margin, viewport.width - margin - card.width);
  top = clamp(top, margin, viewport.height - margin - height);
  return { left: Math.round(left), top: Math.round(top), vertical, horizontal, maxHeight };
}

/** `value` within [min, max]; when the range is empty (too small a viewport), `min` wins. */
function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}

/** Whether any part of the box is inside the viewport. */
export function isInViewport(box: Box, viewport: Size): boolean {
  return box.bottom > 0 && box.right > 0 && box.top < viewport.height && box.left < viewport.width;
}

/** Whether a point lies in a box (edges included: a pointer on the edge is on the mark). */
export function boxContains(box: Box, x: number, y: number): boolean {
  return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
}
