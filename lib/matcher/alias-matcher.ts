/**
 * Finds every alias of the dataset in a text in one pass, whatever the number of aliases.
 *
 * Aliases are whole words, so a match can only begin where a word begins: the scan walks a trie
 * of normalised aliases from each word start (FlashText's rule), keeps the longest alias whose end
 * is also a word end, and jumps past it (leftmost-longest). The trie is over case-folded text;
 * an alias that must match with its letter case is verified against the original text of the few
 * candidates that reach it, so case sensitivity costs no second pass.
 */
import type { AliasRule } from '../dataset/model';
import { isWordUnit, normalizeForMatching, normalizeString, type NormalizedText } from './normalize';

export interface CompiledMatcher {
  readonly aliases: readonly AliasRule[];
  /** Trie node k's edges are [edgeStart[k], edgeStart[k+1]), sorted by edgeChar. Root is 0. */
  readonly edgeStart: Int32Array;
  readonly edgeChar: Uint16Array;
  readonly edgeTarget: Int32Array;
  /** Aliases ending at node k are outAlias[outStart[k] .. outStart[k+1]). */
  readonly outStart: Int32Array;
  readonly outAlias: Int32Array;
  /** Root edges for ASCII code units, -1 where none: most page text is ASCII. */
  readonly rootAscii: Int32Array;
  /** For case-sensitive aliases: the normal form with case kept, and its all-capitals form. */
  readonly casedForms: readonly (readonly [string, string] | null)[];
}

/** The compiled trie as plain arrays, to build once at build time and ship as JSON. */
export interface SerializedMatcher {
  format: 1;
  aliases: AliasRule[];
  edgeStart: number[];
  edgeChar: number[];
  edgeTarget: number[];
  outStart: number[];
  outAlias: number[];
}

/** A match in normalised units and original offsets, before the evidence rules. */
export interface Candidate {
  /** Original offsets [start, end). */
  start: number;
  end: number;
  /** Normalised offsets, for the evidence window. */
  normStart: number;
  normEnd: number;
  /** Aliases of this exact span that passed the case check, no-context ones first. */
  aliasIndexes: number[];
}

interface TrieNode {
  next: Map<number, TrieNode>;
  out: number[];
  index: number;
}

export function compileMatcher(aliases: readonly AliasRule[]): CompiledMatcher {
  const root: TrieNode = { next: new Map(), out: [], index: 0 };
  const nodes: TrieNode[] = [root];
  aliases.forEach((alias, aliasIndex) => {
    const key = normalizeString(alias.text);
    // An alias must begin and end where a word can; punctuation at its edges is unmatchable.
    if (key === '' || !isWordUnit(key.charCodeAt(0))) return;
    let node = root;
    for (let k = 0; k < key.length; k++) {
      const unit = key.charCodeAt(k);
      let child = node.next.get(unit);
      if (!child) {
        child = { next: new Map(), out: [], index: nodes.length };
        nodes.push(child);
        node.next.set(unit, child);
      }
      node = child;
    }
    node.out.push(aliasIndex);
  });

  let edgeCount = 0;
  let outCount = 0;
  for (const node of nodes) {
    edgeCount += node.next.size;
    outCount += node.out.length;
  }
  const edgeStart = new Int32Array(nodes.length + 1);
  const edgeChar = new Uint16Array(edgeCount);
  const edgeTarget = new Int32Array(edgeCount);
  const outStart = new Int32Array(nodes.length + 1);
  const outAlias = new Int32Array(outCount);
  let e = 0;
  let o = 0;
  for (const node of nodes) {
    edgeStart[node.index] = e;
    outStart[node.index] = o;
    for (const [unit, child] of [...node.next].sort((a, b) => a[0] - b[0])) {
      edgeChar[e] = unit;
      edgeTarget[e] = child.index;
      e++;
    }
    // No-context aliases first, so a span shared with a common-word alias prefers the safe one.
    const ordered = [...node.out].sort(
      (a, b) => Number(aliases[a]?.needsContext) - Number(aliases[b]?.needsContext) || a - b,
    );
    for (const a of ordered) outAlias[o++] = a;
  }
  edgeStart[nodes.length] = e;
  outStart[nodes.length] = o;
  return assemble(aliases, edgeStart, edgeChar, edgeTarget, outStart, outAlias);
}

function assemble(
  aliases: readonly AliasRule[],
  edgeStart: Int32Array,
  edgeChar: Uint16Array,
  edgeTarget: Int32Array,
  outStart: Int32Array,
  outAlias: Int32Array,
): CompiledMatcher {
  const rootAscii = new Int32Array(128).fill(-1);
  for (let k = edgeStart[0] ?? 0; k < (edgeStart[1] ?? 0); k++) {
    const unit = edgeChar[k] ?? 0;
    if (unit < 128) rootAscii[unit] = edgeTarget[k] ?? -1;
  }
  const casedForms = aliases.map((alias) => {
    if (!alias.caseSensitive) return null;
    const cased = normalizeString(alias.text, true);
    return [cased, normalizeString(alias.text.toUpperCase(), true)] as const;
  });
  return { aliases, edgeStart, edgeChar, edgeTarget, outStart, outAlias, rootAscii, casedForms };
}

