/**
 * The scanner walks the raw page text and normalises only where it must. This test checks it
 * against the plain definition: normalise the whole text, then walk the trie from every word
 * start. Any difference is a bug in the scanner's shortcuts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCandidates, type CompiledMatcher } from '../../../lib/matcher/alias-matcher';
import { compileMatcher } from '../../../lib/matcher';
import {
  isWordUnit,
  normalizeForMatching,
  normalizeString,
  originalEnd,
} from '../../../lib/matcher/normalize';
import { FIXTURE_ALIASES } from '../../fixtures/snippets/aliases';

function step(m: CompiledMatcher, node: number, unit: number): number {
  for (let k = m.edgeStart[node] ?? 0; k < (m.edgeStart[node + 1] ?? 0); k++) {
    if (m.edgeChar[k] === unit) return m.edgeTarget[k] ?? -1;
  }
  return -1;
}

const JOINS_LEFT = new Set('.@_/\\#'.split('').map((c) => c.charCodeAt(0)));
const JOINS_RIGHT = new Set('.@_/\\'.split('').map((c) => c.charCodeAt(0)));

/** Leftmost-longest whole-word matches by definition, over the fully normalised text. */
function oracle(
  m: CompiledMatcher,
  text: string,
): { start: number; end: number; aliases: number[] }[] {
  const norm = normalizeForMatching(text);
  const { units, length, starts } = norm;
  const out: { start: number; end: number; aliases: number[] }[] = [];
  const wordEnd = (end: number) => {
    if (!isWordUnit(units[end - 1] ?? 0) || end >= length) return true;
    const next = units[end] ?? 0;
    if (isWordUnit(next)) return false;
    return !(JOINS_RIGHT.has(next) && end + 1 < length && isWordUnit(units[end + 1] ?? 0));
  };
  for (let i = 0; i < length; i++) {
    const u = units[i] ?? 0;
    const prev = i > 0 ? (units[i - 1] ?? 0) : 32;
    if (!isWordUnit(u) || isWordUnit(prev) || JOINS_LEFT.has(prev)) continue;
    const ends: [number, number][] = [];
    for (let j = i, node = 0; j < length; j++) {
      node = step(m, node, units[j] ?? 0);
      if (node < 0) break;
      if ((m.outStart[node] ?? 0) < (m.outStart[node + 1] ?? 0) && wordEnd(j + 1))
        ends.push([node, j + 1]);
    }
    for (const [node, normEnd] of ends.reverse()) {
      const start = starts[i] ?? 0;
      const end = originalEnd(text, norm, normEnd - 1);
      const written = normalizeString(text.slice(start, end), true);
      const aliases: number[] = [];
      for (let k = m.outStart[node] ?? 0; k < (m.outStart[node + 1] ?? 0); k++) {
        const a = m.outAlias[k] ?? 0;
        const forms = m.casedForms[a];
        if (!forms || written === forms[0] || written === forms[1]) aliases.push(a);
      }
      if (aliases.length > 0) {
        out.push({ start, end, aliases });
        i = normEnd - 1;
        break;
      }
    }
  }
  return out;
}

// Real long names (from clusters-sourced.csv) make walks cross the scanner's window.
const LONG_NAMES = [
  'BM³ Mazovian Cluster of Materials Technology and Engineering',
  'Archenerg United International Cluster for Innovation in Renewable Energy, Machinery, and Construction',
];
const matcher = compileMatcher([
  ...FIXTURE_ALIASES,
  ...LONG_NAMES.map((text) => ({
    text,
    id: 'long',
    kind: 'name' as const,
    caseSensitive: false,
    needsContext: false,
  })),
]);

const pieces = [
  ...FIXTURE_ALIASES.map((a) => a.text),
  ...FIXTURE_ALIASES.map((a) => a.text.toUpperCase()),
  ...FIXTURE_ALIASES.map((a) => a.text.toLowerCase()),
  'and',
  'und',
  'y',
  'e',
  'i',
  've',
  'și',
  'the',
  'a',
  'in',
  'of',
  'cluster',
  'klaster',
  'Polo',
  'NET',
  '.NET',
  'net',
  'Cap',
  'Green',
  'Energy',
  'Systematic',
  'Paris',
  'Région',
  'SAHA',
  'İstanbul',
  'ıstanbul',
  'Straße',
  'Minal',
  'ogic',
  'ﬁ',
  '𝐀',
  'Ω',
  'Клъстер',
  'София',
  'çalışması',
  'e.V.',
  ...LONG_NAMES,
  'BM³ Mazovian Cluster of Materials Technology',
  'Archenerg United International Cluster for Innovation in Renewable Energy, Machinery',
];
const glue = [
  ' ',
  '  ',
  '\u00A0',
  '\n',
  '-',
  ' - ',
  ' – ',
  '&',
  ' & ',
  ', ',
  '.',
  "'",
  '’',
  '\u00AD',
  '\u200B',
  '/',
  '@',
  '(',
  ')',
  '_',
  '',
];

describe('scanner shortcuts', () => {
  it('find exactly what the definition finds, on random mixes of names, words and punctuation', () => {
    const textArb = fc
      .array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...glue)), {
        minLength: 1,
        maxLength: 14,
      })
      .map((parts) => parts.map(([p, g]) => p + g).join(''));
    fc.assert(
      fc.property(textArb, (text) => {
        const fast = findCandidates(matcher, text).map((c) => ({
          start: c.start,
          end: c.end,
          aliases: c.aliasIndexes,
        }));
        expect(fast).toEqual(oracle(matcher, text));
      }),
      { numRuns: 3000, seed: 20261124 },
    );
  });
});
