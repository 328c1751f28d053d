// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mergeDetections } from '~/lib/detections';

describe('mergeDetections', () => {
  it('adds counts, unions matched strings, and lists the most mentioned first', () => {
    expect(
      mergeDetections([
        [{ id: 'b', name: 'Beta', count: 1, texts: ['Beta'] }],
        [
          { id: 'a', name: 'Alpha', count: 1, texts: ['ALPHA'] },
          { id: 'b', name: 'Beta', count: 2, texts: ['Beta', 'BETA'] },
        ],
      ]),
    ).toEqual([
      { id: 'b', name: 'Beta', count: 3, texts: ['Beta', 'BETA'] },
      { id: 'a', name: 'Alpha', count: 1, texts: ['ALPHA'] },
    ]);
  });
});
