import { describe, expect, it } from 'vitest';
import { compileMatcher, matchSegments } from '../../../lib/matcher';
import { FIXTURE_ALIASES } from '../../fixtures/snippets/aliases';
import { SNIPPETS } from '../../fixtures/snippets/snippets';

const matcher = compileMatcher(FIXTURE_ALIASES);
/** The same table with no alias declining: what the matcher found before inflection.ts. */
const withoutInflection = compileMatcher(FIXTURE_ALIASES.map(({ inflect: _, ...alias }) => alias));
/**
 * The same table as the letter-case rule was before: every title-case form only with evidence,
 * and none made from an acronym.
 */
const acronyms = new Set(
  FIXTURE_ALIASES.filter((a) => a.kind === 'acronym').map((a) => `${a.id}\0${a.text}`),
);
const withoutCaseRule = compileMatcher(
  FIXTURE_ALIASES.flatMap((a) => {
    if (a.variant?.rule !== 'letter-case') return [a];
    if (acronyms.has(`${a.id}\0${a.variant.of}`)) return [];
    return [{ ...a, caseSensitive: true, needsContext: true }];
  }),
);
const found = (m: typeof matcher, segments: readonly string[]) =>
  matchSegments(m, segments).map((x) => ({ id: x.id, text: x.text }));

describe('annotated snippets', () => {
  it('cover at least 60 snippets in at least 10 languages, positives and negatives', () => {
    expect(SNIPPETS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(SNIPPETS.map((s) => s.lang)).size).toBeGreaterThanOrEqual(10);
    expect(SNIPPETS.filter((s) => s.expect.length === 0).length).toBeGreaterThanOrEqual(20);
  });

  for (const snippet of SNIPPETS) {
    it(`${snippet.lang}: ${snippet.why}`, () => {
      expect(found(matcher, snippet.segments)).toEqual(snippet.expect);
    });
  }
});

describe('snippets that need a name declined', () => {
  const needing = SNIPPETS.filter((s) => s.needs === 'inflection');

  it('cover at least 25 snippets in at least 9 languages', () => {
    expect(needing.length).toBeGreaterThanOrEqual(25);
    expect(new Set(needing.map((s) => s.lang)).size).toBeGreaterThanOrEqual(9);
  });

  for (const snippet of needing) {
    it(`${snippet.lang}: ${snippet.why} is missed without inflection`, () => {
      expect(found(withoutInflection, snippet.segments)).not.toEqual(snippet.expect);
    });
  }
});

describe('snippets that need an invented word in another letter case', () => {
  const needing = SNIPPETS.filter((s) => s.needs === 'letter-case');

  it('exist', () => {
    expect(needing.length).toBeGreaterThanOrEqual(2);
  });

  for (const snippet of needing) {
    it(`${snippet.lang}: ${snippet.why} is missed with case as a gate`, () => {
      expect(found(withoutCaseRule, snippet.segments)).not.toEqual(snippet.expect);
    });
  }
});
