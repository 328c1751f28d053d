/**
 * Finds every alias of the dataset in a text in one pass, whatever the number of aliases.
 *
 * Aliases are whole words, so a match can only begin where a word begins: the scan walks a trie
 * of normalised aliases from each word start (FlashText's rule), keeps the longest alias whose end
 * is also a word end, and jumps past it (leftmost-longest). The scan reads the page text itself:
 * plain ASCII words normalise to themselves in lower case, so only walks that meet anything else
 * normalise a small window (normalize.ts), and the page is never copied whole. The trie is over
 * case-folded text; an alias that must match with its letter case is verified against the
 * original text of the few candidates that reach it, so case sensitivity costs no second pass.
 */
import type { AliasRule } from '../dataset/model';
import {
  CHAR_DROP,
  CHAR_OTHER,
  CHAR_SPACE,
  CHAR_WORD,
  CONNECTOR_START,
  NormalizeBuffer,
  charClassAt,
  connectorAt,
  firstFoldedUnit,
  isWordUnit,
  normalizeForMatching,
  normalizeString,
  originalEnd,
  type NormalizedText,
} from './normalize';
import { MAX_ENDING_UNITS, isEnding, languageAt, languageIndex, stemLengths } from './inflection';
import { CLUSTER_WORD_STEM } from './cluster-words';

/**
 * The layout of the compiled trie. A matcher kept in an older layout (the background's
 * IndexedDB) is compiled again, and serialised data of another format is refused.
 */
export const MATCHER_FORMAT = 4;

/** The flags in CompiledMatcher.nodes, below the first edge. */
export const NODE_FLAGS = 3;
const HAS_ALIASES = 1;
const HAS_STEM = 2;
/** Every alias ending here keeps its letter case and begins with a capital in both its forms. */
const CAPITAL_FIRST = 4;

/** Node `node`'s first edge; its edges end at node + 1's first edge. */
export function firstEdge(m: CompiledMatcher, node: number): number {
  return (m.nodes[node] ?? 0) >> NODE_FLAGS;
}

export interface CompiledMatcher {
  readonly format: typeof MATCHER_FORMAT;
  readonly aliases: readonly AliasRule[];
  /**
   * Per trie node k (root 0), in one number so a step of the walk reads one entry: its first
   * edge (firstEdge: nodes[k] >> NODE_FLAGS), and the flags HAS_ALIASES (aliases end here) and
   * HAS_STEM (a stem jump starts here). Its edges run to node k + 1's first edge; the entry
   * after the last node holds the edge count. The nodes are numbered breadth first, children in
   * the order of their edges, so edge e leads to node e + 1: no targets are stored, and the nodes
   * near the root, which every walk reads, lie together at the start of each array.
   */
  readonly nodes: Int32Array;
  /** Each edge's unit, a node's edges sorted by it. */
  readonly edgeChar: Uint16Array;
  /** Aliases ending at node k are outAlias[outStart[k] .. outStart[k+1]). */
  readonly outStart: Int32Array;
  readonly outAlias: Int32Array;
  /** Root edges for ASCII code units, -1 where none: most page text is ASCII. */
  readonly rootAscii: Int32Array;
  /**
   * For nodes with many edges (near the root of a large dictionary), a direct table of their
   * edges for the letters and digits a-z0-9 at denseAlnum[denseIndex[k] + ALNUM_SLOT[unit]]:
   * the edge's offset from node k's first edge plus 1, 0 where none. -1 for the other nodes, which
   * are searched. One cache line per node, so a large dictionary's tables stay in cache.
   */
  readonly denseIndex: Int32Array;
  readonly denseAlnum: Uint8Array;
  /** For case-sensitive aliases: the normal form with case kept, and its all-capitals form. */
  readonly casedForms: readonly (readonly [string, string] | null)[];
  /**
   * Where a word of a declining alias may take another ending (inflection.ts): triples (stem
   * node, word-end node, language index), sorted by stem node. From the stem node a page word
   * whose rest is an ending of that language continues at the word-end node.
   */
  readonly stemJumps: Int32Array;
  /** Per node with a stem jump: the index of its first triple in stemJumps. */
  readonly stemFirst: ReadonlyMap<number, number>;
  /** Per alias: its language's bit (1 << languageIndex), 0 when its words do not decline. */
  readonly aliasLanguageBit: Int32Array;
}

/**
 * The compiled trie as plain arrays, to build once at build time and ship as JSON. Format 4:
 * edgeStart and outStart (never decreasing) as differences to the previous entry, mostly 0 and
 * 1, which keeps the background's bundle under the 5 MB that Firefox's add-on linter parses;
 * no edge targets (breadth-first numbering, see CompiledMatcher).
 */
