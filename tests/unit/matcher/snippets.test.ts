import { describe, expect, it } from 'vitest';
import { compileMatcher, matchSegments } from '../../../lib/matcher';
import { FIXTURE_ALIASES } from '../../fixtures/snippets/aliases';
import { SNIPPETS } from '../../fixtures/snippets/snippets';

const matcher = compileMatcher(FIXTURE_ALIASES);

describe('annotated snippets', () => {
  it('cover at least 60 snippets in at least 10 languages, positives and negatives', () => {
    expect(SNIPPETS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(SNIPPETS.map((s) => s.lang)).size).toBeGreaterThanOrEqual(10);
    expect(SNIPPETS.filter((s) => s.expect.length === 0).length).toBeGreaterThanOrEqual(20);
  });

  for (const snippet of SNIPPETS) {
    it(`${snippet.lang}: ${snippet.why}`, () => {
      const found = matchSegments(matcher, snippet.segments).map((m) => ({
        id: m.id,
        text: m.text,
      }));
      expect(found).toEqual(snippet.expect);
    });
  }
});
