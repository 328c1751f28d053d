import { describe, expect, it } from 'vitest';
import type { AliasRule } from '../../../lib/dataset/model';
import {
  compileMatcher,
  deserializeMatcher,
  matchSegments,
  matchText,
  scanText,
  serializeMatcher,
  type SerializedMatcher,
} from '../../../lib/matcher';
import { NODE_FLAGS, firstEdge } from '../../../lib/matcher/alias-matcher';
import { isWordUnit, normalizeString } from '../../../lib/matcher/normalize';
import { FIXTURE_ALIASES } from '../../fixtures/snippets/aliases';
import { SNIPPETS } from '../../fixtures/snippets/snippets';

const rule = (text: string, id: string, extra: Partial<AliasRule> = {}): AliasRule => ({
  text,
  id,
  kind: 'name',
  caseSensitive: false,
  needsContext: false,
  ...extra,
});

const matcher = compileMatcher(FIXTURE_ALIASES);

describe('matchSegments positions', () => {
  it('reports a match split across segments by segment and offset', () => {
    const [m] = matchSegments(matcher, ['Join ', 'Polo ', 'NET', ' now']);
    expect(m?.start).toEqual({ segment: 1, offset: 0 });
    expect(m?.end).toEqual({ segment: 2, offset: 3 });
    expect(m?.text).toBe('Polo NET');
  });

  it('never starts or ends a range in an empty segment', () => {
    const [m] = matchSegments(matcher, ['', 'Minal', '', '', 'ogic', '']);
    expect(m?.start).toEqual({ segment: 1, offset: 0 });
    expect(m?.end).toEqual({ segment: 4, offset: 4 });
  });

  it('returns original offsets after text that normalises to a different length', () => {
    const text = 'Straße, ﬁnally: Minalogic';
    const [m] = matchText(matcher, text);
    expect(m && text.slice(m.start, m.end)).toBe('Minalogic');
    expect(m?.start).toBe(text.indexOf('Minalogic'));
  });
});

describe('whole words, leftmost-longest', () => {
  const m = compileMatcher([
    rule('Cluster', 'a'),
    rule('Cluster Bau', 'b'),
    rule('Bau Energie', 'c'),
    rule('Valorial', 'd'),
  ]);

  it('prefers the longest alias at the leftmost start and does not overlap', () => {
    expect(matchText(m, 'Cluster Bau Energie').map((x) => [x.id, x.text])).toEqual([
      ['b', 'Cluster Bau'],
    ]);
  });

  it('falls back to a shorter alias when the longer one does not end on a word boundary', () => {
    expect(matchText(m, 'Cluster Baustelle').map((x) => x.text)).toEqual(['Cluster']);
  });

  it('does not match inside a word in any script', () => {
    expect(matchText(m, 'Valorials, preValorial, Valorial2, Valorialé, Valorialя')).toEqual([]);
  });

  it('does not depend on the order of the aliases', () => {
    const reversed = compileMatcher([...FIXTURE_ALIASES].reverse());
    for (const snippet of SNIPPETS) {
      const a = matchSegments(matcher, snippet.segments).map((x) => [x.id, x.text]);
      const b = matchSegments(reversed, snippet.segments).map((x) => [x.id, x.text]);
      expect(b).toEqual(a);
    }
  });

  it('matches a case-sensitive alias written as in the data or all in capitals only', () => {
    const cs = compileMatcher([rule('deENet', 'k', { caseSensitive: true })]);
    expect(matchText(cs, 'deENet DEENET deenet DeENet').map((x) => x.text)).toEqual([
      'deENet',
      'DEENET',
    ]);
  });
});