export interface SerializedMatcher {
  format: typeof MATCHER_FORMAT;
  aliases: AliasRule[];
  edgeStart: number[];
  edgeChar: number[];
  outStart: number[];
  outAlias: number[];
  /** stemJumps, each stem node as the difference to the previous one, each word end to its stem. */
  stemJumps: number[];
}

/** An alias occurrence in original offsets, before the evidence rules. */
export interface Candidate {
  /** Original offsets [start, end). */
  start: number;
  end: number;
  /** Aliases of this exact span that passed the case check, no-context ones first. */
  aliasIndexes: number[];
}

/** A node while compiling. Most have one child, kept without a Map, and no aliases. */
interface TrieNode {
  unit: number;
  child: TrieNode | null;
  /** Children besides `child`, by unit. */
  more: Map<number, TrieNode> | null;
  out: number[] | null;
  index: number;
}

function newNode(index: number): TrieNode {
  return { unit: -1, child: null, more: null, out: null, index };
}

function childOf(node: TrieNode, unit: number): TrieNode | undefined {
  return node.unit === unit ? (node.child ?? undefined) : node.more?.get(unit);
}

function addChild(node: TrieNode, unit: number, child: TrieNode): void {
  if (node.child === null) {
    node.unit = unit;
    node.child = child;
  } else (node.more ??= new Map()).set(unit, child);
}

/** A node's children, by unit. */
function childrenOf(node: TrieNode): [number, TrieNode][] {
  if (node.child === null) return [];
  if (node.more === null) return [[node.unit, node.child]];
  return [[node.unit, node.child] as [number, TrieNode], ...node.more].sort((a, b) => a[0] - b[0]);
}

export function compileMatcher(aliases: readonly AliasRule[]): CompiledMatcher {
  const root = newNode(0);
  const nodes: TrieNode[] = [root];
  const jumpList: [number, number, number][] = [];
  aliases.forEach((alias, aliasIndex) => {
    const key = normalizeString(alias.text);
    // An alias must begin and end where a word can; punctuation at its edges is unmatchable.
    if (key === '' || !isWordUnit(key.charCodeAt(0))) return;
    let node = root;
    // The node after each unit, for the stem jumps of a declining alias only.
    const path: number[] | null = alias.inflect === undefined ? null : [];
    for (let k = 0; k < key.length; k++) {
      const unit = key.charCodeAt(k);
      let child = childOf(node, unit);
      if (!child) {
        child = newNode(nodes.length);
        nodes.push(child);
        addChild(node, unit, child);
      }
      node = child;
      path?.push(node.index);
    }
    (node.out ??= []).push(aliasIndex);
    if (alias.inflect === undefined || path === null) return;
    const language = languageIndex(alias.inflect);
    for (const [start, end] of decliningWords(alias.text, key)) {
      const word = key.slice(start, end);
      const target = path[end - 1] ?? -1;
      for (const cut of stemLengths(word, alias.inflect)) {
        jumpList.push([path[start + cut - 1] ?? -1, target, language]);
      }
    }
  });

  // Breadth first, children by unit: the nodes near the root, which every walk reads, lie
  // together at the start of each array, and edge e leads to node e + 1.
  let outCount = 0;
  for (const node of nodes) outCount += node.out?.length ?? 0;
  const edgeStart = new Int32Array(nodes.length + 1);
  // A tree: one edge into every node but the root.
  const edgeChar = new Uint16Array(nodes.length - 1);
  const outStart = new Int32Array(nodes.length + 1);
  const outAlias = new Int32Array(outCount);
  const renumber = new Int32Array(nodes.length);
  const order: TrieNode[] = [root];
  let e = 0;
  let o = 0;
  for (let k = 0; k < order.length; k++) {
    const node = order[k] as TrieNode;
    edgeStart[k] = e;
    outStart[k] = o;
    for (const [unit, child] of childrenOf(node)) {
      edgeChar[e++] = unit;
      renumber[child.index] = order.length;
      order.push(child);
    }
    if (node.out === null) continue;
    // No-context aliases first, so a span shared with a common-word alias prefers the safe one.
    const ordered = [...node.out].sort(
      (x, y) => Number(aliases[x]?.needsContext) - Number(aliases[y]?.needsContext) || x - y,
    );
    for (const alias of ordered) outAlias[o++] = alias;
  }
  edgeStart[nodes.length] = e;
  outStart[nodes.length] = o;
  for (const jump of jumpList) {
    jump[0] = jump[0] < 0 ? -1 : (renumber[jump[0]] ?? -1);
    jump[1] = jump[1] < 0 ? -1 : (renumber[jump[1]] ?? -1);
  }
  jumpList.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  // Aliases that share a word's path (a name and its variants) give the same jump: kept once.
  const unique = jumpList.filter(
    (j, k) => k === 0 || j.some((value, n) => value !== jumpList[k - 1]?.[n]),
  );
  const stemJumps = Int32Array.from(unique.flat());
  return assemble(aliases, edgeStart, edgeChar, outStart, outAlias, stemJumps);
}

