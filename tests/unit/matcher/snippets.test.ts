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
import { FIXTURE_ALIASES, FIXTURE_ALIASES_OWN_PLACE_NAMES } from '../../fixtures/snippets/aliases';
import { EVIDENCE_SNIPPETS, SNIPPETS, type Snippet } from '../../fixtures/snippets/snippets';

const matcher = compileMatcher(FIXTURE_ALIASES);
/** The same table without the organisations' places: the place rule disabled. */
const placeless = compileMatcher(FIXTURE_ALIASES.map(({ places: _places, ...alias }) => alias));
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
/** The same table without the stem-graded variants: Finnish and Estonian stems unchanged. */
const withoutStemChanges = compileMatcher(
  FIXTURE_ALIASES.filter((a) => a.variant?.rule !== 'stem-graded'),
);
/** The same table with each place only as the rows write it, in no other language. */
const ownPlaceNames = compileMatcher(FIXTURE_ALIASES_OWN_PLACE_NAMES);
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
  const needing = SNIPPETS.filter((s) => s.rule === 'inflection');

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
  const needing = SNIPPETS.filter((s) => s.rule === 'letter-case');

  it('exist', () => {
    expect(needing.length).toBeGreaterThanOrEqual(2);
  });

  for (const snippet of needing) {
    it(`${snippet.lang}: ${snippet.why} is missed with case as a gate`, () => {
      expect(found(withoutCaseRule, snippet.segments)).not.toEqual(snippet.expect);
    });
  }
});

describe('snippets that need a stem change', () => {
  const needing = SNIPPETS.filter((s) => s.rule === 'stem-graded');

  it('cover Finnish and Estonian', () => {
    expect(needing.length).toBeGreaterThanOrEqual(8);
    expect(new Set(needing.map((s) => s.lang))).toEqual(new Set(['fi', 'et']));
  });

  for (const snippet of needing) {
    it(`${snippet.lang}: ${snippet.why} is missed without the stem-graded variants`, () => {
      expect(found(withoutStemChanges, snippet.segments)).not.toEqual(snippet.expect);
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

const foundInPage = (m: CompiledMatcher, snippet: Snippet, context: EvidenceContext) =>
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
      expect(foundInPage(matcher, snippet, context)).toEqual(snippet.expect);
      if (snippet.expect.length === 0) return;
      const kinds = matchSegments(matcher, snippet.segments, context).map((m) => m.evidence);
      // The evidence it was written for is what made it count, and without it nothing does.
      switch (snippet.needs) {
        case 'place-near':
          expect(kinds).toContain('place-near');
          expect(foundInPage(placeless, snippet, pageContext(placeless, snippet))).not.toEqual(
            snippet.expect,
          );
          break;
        case 'page-vocabulary':
          expect(kinds).toContain('page-vocabulary');
          expect(foundInPage(matcher, snippet, { ...context, aboutClusters: false })).not.toEqual(
            snippet.expect,
          );
          break;
        case 'page-organisations':
          expect(kinds).toContain('page-organisations');
          break;
        case 'page-context':
          expect(kinds).toContain('page-context');
          expect(foundInPage(matcher, snippet, {})).not.toEqual(snippet.expect);
          break;
        default:
          break;
      }
      // Written in another language than the row's, its place counts only by place-names.ts.
      if (snippet.rule === 'place-names') {
        expect(
          foundInPage(ownPlaceNames, snippet, pageContext(ownPlaceNames, snippet)),
        ).not.toEqual(snippet.expect);
      }
    });
  }
});
