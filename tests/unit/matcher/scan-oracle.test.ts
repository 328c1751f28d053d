/**
 * The scanner walks the raw page text and normalises only where it must. This test checks it
 * against the plain definition: normalise the whole text, then walk the trie from every word
 * start, and compare every declining alias word for word (inflection.ts). Any difference is a
 * bug in the scanner's shortcuts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decliningWords,
  findCandidates,
  firstEdge,
  type CompiledMatcher,
} from '../../../lib/matcher/alias-matcher';
import { isInflectionOf } from '../../../lib/matcher/inflection';
import { compileMatcher } from '../../../lib/matcher';
import {
  isWordUnit,
  normalizeForMatching,
  normalizeString,
  originalEnd,
} from '../../../lib/matcher/normalize';
import { FIXTURE_ALIASES } from '../../fixtures/snippets/aliases';

function step(m: CompiledMatcher, node: number, unit: number): number {
  for (let k = firstEdge(m, node); k < firstEdge(m, node + 1); k++) {
    if (m.edgeChar[k] === unit) return k + 1;
  }
  return -1;
}

const JOINS_LEFT = new Set('.@_/\\#'.split('').map((c) => c.charCodeAt(0)));
const JOINS_RIGHT = new Set('.@_/\\'.split('').map((c) => c.charCodeAt(0)));

interface Declining {
  alias: number;
  key: string;
  /** Where in `key` the words that decline start. */
  declining: Set<number>;
}

const decliningOf = new WeakMap<CompiledMatcher, Map<number, Declining[]>>();

/** The aliases whose words decline, by first unit, computed once per matcher. */
function decliningAliases(m: CompiledMatcher, first: number): Declining[] {
  let byFirst = decliningOf.get(m);
  if (!byFirst) {
    byFirst = new Map();
    for (const [a, alias] of m.aliases.entries()) {
      const key = normalizeString(alias.text);
      if (alias.inflect === undefined || key === '' || !isWordUnit(key.charCodeAt(0))) continue;
      const declining = new Set(decliningWords(alias.text, key).map(([start]) => start));
      if (declining.size === 0) continue;
      const list = byFirst.get(key.charCodeAt(0)) ?? [];
      list.push({ alias: a, key, declining });
      byFirst.set(key.charCodeAt(0), list);
    }
    decliningOf.set(m, byFirst);
  }
  return byFirst.get(first) ?? [];
}

/**
 * Where an alias ends when it starts at normalised unit `i` with some of its declining words in
 * another case of its language (normalised end), or -1: word for word, the page word is the
 * alias word or one of its inflections, and everything between words is as the alias has it.
 */
function declinedEnd(
  m: CompiledMatcher,
  { alias: a, key, declining }: Declining,
  units: Uint16Array,
  length: number,
  i: number,
): number {
  const language = m.aliases[a]?.inflect;
  if (language === undefined) return -1;
  // A stem has at least three units: a quick no for most aliases.
  for (let q = 0; q < 3 && q < key.length; q++) if (units[i + q] !== key.charCodeAt(q)) return -1;
  let j = i;
  let k = 0;
  let declined = false;
  while (k < key.length) {
    if (!isWordUnit(key.charCodeAt(k))) {
      if (units[j] !== key.charCodeAt(k)) return -1;
      j++;
      k++;
      continue;
    }
    let kEnd = k;
    while (kEnd < key.length && isWordUnit(key.charCodeAt(kEnd))) kEnd++;
    let jEnd = j;
    while (jEnd < length && isWordUnit(units[jEnd] ?? 0)) jEnd++;
    const word = key.slice(k, kEnd);
    const page = String.fromCharCode(...units.subarray(j, jEnd));
    if (page !== word) {
      if (!declining.has(k) || !isInflectionOf(page, word, language)) return -1;
      declined = true;
    }
    j = jEnd;
    k = kEnd;
  }
  return declined ? j : -1;
}

/** A declined occurrence keeps the alias's letter case as far as page and alias words agree. */
function declinedCaseOk(m: CompiledMatcher, a: number, written: string): boolean {
  const forms = m.casedForms[a];
  if (!forms || written === written.toUpperCase()) return true;
  const page = written.match(/[\p{L}\p{N}]+/gu) ?? [];
  const alias = forms[0].match(/[\p{L}\p{N}]+/gu) ?? [];
  if (page.length !== alias.length) return false;
  return alias.every((w, k) => {
    const p = page[k] ?? '';
    let n = 0;
    while (n < w.length && n < p.length && w[n]?.toLowerCase() === p[n]?.toLowerCase()) n++;
    return p.slice(0, n) === w.slice(0, n);
  });
}

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
    const exact = new Map<number, number>();
    for (let j = i, node = 0; j < length; j++) {
      node = step(m, node, units[j] ?? 0);
      if (node < 0) break;
      if ((m.outStart[node] ?? 0) < (m.outStart[node + 1] ?? 0) && wordEnd(j + 1))
        exact.set(j + 1, node);
    }
    const declined = new Map<number, number[]>();
    for (const d of decliningAliases(m, u)) {
      const end = declinedEnd(m, d, units, length, i);
      if (end > 0 && wordEnd(end)) declined.set(end, [...(declined.get(end) ?? []), d.alias]);
    }
    const ends = [...new Set([...exact.keys(), ...declined.keys()])].sort((x, y) => y - x);
    for (const normEnd of ends) {
      const start = starts[i] ?? 0;
      const end = originalEnd(text, norm, normEnd - 1);
      const written = normalizeString(text.slice(start, end), true);
      let aliases: number[] = [];
      const node = exact.get(normEnd);
      if (node !== undefined) {
        for (let k = m.outStart[node] ?? 0; k < (m.outStart[node + 1] ?? 0); k++) {
          const a = m.outAlias[k] ?? 0;
          const forms = m.casedForms[a];
          if (!forms || written === forms[0] || written === forms[1]) aliases.push(a);
        }
      }
      if (aliases.length === 0) {
        aliases = (declined.get(normEnd) ?? [])
          .filter((a) => declinedCaseOk(m, a, written))
          .sort(
            (x, y) =>
              Number(m.aliases[x]?.needsContext) - Number(m.aliases[y]?.needsContext) || x - y,
          );
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
  // Declined words of declining aliases, and bare endings to glue onto any word.
  'Bydgoskiego',
  'Przemysłowego',
  'Klastra',
  'Lotniczej',
  'Omnipackban',
  'Ελληνικού Συνεργατικού Σχηματισμού Διαστημικών Τεχνολογιών και Εφαρμογών',
  'OMNIPACKKAL',
  'klasterim',
  'ego',
  'ban',
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
  }, 30_000); // 3,000 runs over the whole dataset's matcher: ~2 s alone, more on a busy machine
});