const WORD_TOKEN = /[\p{L}\p{N}]+/gu;
const HAS_DIGIT = /\p{N}/u;
const HAS_LOWER = /\p{Ll}/u;

// The variants of a name repeat its words many times ("Klastra …", "Klastrem …"): normalised once.
const normalizedWords = new Map<string, string>();
const MAX_CACHED_WORDS = 50_000;

function normalizedWord(word: string): string {
  let normalized = normalizedWords.get(word);
  if (normalized === undefined) {
    if (normalizedWords.size >= MAX_CACHED_WORDS) normalizedWords.clear();
    normalized = normalizeString(word);
    normalizedWords.set(word, normalized);
  }
  return normalized;
}

/**
 * The [start, end) ranges in `key` (the alias's normal form) of the words that decline: not
 * acronyms (capitals, digits), not the cluster word, and long enough (see stemLengths). Each
 * word of `key` is found among the alias's own words in order, since connectors (`i`, `a`, `és`)
 * are `&` in the key.
 */
export function decliningWords(text: string, key: string): [number, number][] {
  const written = text.match(WORD_TOKEN) ?? [];
  const out: [number, number][] = [];
  let w = 0;
  for (let start = 0; start < key.length;) {
    if (!isWordUnit(key.charCodeAt(start))) {
      start++;
      continue;
    }
    let end = start + 1;
    while (end < key.length && isWordUnit(key.charCodeAt(end))) end++;
    const word = key.slice(start, end);
    while (w < written.length && normalizedWord(written[w] ?? '') !== word) w++;
    const original = written[w++];
    if (original === undefined) break;
    const acronym = HAS_DIGIT.test(original) || (original.length > 1 && !HAS_LOWER.test(original));
    // The cluster word has its own forms (name-variants.ts); declined here it would run free.
    if (!acronym && !CLUSTER_WORD_STEM.test(word)) out.push([start, end]);
    start = end;
  }
  return out;
}

function assemble(
  aliases: readonly AliasRule[],
  edgeStart: Int32Array,
  edgeChar: Uint16Array,
  outStart: Int32Array,
  outAlias: Int32Array,
  stemJumps: Int32Array,
): CompiledMatcher {
  const rootAscii = new Int32Array(128).fill(-1);
  for (let k = edgeStart[0] ?? 0; k < (edgeStart[1] ?? 0); k++) {
    const unit = edgeChar[k] ?? 0;
    if (unit < 128) rootAscii[unit] = k + 1;
  }
  const nodeCount = edgeStart.length - 1;
  const denseIndex = new Int32Array(nodeCount).fill(-1);
  let dense = 0;
  for (let node = 1; node < nodeCount; node++) {
    const edges = (edgeStart[node + 1] ?? 0) - (edgeStart[node] ?? 0);
    // Offsets up to 255 fit a byte; a node with more edges than that is searched.
    if (edges > LINEAR_EDGES && edges < 256) denseIndex[node] = ALNUM_SLOTS * dense++;
  }
  const denseAlnum = new Uint8Array(ALNUM_SLOTS * dense);
  for (let node = 1; node < nodeCount; node++) {
    const base = denseIndex[node] ?? -1;
    if (base < 0) continue;
    const first = edgeStart[node] ?? 0;
    for (let k = first; k < (edgeStart[node + 1] ?? 0); k++) {
      const unit = edgeChar[k] ?? 0;
      const slot = unit < 128 ? (ALNUM_SLOT[unit] ?? -1) : -1;
      if (slot >= 0) denseAlnum[base + slot] = k - first + 1;
    }
  }
  const casedForms = aliases.map((alias) => {
    if (!alias.caseSensitive) return null;
    const cased = normalizeString(alias.text, true);
    return [cased, normalizeString(alias.text.toUpperCase(), true)] as const;
  });
  const capitalFirst = (a: number) => {
    const forms = casedForms[a];
    return forms !== null && forms !== undefined && forms.every((f) => /^[A-Z]/.test(f));
  };
  const nodes = new Int32Array(nodeCount + 1);
  for (let k = 0; k <= nodeCount; k++) {
    const from = outStart[k] ?? 0;
    const to = k < nodeCount ? (outStart[k + 1] ?? 0) : from;
    let flags = from < to ? HAS_ALIASES | CAPITAL_FIRST : 0;
    for (let o = from; o < to && (flags & CAPITAL_FIRST) !== 0; o++)
      if (!capitalFirst(outAlias[o] ?? 0)) flags &= ~CAPITAL_FIRST;
    nodes[k] = ((edgeStart[k] ?? 0) << NODE_FLAGS) | flags;
  }
  const stemFirst = new Map<number, number>();
  for (let k = 0; k < stemJumps.length; k += 3) {
    const stem = stemJumps[k] ?? 0;
    if (stemFirst.has(stem)) continue;
    nodes[stem] = (nodes[stem] ?? 0) | HAS_STEM;
    stemFirst.set(stem, k);
  }
  const aliasLanguageBit = Int32Array.from(aliases, (a) =>
    a.inflect === undefined ? 0 : 1 << languageIndex(a.inflect),
  );
  return {
    format: MATCHER_FORMAT,
    aliases,
    nodes,
    edgeChar,
    outStart,
    outAlias,
    rootAscii,
    denseIndex,
    denseAlnum,
    casedForms,
    stemJumps,
    stemFirst,
    aliasLanguageBit,
  };
}