export function serializeMatcher(matcher: CompiledMatcher): SerializedMatcher {
  return {
    format: 1,
    aliases: [...matcher.aliases],
    edgeStart: Array.from(matcher.edgeStart),
    edgeChar: Array.from(matcher.edgeChar),
    edgeTarget: Array.from(matcher.edgeTarget),
    outStart: Array.from(matcher.outStart),
    outAlias: Array.from(matcher.outAlias),
  };
}

export function deserializeMatcher(data: SerializedMatcher): CompiledMatcher {
  if (data.format !== 1) throw new Error(`unknown matcher format ${String(data.format)}`);
  return assemble(
    data.aliases,
    Int32Array.from(data.edgeStart),
    Uint16Array.from(data.edgeChar),
    Int32Array.from(data.edgeTarget),
    Int32Array.from(data.outStart),
    Int32Array.from(data.outAlias),
  );
}

function child(m: CompiledMatcher, node: number, unit: number): number {
  if (node === 0 && unit < 128) return m.rootAscii[unit] ?? -1;
  let lo = m.edgeStart[node] ?? 0;
  let hi = (m.edgeStart[node + 1] ?? 0) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = m.edgeChar[mid] ?? 0;
    if (c === unit) return m.edgeTarget[mid] ?? -1;
    if (c < unit) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const DOT = 46;
const AT = 64;
const UNDERSCORE = 95;
const SLASH = 47;
const BACKSLASH = 92;
const HASH = 35;

/** `.NET`, `user@name`, `path/name`, `#tag`: a word glued to these is part of something else. */
function joinsLeft(unit: number): boolean {
  return (
    unit === DOT || unit === AT || unit === UNDERSCORE || unit === SLASH || unit === BACKSLASH ||
    unit === HASH
  );
}

/** `NET.Core`, `name@host`, `name/path`: glued on the right only when a word follows. */
function joinsRight(unit: number): boolean {
  return unit === DOT || unit === AT || unit === UNDERSCORE || unit === SLASH || unit === BACKSLASH;
}

function endsWord(units: Uint16Array, length: number, end: number): boolean {
  const last = units[end - 1] ?? 0;
  // An alias ending in punctuation (`e.V.`) spelled it out; whatever follows is fine.
  if (!isWordUnit(last)) return true;
  if (end >= length) return true;
  const next = units[end] ?? 0;
  if (isWordUnit(next)) return false;
  return !(joinsRight(next) && end + 1 < length && isWordUnit(units[end + 1] ?? 0));
}

function caseMatches(m: CompiledMatcher, aliasIndex: number, text: string, start: number, end: number): boolean {
  const forms = m.casedForms[aliasIndex];
  if (!forms) return true;
  const written = normalizeString(text.slice(start, end), true);
  // Exactly as the dataset writes it, or all in capitals (headlines, legal lists).
  return written === forms[0] || written === forms[1];
}

/** Every leftmost-longest whole-word alias occurrence in `text`, with case rules applied. */
export function findCandidates(
  matcher: CompiledMatcher,
  text: string,
  normalized: NormalizedText = normalizeForMatching(text),
): Candidate[] {
  const { units, length, starts, ends } = normalized;
  const { outStart, outAlias } = matcher;
  const found: Candidate[] = [];
  const stack: number[] = [];
  for (let i = 0; i < length; i++) {
    const unit = units[i] ?? 0;
    if (!isWordUnit(unit)) continue;
    if (i > 0) {
      const prev = units[i - 1] ?? 0;
      if (isWordUnit(prev) || joinsLeft(prev)) continue;
    }
    // Collect nodes where an alias ends at a word end, then try them longest first.
    stack.length = 0;
    let node = 0;
    for (let j = i; j < length; j++) {
      node = child(matcher, node, units[j] ?? 0);
      if (node < 0) break;
      if ((outStart[node] ?? 0) < (outStart[node + 1] ?? 0) && endsWord(units, length, j + 1)) {
        stack.push(node, j + 1);
      }
    }
    for (let s = stack.length - 2; s >= 0; s -= 2) {
      const terminal = stack[s] ?? 0;
      const normEnd = stack[s + 1] ?? 0;
      const start = starts[i] ?? 0;
      const end = ends[normEnd - 1] ?? 0;
      const aliasIndexes: number[] = [];
      for (let k = outStart[terminal] ?? 0; k < (outStart[terminal + 1] ?? 0); k++) {
        const a = outAlias[k] ?? 0;
        if (caseMatches(matcher, a, text, start, end)) aliasIndexes.push(a);
      }
      if (aliasIndexes.length > 0) {
        found.push({ start, end, normStart: i, normEnd, aliasIndexes });
        i = normEnd - 1;
        break;
      }
    }
  }
  return found;
}