describe('evidence', () => {
  it('keeps unconfirmed common-word matches in scanText, with no evidence', () => {
    const found = scanText(matcher, 'Systematic reviews and Minalogic');
    expect(found.map((x) => [x.text, x.evidence])).toEqual([
      ['Systematic', null],
      ['Minalogic', 'not-needed'],
    ]);
  });

  it('accepts ids confirmed elsewhere on the page', () => {
    const text = 'Systematic will host the event.';
    expect(matchText(matcher, text)).toEqual([]);
    const found = matchText(matcher, text, { confirmedIds: new Set(['systematic']) });
    expect(found.map((x) => [x.text, x.evidence])).toEqual([['Systematic', 'page-context']]);
  });

  it('does not take another organisation as confirmation', () => {
    expect(matchText(matcher, 'Systematic', { confirmedIds: new Set(['minalogic']) })).toEqual([]);
  });

  it('looks for cluster words within the window only', () => {
    const text = 'Systematic one two three four five six seven cluster';
    expect(matchText(matcher, text)).toEqual([]);
    expect(matchText(matcher, text, { window: 8 }).map((x) => x.text)).toEqual(['Systematic']);
    expect(
      matchText(matcher, 'cluster one two three four five Systematic').map((x) => x.text),
    ).toEqual(['Systematic']);
  });

  it('counts words as the normaliser does, also where the page splits them with soft hyphens', () => {
    // Each word is four runs of letters as written, one word once normalised: the few words
    // read first around a candidate are then too few, and the wider window is read.
    const words = Array.from({ length: 5 }, () => 'co\u00adope\u00adra\u00adtion').join(' ');
    for (const text of [`cluster ${words} Systematic`, `Systematic ${words} cluster`]) {
      expect(matchText(matcher, text).map((x) => [x.text, x.evidence])).toEqual([
        ['Systematic', 'cluster-word'],
      ]);
    }
    const tooFar = `cluster ${words} one Systematic`;
    expect(matchText(matcher, tooFar)).toEqual([]);
  });

  it('finds a cluster word the page splits with a soft hyphen, counting words as normalised', () => {
    // A word that needs context and has no places, so only a cluster word near it counts.
    const plain = compileMatcher([rule('Systematic', 'systematic', { needsContext: true })]);
    // As written, "ster" looks like a word of its own, which would end a window of three words.
    for (const text of [
      'We met the clu\u00adster team, then Systematic',
      'Systematic and its clu\u00adster partners',
      'The Clu\u00adster “Hamburg” met Systematic',
    ]) {
      expect(
        matchText(plain, text, { window: 3 }).map((x) => x.evidence),
        text,
      ).toEqual(['cluster-word']);
    }
    expect(matchText(plain, 'Systematic, Wood\u00adcluster', { window: 1 })).toHaveLength(1);
    // Connector words are not words of the window; typographic punctuation splits words.
    for (const text of ['Systematic, and und the Cluster', 'Cluster and und the Systematic']) {
      expect(
        matchText(plain, text, { window: 2 }).map((x) => x.evidence),
        text,
      ).toEqual(['cluster-word']);
    }
    expect(matchText(plain, 'Systematic – “Thanks’ to… Cluster', { window: 2 })).toEqual([]);
  });

  it('reads page words that are names of object properties as words', () => {
    // "constructor" once looked up in a plain object of cluster words, and was found.
    expect(matchText(matcher, 'Systematic uses a constructor function here')).toEqual([]);
    expect(matchText(matcher, 'Systematic has a constructor cluster').map((x) => x.text)).toEqual([
      'Systematic',
    ]);
  });
});

describe('serialised matcher', () => {
  const shipped = deserializeMatcher(
    JSON.parse(JSON.stringify(serializeMatcher(matcher))) as SerializedMatcher,
  );

  it('survives JSON and matches exactly like the compiled one', () => {
    for (const snippet of SNIPPETS) {
      expect(matchSegments(shipped, snippet.segments)).toEqual(
        matchSegments(matcher, snippet.segments),
      );
      expect(scanText(shipped, snippet.segments.join(''))).toEqual(
        scanText(matcher, snippet.segments.join('')),
      );
    }
  });

  it('numbers the trie breadth first, so edge k leads to node k + 1 (no targets stored)', () => {
    // With declining aliases, so some nodes start stem jumps.
    const declining = compileMatcher([
      ...FIXTURE_ALIASES,
      rule('Klaster Mazowsze', 'k', { inflect: 'pl' }),
    ]);
    for (const m of [matcher, shipped, declining]) {
      const depth = new Map([[0, 0]]);
      for (let node = 0; node < m.nodes.length - 1; node++) {
        const d = depth.get(node) ?? -1;
        for (let k = firstEdge(m, node); k < firstEdge(m, node + 1); k++) {
          // Children in the order of their edges, level after level.
          expect(m.edgeChar[k]).toBeGreaterThan(k > firstEdge(m, node) ? m.edgeChar[k - 1]! : -1);
          depth.set(k + 1, d + 1);
        }
        expect(d).toBeGreaterThanOrEqual(depth.get(node - 1) ?? 0);
        // The flags beside the first edge: whether aliases end here, whether a stem jump starts,
        // whether every alias ending here keeps its case and begins with a capital.
        const flags = (m.nodes[node] ?? 0) & ((1 << NODE_FLAGS) - 1);
        const ending = [...m.outAlias.subarray(m.outStart[node] ?? 0, m.outStart[node + 1] ?? 0)];
        const capitals = ending.every((a) => m.casedForms[a]?.every((f) => /^[A-Z]/.test(f)));
        expect(flags).toBe(
          (ending.length > 0 ? 1 : 0) |
            (m.stemFirst.has(node) ? 2 : 0) |
            (ending.length > 0 && capitals ? 4 : 0),
        );
      }
      // Every alias is found at the end of its own path.
      FIXTURE_ALIASES.forEach((alias, index) => {
        let node = 0;
        for (const unit of normalizeString(alias.text)) {
          let next = -1;
          for (let k = firstEdge(m, node); k < firstEdge(m, node + 1); k++)
            if (m.edgeChar[k] === unit.charCodeAt(0)) next = k + 1;
          node = next;
          if (node < 0) break;
        }
        const out = m.outAlias.subarray(m.outStart[node] ?? 0, m.outStart[node + 1] ?? 0);
        if (isWordUnit(normalizeString(alias.text).charCodeAt(0)))
          expect([...out], alias.text).toContain(index);
      });
    }
  });

  it('refuses data of another format, or that is no trie', () => {
    const data = serializeMatcher(matcher);
    expect(() =>
      deserializeMatcher({ ...data, format: 3 } as unknown as SerializedMatcher),
    ).toThrow('unknown matcher format 3');
    expect(() => deserializeMatcher({ ...data, edgeChar: data.edgeChar.slice(1) })).toThrow(
      'does not describe a trie',
    );
    const backwards = [...data.outStart];
    backwards[1] = -1;
    expect(() => deserializeMatcher({ ...data, outStart: backwards })).toThrow(
      'does not describe a trie',
    );
  });
});