export function serializeMatcher(matcher: CompiledMatcher): SerializedMatcher {
  // Stem nodes as differences to the previous one, word ends as differences to their stem:
  // small numbers, a third of the JSON.
  const stemJumps = Array.from(matcher.stemJumps);
  for (let k = stemJumps.length - 3; k >= 0; k -= 3) {
    stemJumps[k + 1] = (stemJumps[k + 1] ?? 0) - (stemJumps[k] ?? 0);
    if (k > 0) stemJumps[k] = (stemJumps[k] ?? 0) - (stemJumps[k - 3] ?? 0);
  }
  return {
    format: MATCHER_FORMAT,
    stemJumps,
    aliases: [...matcher.aliases],
    edgeStart: differences(matcher.nodes.map((info) => info >> NODE_FLAGS)),
    edgeChar: Array.from(matcher.edgeChar),
    outStart: differences(matcher.outStart),
    outAlias: Array.from(matcher.outAlias),
  };
}

/** Each entry as its difference to the one before (the first as it is). */
function differences(values: Int32Array): number[] {
  const out = new Array<number>(values.length);
  for (let k = 0; k < values.length; k++)
    out[k] = (values[k] ?? 0) - (k > 0 ? (values[k - 1] ?? 0) : 0);
  return out;
}

/** Whether `starts` go from 0 to `end` without going back. */
function ranges(starts: Int32Array, end: number): boolean {
  if (starts[0] !== 0 || starts[starts.length - 1] !== end) return false;
  for (let k = 1; k < starts.length; k++) if ((starts[k] ?? 0) < (starts[k - 1] ?? 0)) return false;
  return true;
}

/** The running sums of `differences`: the entries back. */
function sums(deltas: readonly number[]): Int32Array {
  const out = new Int32Array(deltas.length);
  let total = 0;
  for (let k = 0; k < deltas.length; k++) out[k] = total += deltas[k] ?? 0;
  return out;
}

export function deserializeMatcher(data: SerializedMatcher): CompiledMatcher {
  if (data.format !== MATCHER_FORMAT)
    throw new Error(`unknown matcher format ${String(data.format)}`);
  const edgeStart = sums(data.edgeStart);
  const outStart = sums(data.outStart);
  // A tree: one edge into every node but the root, each node's edges and aliases after the
  // previous node's.
  const nodes = edgeStart.length - 1;
  if (
    data.edgeChar.length !== nodes - 1 ||
    !ranges(edgeStart, data.edgeChar.length) ||
    outStart.length !== nodes + 1 ||
    !ranges(outStart, data.outAlias.length)
  )
    throw new Error('matcher data does not describe a trie');
  const stemJumps = Int32Array.from(data.stemJumps);
  for (let k = 0; k < stemJumps.length; k += 3) {
    if (k > 0) stemJumps[k] = (stemJumps[k] ?? 0) + (stemJumps[k - 3] ?? 0);
    stemJumps[k + 1] = (stemJumps[k + 1] ?? 0) + (stemJumps[k] ?? 0);
  }
  return assemble(
    data.aliases,
    edgeStart,
    Uint16Array.from(data.edgeChar),
    outStart,
    Int32Array.from(data.outAlias),
    stemJumps,
  );
}

// Below the root most nodes have one or two edges: a linear scan beats bisection there.
const LINEAR_EDGES = 8;

/** Normalised letters and digits, the units most edges have: a-z as 0-25, 0-9 as 26-35. */
const ALNUM_SLOTS = 36;
const ALNUM_SLOT = new Int8Array(128).fill(-1);
for (let c = 97; c <= 122; c++) ALNUM_SLOT[c] = c - 97;
for (let c = 48; c <= 57; c++) ALNUM_SLOT[c] = c - 48 + 26;

