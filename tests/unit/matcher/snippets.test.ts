import { describe, expect, it } from 'vitest';
import {
  clusterTermsIn,
  compileMatcher,
  isAboutClusters,
  matchSegments,
  matchText,
  type CompiledMatcher,
  type EvidenceContext,
} from '../../../lib/matcher';
import { FIXTURE_ALIASES } from '../../fixtures/snippets/aliases';
import { EVIDENCE_SNIPPETS, SNIPPETS, type Snippet } from '../../fixtures/snippets/snippets';

const matcher = compileMatcher(FIXTURE_ALIASES);
/** The same table without the organisations' places: the place rule disabled. */
const placeless = compileMatcher(FIXTURE_ALIASES.map(({ places: _places, ...alias }) => alias));

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

/**
 * What the content script gathers about the page: the organisations its other blocks name for
 * sure, and whether its text (this block's included) speaks of clusters.
 */
function pageContext(m: CompiledMatcher, snippet: Snippet): EvidenceContext {
  const confirmedIds = new Set<string>();
  for (const block of snippet.page ?? []) {
    for (const found of matchText(m, block)) {
      if (found.evidence === 'not-needed') confirmedIds.add(found.id);
    }
  }
  const text = [...(snippet.page ?? []), snippet.segments.join('')].join('\n');
  return { confirmedIds, aboutClusters: isAboutClusters(clusterTermsIn(text)) };
}

const found = (m: CompiledMatcher, snippet: Snippet, context: EvidenceContext) =>
  matchSegments(m, snippet.segments, context).map((x) => ({ id: x.id, text: x.text }));

describe('annotated snippets of the evidence rules', () => {
  it('cover at least 50 snippets in at least 12 languages, positives and negatives', () => {
    expect(EVIDENCE_SNIPPETS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(EVIDENCE_SNIPPETS.map((s) => s.lang)).size).toBeGreaterThanOrEqual(12);
    expect(EVIDENCE_SNIPPETS.filter((s) => s.expect.length === 0).length).toBeGreaterThanOrEqual(
      20,
    );
  });

  for (const snippet of EVIDENCE_SNIPPETS) {
    it(`${snippet.lang}: ${snippet.why}`, () => {
      const context = pageContext(matcher, snippet);
      expect(found(matcher, snippet, context)).toEqual(snippet.expect);
      if (snippet.expect.length === 0) return;
      const kinds = matchSegments(matcher, snippet.segments, context).map((m) => m.evidence);
      // The evidence it was written for is what made it count, and without it nothing does.
      switch (snippet.needs) {
        case 'place-near':
          expect(kinds).toContain('place-near');
          expect(found(placeless, snippet, pageContext(placeless, snippet))).not.toEqual(
            snippet.expect,
          );
          break;
        case 'page-vocabulary':
          expect(kinds).toContain('page-vocabulary');
          expect(found(matcher, snippet, { ...context, aboutClusters: false })).not.toEqual(
            snippet.expect,
          );
          break;
        case 'page-organisations':
          expect(kinds).toContain('page-organisations');
          break;
        case 'page-context':
          expect(kinds).toContain('page-context');
          expect(found(matcher, snippet, {})).not.toEqual(snippet.expect);
          break;
        default:
          break;
      }
    });
  }
});
