import { describe, expect, it } from 'vitest';
import { cycleIndex, inDocumentOrder } from '~/lib/mention-cycle';

const byNumber = (a: number, b: number) => a - b;

describe('moving through mentions', () => {
  const ordered = inDocumentOrder([30, 10, 20], byNumber);

  it('sorts by the document order it is given', () => {
    expect(ordered).toEqual([10, 20, 30]);
  });

  it('starts at the first going forward and at the last going back', () => {
    expect(cycleIndex(ordered, null, 1)).toBe(0);
    expect(cycleIndex(ordered, null, -1)).toBe(2);
  });

  it('steps and wraps around at both ends', () => {
    expect(cycleIndex(ordered, 10, 1)).toBe(1);
    expect(cycleIndex(ordered, 30, 1)).toBe(0);
    expect(cycleIndex(ordered, 10, -1)).toBe(2);
    expect(cycleIndex(ordered, 20, -1)).toBe(0);
  });

  it('continues from where a mention that has left the page stood', () => {
    // 25 was current, then its text changed: next is 30, previous is 20.
    const after = (item: number) => item > 25;
    expect(cycleIndex(ordered, 25, 1, after)).toBe(2);
    expect(cycleIndex(ordered, 25, -1, after)).toBe(1);
    // Past the last one: wrap to the first, or back to the last.
    const afterEnd = (item: number) => item > 35;
    expect(cycleIndex(ordered, 35, 1, afterEnd)).toBe(0);
    expect(cycleIndex(ordered, 35, -1, afterEnd)).toBe(2);
  });

  it('has nowhere to go on a page without mentions', () => {
    expect(cycleIndex([], null, 1)).toBe(-1);
  });
});