function child(m: CompiledMatcher, node: number, unit: number): number {
  if (node === 0 && unit < 128) return m.rootAscii[unit] ?? -1;
  const { edgeChar, nodes } = m;
  let lo = (nodes[node] ?? 0) >> NODE_FLAGS;
  let hi = ((nodes[node + 1] ?? 0) >> NODE_FLAGS) - 1;
  // Breadth-first numbering: edge k leads to node k + 1.
  if (hi - lo < LINEAR_EDGES) {
    for (let k = lo; k <= hi; k++) if (edgeChar[k] === unit) return k + 1;
    return -1;
  }
  const slot = unit < 128 ? (ALNUM_SLOT[unit] ?? -1) : -1;
  const base = m.denseIndex[node] ?? -1;
  if (slot >= 0 && base >= 0) {
    const offset = m.denseAlnum[base + slot] ?? 0;
    return offset === 0 ? -1 : lo + offset;
  }
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = edgeChar[mid] ?? 0;
    if (c === unit) return mid + 1;
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
    unit === DOT ||
    unit === AT ||
    unit === UNDERSCORE ||
    unit === SLASH ||
    unit === BACKSLASH ||
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

function caseMatches(
  m: CompiledMatcher,
  aliasIndex: number,
  text: string,
  start: number,
  end: number,
): boolean {
  const forms = m.casedForms[aliasIndex];
  if (!forms) return true;
  // A span of ASCII letters and digits normalises to itself: compared in place, without the
  // copies below. Most spans are one such word ("with", "Who" against acronyms WITH, WHO).
  if (isAsciiWord(text, start, end))
    return spanEquals(text, start, end, forms[0]) || spanEquals(text, start, end, forms[1]);
  const written = normalizeString(text.slice(start, end), true);
  // Exactly as the dataset writes it, or all in capitals (headlines, legal lists).
  return written === forms[0] || written === forms[1];
}

function isAsciiWord(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128 || ASCII_ALNUM[c] !== 1) return false;
  }
  return true;
}

function spanEquals(text: string, start: number, end: number, form: string): boolean {
  if (form.length !== end - start) return false;
  for (let k = 0; k < form.length; k++)
    if (text.charCodeAt(start + k) !== form.charCodeAt(k)) return false;
  return true;
}

const ASCII_ALNUM = new Uint8Array(128);
const ASCII_CLASS = new Uint8Array(128);
const ASCII_JOINS_LEFT = new Uint8Array(128);
const ASCII_JOINS_RIGHT = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const alnum = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  ASCII_ALNUM[c] = alnum ? 1 : 0;
  const space = c === 32 || (c >= 9 && c <= 13);
  ASCII_CLASS[c] = alnum ? CHAR_WORD : space ? CHAR_SPACE : CHAR_OTHER;
  ASCII_JOINS_LEFT[c] = joinsLeft(c) ? 1 : 0;
  ASCII_JOINS_RIGHT[c] = joinsRight(c) ? 1 : 0;
}

/** Scratch for the trie walk: (node, original end, language mask). Matching is synchronous. */
const stack: number[] = [];
let terminals = 0;
const windowBuffer = new NormalizeBuffer();
// Most walks that need the normaliser end within a few words; longer ones widen the window.
const SLOW_WINDOW = 48;
const WINDOW_MARGIN = 8;

/** ASCII whitespace and the no-break spaces: units the normaliser turns into one space. */
function isSpaceUnit(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x202f;
}

function hasOutput(m: CompiledMatcher, node: number): boolean {
  return ((m.nodes[node] ?? 0) & HAS_ALIASES) !== 0;
}

/** Whether aliases end at `node`, unless its flags are all of `skip` (-1: skip none). */
function mayEndHere(m: CompiledMatcher, node: number, skip: number): boolean {
  const flags = m.nodes[node] ?? 0;
  return (flags & HAS_ALIASES) !== 0 && (flags & skip) !== skip;
}

function hasStem(m: CompiledMatcher, node: number): boolean {
  return ((m.nodes[node] ?? 0) & HAS_STEM) !== 0;
}

function hasEdges(m: CompiledMatcher, node: number): boolean {
  return firstEdge(m, node) < firstEdge(m, node + 1);
}

/**
 * Whether `node` has an edge for a unit up to `unit` (edges are sorted): false means no walk
 * goes on with a space (32), `&` (38) or `-` (45) when `unit` is at least that unit.
 */
function hasEdgeUpTo(m: CompiledMatcher, node: number, unit: number): boolean {
  const first = firstEdge(m, node);
  return first < firstEdge(m, node + 1) && (m.edgeChar[first] ?? 0xffff) <= unit;
}

/** The mask of a walk that took no ending: every alias at its terminals may match. */
const EXACT = -1;
/** Whether a walk of the current word start took an ending (terminals then need sorting). */
let declined = false;

/** A terminal: its node, its end in the original text, and the languages its walk allows. */
function pushTerminal(node: number, end: number, mask = EXACT): void {
  if (terminals === stack.length) stack.push(0, 0, 0);
  stack[terminals++] = node;
  stack[terminals++] = end;
  stack[terminals++] = mask;
}

