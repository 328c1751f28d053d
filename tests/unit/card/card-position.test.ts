import { describe, expect, it } from 'vitest';
import { boxContains, isInViewport, placeCard } from '~/lib/card-position';

const viewport = { width: 1000, height: 800 };
const card = { width: 360, height: 300 };
const mark = (left: number, top: number, width = 80, height = 18) => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

describe('placeCard', () => {
  it('puts the card below the mark, left edges aligned, with a gap', () => {
    expect(placeCard(mark(100, 100), card, viewport)).toEqual({
      left: 100,
      top: 124,
      vertical: 'below',
      horizontal: 'start',
      maxHeight: 800 - 118 - 6 - 8,
    });
  });

  it('flips above the mark when there is no room below', () => {
    const at = placeCard(mark(100, 600), card, viewport);
    expect(at.vertical).toBe('above');
    expect(at.top).toBe(600 - 6 - 300);
  });

  it('flips to end at the mark right edge near the right side', () => {
    const at = placeCard(mark(900, 100, 60), card, viewport);
    expect(at.horizontal).toBe('end');
    expect(at.left).toBe(960 - 360);
  });

  it('flips both ways in the bottom-right corner', () => {
    const at = placeCard(mark(920, 760, 60), card, viewport);
    expect([at.vertical, at.horizontal]).toEqual(['above', 'end']);
    expect(at.left + card.width).toBeLessThanOrEqual(1000 - 8);
    expect(at.top + card.height).toBeLessThanOrEqual(760 - 6);
  });

  it('clamps into the viewport when the mark is half off the left edge', () => {
    const at = placeCard(mark(-50, 100), card, viewport);
    expect(at.left).toBe(8);
  });

  it('clamps a card wider than the space beside a right-edge mark', () => {
    // Right-aligning with a mark near the left would push the card off the left edge.
    const at = placeCard(mark(20, 100, 40), { width: 990, height: 200 }, viewport);
    expect(at.left).toBe(8);
  });

  it('takes the roomier side and limits the height when it fits on neither', () => {
    const tall = { width: 360, height: 700 };
    const below = placeCard(mark(100, 300), tall, viewport);
    expect(below.vertical).toBe('below');
    expect(below.maxHeight).toBe(800 - 318 - 6 - 8);
    expect(below.top).toBe(324);
    const above = placeCard(mark(100, 500), tall, viewport);
    expect(above.vertical).toBe('above');
    expect(above.maxHeight).toBe(500 - 6 - 8);
    expect(above.top).toBe(8);
  });

  it('uses the full height when a mark leaves no useful room on either side', () => {
    const at = placeCard({ left: 10, top: 0, right: 90, bottom: 800 }, card, viewport);
    expect(at.maxHeight).toBe(784);
    expect(at.top).toBeGreaterThanOrEqual(8);
    expect(at.top + Math.min(card.height, at.maxHeight)).toBeLessThanOrEqual(792);
  });

  it('fits a card into a viewport smaller than itself: margin-left, shortened, below the mark', () => {
    const at = placeCard(mark(10, 10), card, { width: 300, height: 200 });
    expect(at).toEqual({
      left: 8,
      top: 34,
      vertical: 'below',
      horizontal: 'end',
      maxHeight: 200 - 28 - 6 - 8,
    });
  });
});

describe('viewport and point tests', () => {
  it('sees a box partly in view as in view, and one scrolled past as out', () => {
    expect(isInViewport(mark(10, -10), viewport)).toBe(true);
    expect(isInViewport(mark(10, -30), viewport)).toBe(false);
    expect(isInViewport(mark(10, 800), viewport)).toBe(false);
    expect(isInViewport(mark(1000, 10), viewport)).toBe(false);
  });

  it('counts a point on the edge as inside', () => {
    expect(boxContains(mark(10, 10), 10, 28)).toBe(true);
    expect(boxContains(mark(10, 10), 9.9, 20)).toBe(false);
  });
});