/**
 * The walk from word start `i` on the raw text, for the common case: ASCII letters, digits and
 * punctuation, and whitespace between words, which normalise to themselves (letters in lower
 * case, whitespace as one space). Returns false when the walk meets anything else (`-`, `&`,
 * connectors, most non-ASCII) while the trie could still continue: the normalising walk then
 * takes over. Never wrong, only sometimes not enough; tests/unit/matcher/scan-oracle.test.ts
 * holds it to the plain definition.
 */
function walkAscii(m: CompiledMatcher, text: string, i: number): boolean {
  const len = text.length;
  const first = text.charCodeAt(i);
  let node = m.rootAscii[first >= 65 && first <= 90 ? first + 32 : first] ?? -1;
  if (node < 0) return true;
  // A word in lower case ("who", "with") cannot be an acronym that keeps its capitals (WHO):
  // such terminals are not pushed, which spares resolving them.
  const skip = first >= 97 && first <= 122 ? HAS_ALIASES | CAPITAL_FIRST : -1;
  let j = i + 1;
  // Whether the last unit walked is a letter or digit: only then can a joiner glue on.
  let lastWord = true;
  for (;;) {
    while (j < len) {
      const d = text.charCodeAt(j);
      if (d >= 128 || ASCII_ALNUM[d] !== 1) break;
      node = child(m, node, d >= 65 && d <= 90 ? d + 32 : d);
      if (node < 0) return true;
      // A stem where a declining alias word may end otherwise: the normalising walk tries it.
      if (hasStem(m, node) && mayTakeEnding(m, text, j + 1, node)) return false;
      lastWord = true;
      j++;
    }
    if (j >= len) {
      if (mayEndHere(m, node, skip)) pushTerminal(node, j);
      return true;
    }
    let next = text.charCodeAt(j);
    if (next >= 128) {
      // Typographic apostrophes and no-break spaces are common enough in Latin text to stay on
      // the fast walk; they normalise to `'` and a space.
      if (next === 0x2019 || next === 0x2018 || next === 0x2bc) next = 39;
      else if (!isSpaceUnit(next)) return !(hasOutput(m, node) || hasEdges(m, node));
    }
    if (isSpaceUnit(next)) {
      if (mayEndHere(m, node, skip)) pushTerminal(node, j);
      // Whitespace becomes one space, or goes into a dash, `&` or connector (`&`) after it.
      if (!hasEdgeUpTo(m, node, 45)) return true;
      // Whitespace then an ASCII word that is not a connector is still the easy case: the run
      // becomes one space. A dash, `&` or connector after it swallows it instead, and
      // anything else may normalise in ways only the normaliser knows.
      let k = j + 1;
      while (k < len && isSpaceUnit(text.charCodeAt(k))) k++;
      const after = k < len ? text.charCodeAt(k) : 0;
      if (after >= 128 || ASCII_ALNUM[after] !== 1) return false;
      if (CONNECTOR_START[after] === 1 && connectorAt(text, k, len, false) > 0) return false;
      node = child(m, node, 32);
      if (node < 0) return true;
      lastWord = false;
      j = k;
      continue;
    }
    if (next === 45 || next === 38) {
      // `-` and `&` end a word; what follows them depends on the whitespace they swallow.
      if (mayEndHere(m, node, skip)) pushTerminal(node, j);
      return !hasEdgeUpTo(m, node, next);
    }
    // Other ASCII punctuation stays as it is.
    if (hasOutput(m, node)) {
      let ends = true;
      if (lastWord && ASCII_JOINS_RIGHT[next] === 1) {
        const after = j + 1 < len ? text.charCodeAt(j + 1) : 32;
        if (after >= 128) return false;
        ends = ASCII_ALNUM[after] !== 1;
      }
      if (ends && mayEndHere(m, node, skip)) pushTerminal(node, j);
    }
    node = child(m, node, next);
    if (node < 0) return true;
    lastWord = false;
    j++;
    // An alias ending in punctuation (`e.V.`) ends here even if a letter follows at once.
    if (mayEndHere(m, node, skip) && j < len && ASCII_ALNUM[text.charCodeAt(j)] === 1)
      pushTerminal(node, j);
  }
}

/**
 * Whether, at stem node `stem` with the page word's rest starting at `from`, some declining
 * alias word could take that rest as an ending (what takeEnding would do), for walkAscii: most
 * English words that pass a stem ("technolog-y" of a Polish organisation's English name) end as
 * the alias word does, and need no normalising walk. True when unsure (non-ASCII ahead).
 */
function mayTakeEnding(m: CompiledMatcher, text: string, from: number, stem: number): boolean {
  let end = from;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c >= 128) return true;
    if (ASCII_ALNUM[c] !== 1) break;
    if (++end - from > MAX_ENDING_UNITS) return false;
  }
  let exact = stem;
  let ending = '';
  for (let k = from; k < end; k++) {
    const c = text.charCodeAt(k);
    const unit = c >= 65 && c <= 90 ? c + 32 : c;
    if (exact >= 0) exact = child(m, exact, unit);
    ending += String.fromCharCode(unit);
  }
  const previous = text.charCodeAt(from - 1);
  const stemLast = String.fromCharCode(previous >= 65 && previous <= 90 ? previous + 32 : previous);
  const { stemJumps } = m;
  for (let k = m.stemFirst.get(stem) ?? stemJumps.length; stemJumps[k] === stem; k += 3) {
    if (stemJumps[k + 1] === exact) continue;
    const language = languageAt(stemJumps[k + 2] ?? 0);
    if (language !== undefined && isEnding(language, ending, stemLast)) return true;
  }
  return false;
}

/** The walk from word start `i` over normalised text, for everything walkAscii declines. */
function walkNormalized(m: CompiledMatcher, text: string, i: number): void {
  for (let size = SLOW_WINDOW; ; size *= 4) {
    const to = Math.min(text.length, i + size);
    const norm = normalizeForMatching(text, false, windowBuffer, i, to);
    terminals = 0;
    declined = false;
    const reached = walkFrom(m, text, norm, 0, 0, EXACT);
    // Near the window's end the normaliser lacks lookahead (a cut `and` is not yet `&`, a joiner
    // not yet known to glue), so a walk that got that far is redone over a wider window.
    if (to === text.length || reached < norm.length - WINDOW_MARGIN) return;
  }
}

/**
 * Walks the trie from `node` over normalised units from `j`, pushing terminals; at a stem node
 * also every way a declined page word continues (takeEnding). Returns the furthest unit read.
 */
function walkFrom(
  m: CompiledMatcher,
  text: string,
  norm: NormalizedText,
  node: number,
  j: number,
  mask: number,
): number {
  const { units, length } = norm;
  let furthest = j;
  for (;;) {
    if (hasStem(m, node)) furthest = Math.max(furthest, takeEnding(m, text, norm, node, j, mask));
    if (j >= length) break;
    const next = child(m, node, units[j] ?? 0);
    if (next < 0) break;
    node = next;
    j++;
    if (hasOutput(m, node) && endsWord(units, length, j)) {
      pushTerminal(node, originalEnd(text, norm, j - 1), mask);
    }
  }
  return Math.max(furthest, j);
}

/**
 * At stem node `stem`, with the page word's rest starting at unit `j`: for each declining alias
 * word with this stem whose language has that rest as an ending, continue at the alias word's
 * end. The walk's mask keeps only the languages of the endings taken.
 */
function takeEnding(
  m: CompiledMatcher,
  text: string,
  norm: NormalizedText,
  stem: number,
  j: number,
  mask: number,
): number {
  const { units, length } = norm;
  let end = j;
  while (end < length && isWordUnit(units[end] ?? 0)) {
    if (++end - j > MAX_ENDING_UNITS) return end;
  }
  let ending: string | null = null;
  let reached = end;
  // Where the page's own ending leads in the trie: a jump there is the exact walk's.
  let exact = stem;
  for (let k = j; k < end && exact >= 0; k++) exact = child(m, exact, units[k] ?? 0);
  const { stemJumps } = m;
  for (let k = m.stemFirst.get(stem) ?? stemJumps.length; stemJumps[k] === stem; k += 3) {
    const target = stemJumps[k + 1] ?? 0;
    const bit = 1 << (stemJumps[k + 2] ?? 0);
    if ((mask & bit) === 0 || target === exact) continue;
    const language = languageAt(stemJumps[k + 2] ?? 0);
    if (language === undefined) continue;
    ending ??= String.fromCharCode(...units.subarray(j, end));
    if (!isEnding(language, ending, String.fromCharCode(units[j - 1] ?? 0))) continue;
    declined = true;
    if (hasOutput(m, target) && endsWord(units, length, end)) {
      pushTerminal(target, originalEnd(text, norm, end - 1), bit);
    }
    reached = Math.max(reached, walkFrom(m, text, norm, target, end, bit));
  }
  return reached;
}

/** Every leftmost-longest whole-word alias occurrence in `text`, with case rules applied. */
export function findCandidates(matcher: CompiledMatcher, text: string): Candidate[] {
  const len = text.length;
  const found: Candidate[] = [];
  let prevWord = false;
  let prevJoins = false;
  let afterSpace = true;
  let seenText = false;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    // Letters inside a word are most of the text: they go first and cost one lookup.
    if (c < 128 && ASCII_ALNUM[c] === 1) {
      if (prevWord) continue;
    } else {
      const cls = c < 128 ? (ASCII_CLASS[c] ?? CHAR_OTHER) : charClassAt(text, i);
      if (cls === CHAR_DROP) continue;
      if (cls !== CHAR_WORD) {
        prevWord = false;
        prevJoins = c < 128 && ASCII_JOINS_LEFT[c] === 1;
        afterSpace = cls === CHAR_SPACE;
        if (!afterSpace) seenText = true;
        continue;
      }
      if (prevWord) continue;
    }
    prevWord = true;
    const joined = prevJoins;
    const connectorPossible = afterSpace && seenText;
    prevJoins = false;
    afterSpace = false;
    seenText = true;
    if (joined) continue;
    // `and`, `und`, `y`… between spaces are `&` to the normaliser, not a word.
    if (connectorPossible && (c >= 128 || CONNECTOR_START[c] === 1)) {
      const end = connectorAt(text, i, len, false);
      if (end > 0) {
        i = end - 1;
        prevWord = false;
        continue;
      }
    }
    terminals = 0;
    if (c < 128) {
      if (!walkAscii(matcher, text, i)) walkNormalized(matcher, text, i);
    } else if (child(matcher, 0, firstFoldedUnit(c)) >= 0) {
      walkNormalized(matcher, text, i);
    }
    if (terminals === 0) continue;
    const end = resolve(matcher, text, i, found);
    if (end > 0) {
      i = end - 1;
      prevWord = charClassAt(text, i) === CHAR_WORD;
      prevJoins = joinsLeft(text.charCodeAt(i));
    }
  }
  return found;
}

/** Longest first; a shorter alias at the same start is the fallback when case rules reject. */
function resolve(m: CompiledMatcher, text: string, start: number, found: Candidate[]): number {
  if (declined) sortTerminals();
  const { outStart, outAlias, aliasLanguageBit } = m;
  for (let s = terminals - 3; s >= 0; s -= 3) {
    const end = stack[s + 1] ?? 0;
    let aliasIndexes: number[] | null = null;
    // Every terminal ending here (a declined walk may reach one end more than once). The words
    // as written come first: only where no alias is written so do declined ones count.
    let first = s;
    while (first >= 3 && stack[first - 2] === end) first -= 3;
    for (let pass = 0; pass < 2 && !aliasIndexes; pass++) {
      for (let t = first; t <= s; t += 3) {
        const terminal = stack[t] ?? 0;
        const mask = stack[t + 2] ?? EXACT;
        if ((mask === EXACT) !== (pass === 0)) continue;
        for (let k = outStart[terminal] ?? 0; k < (outStart[terminal + 1] ?? 0); k++) {
          const a = outAlias[k] ?? 0;
          if (aliasIndexes?.includes(a)) continue;
          if (mask === EXACT) {
            if (caseMatches(m, a, text, start, end)) (aliasIndexes ??= []).push(a);
          } else if (
            ((aliasLanguageBit[a] ?? 0) & mask) !== 0 &&
            declinedCaseMatches(m, a, text, start, end)
          ) {
            (aliasIndexes ??= []).push(a);
          }
        }
      }
    }
    const several = first !== s;
    s = first;
    if (aliasIndexes) {
      // No-context aliases first, as the trie orders them for one terminal.
      if (several && aliasIndexes.length > 1)
        aliasIndexes.sort(
          (x, y) =>
            Number(m.aliases[x]?.needsContext) - Number(m.aliases[y]?.needsContext) || x - y,
        );
      found.push({ start, end, aliasIndexes });
      return end;
    }
  }
  return 0;
}

/** Terminal triples by end, ascending, as a walk without endings pushes them. */
function sortTerminals(): void {
  const triples: [number, number, number][] = [];
  for (let s = 0; s < terminals; s += 3)
    triples.push([stack[s] ?? 0, stack[s + 1] ?? 0, stack[s + 2] ?? EXACT]);
  triples.sort((a, b) => a[1] - b[1]);
  let s = 0;
  for (const [node, end, mask] of triples) {
    stack[s++] = node;
    stack[s++] = end;
    stack[s++] = mask;
  }
}

const WORDS = /[\p{L}\p{N}]+/gu;

/**
 * The letter-case rule for a declined occurrence of a case-sensitive alias: each page word must
 * be written as the alias's word as far as both agree in letters (the stem: "LifeScience" not
 * "Lifescience", "Klastra" not "klastra"), or the whole occurrence be in capitals.
 */
function declinedCaseMatches(
  m: CompiledMatcher,
  aliasIndex: number,
  text: string,
  start: number,
  end: number,
): boolean {
  const forms = m.casedForms[aliasIndex];
  if (!forms) return true;
  const written = normalizeString(text.slice(start, end), true);
  if (written === written.toUpperCase()) return true;
  const pageWords = written.match(WORDS) ?? [];
  const aliasWords = forms[0].match(WORDS) ?? [];
  if (pageWords.length !== aliasWords.length) return false;
  return aliasWords.every((word, k) => {
    const page = pageWords[k] ?? '';
    let shared = 0;
    while (
      shared < word.length &&
      shared < page.length &&
      page.charAt(shared).toLowerCase() === word.charAt(shared).toLowerCase()
    )
      shared++;
    return page.slice(0, shared) === word.slice(0, shared);
  });
}
