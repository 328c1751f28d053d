/**
 * Matcher benchmark over the text of the real-page corpus: our one-pass trie against one RegExp
 * alternation and against one RegExp per alias (what mark.js-style highlighters do), our cost
 * with a ten-times larger dictionary, and compile time and heap of the compiled matcher.
 *
 *   npx tsx scripts/bench/matcher.ts
 *   npx tsx scripts/bench/matcher.ts --ours    (our rows only, in CPU time of this process as well:
 *                                               steadier than wall time on a shared machine)
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { deriveAliasRule } from '../../lib/dataset/alias-rules';
import type { AliasRule } from '../../lib/dataset/model';
import { slugify } from '../../lib/dataset/slug';
import {
  compileMatcher,
  deserializeMatcher,
  matchSegments,
  matchText,
  serializeMatcher,
  type CompiledMatcher,
  type SerializedMatcher,
} from '../../lib/matcher';
import { loadAliases, loadCorpus, type CorpusPage } from '../corpus-matches';

const WARMUP = 2;
const RUNS = 7;
// The regex scans take up to seconds per run; fewer runs keep the bench near a minute.
const SLOW_RUNS = 3;
const DICTIONARY_FACTOR = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Median (and fastest) wall time of `run` in ms, after warm-up; `run` returns a count so the
 * work is not optimised away. The fastest run shows what a quiet machine does.
 */
function time(
  run: () => number,
  runs = RUNS,
  warmup = WARMUP,
): { ms: number; min: number; count: number } {
  let count = 0;
  for (let k = 0; k < warmup; k++) count = run();
  const samples: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    count = run();
    samples.push(performance.now() - t0);
  }
  return { ms: median(samples), min: Math.min(...samples), count };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/**
 * Every Latin letter with its accented forms, as mark.js writes them with its default
 * `diacritics: true`: the regex then finds "Clúster" for "Cluster", as our matcher does.
 */
const DIACRITIC_CLASSES = (() => {
  const variants = new Map<string, string>();
  for (let cp = 0xc0; cp <= 0x24f; cp++) {
    const ch = String.fromCodePoint(cp);
    const base = ch
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase();
    if (/^[a-z]$/.test(base)) variants.set(base, (variants.get(base) ?? '') + ch);
  }
  return variants;
})();

function diacriticPattern(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKD').replace(/\p{M}+/gu, '')) {
    const lower = ch.toLowerCase();
    const variants = DIACRITIC_CLASSES.get(lower);
    if (variants) out += `[${lower}${variants}]`;
    else if (/\s/.test(ch)) out += '\\s+';
    else out += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return out;
}

// Unicode-aware whole-word boundaries, as a regex-based highlighter would write them.
const BEFORE = '(?<![\\p{L}\\p{N}\\p{M}])';
const AFTER = '(?![\\p{L}\\p{N}\\p{M}])';

function alternation(aliases: readonly AliasRule[], pattern = escapeRegExp): RegExp {
  // Longest first, so the alternation is leftmost-longest like ours.
  const texts = [...new Set(aliases.map((a) => a.text))].sort((a, b) => b.length - a.length);
  return new RegExp(`${BEFORE}(?:${texts.map(pattern).join('|')})${AFTER}`, 'giu');
}

function perAlias(aliases: readonly AliasRule[], pattern = escapeRegExp): RegExp[] {
  return [...new Set(aliases.map((a) => a.text))].map(
    (t) => new RegExp(`${BEFORE}${pattern(t)}${AFTER}`, 'giu'),
  );
}

function countRegex(re: RegExp, pages: readonly CorpusPage[]): number {
  let n = 0;
  for (const page of pages) {
    re.lastIndex = 0;
    while (re.exec(page.text) !== null) n++;
  }
  return n;
}

/** Deterministic PRNG (mulberry32): the same synthetic dictionary on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = [
  'Aarhus',
  'Alentejo',
  'Algarve',
  'Alsace',
  'Andalucía',
  'Aquitaine',
  'Asturias',
  'Baden',
  'Bavaria',
  'Bergen',
  'Bohemia',
  'Brabant',
  'Bretagne',
  'Brno',
  'Burgas',
  'Calabria',
  'Cantabria',
  'Castilla',
  'Cluj',
  'Cork',
  'Craiova',
  'Dalarna',
  'Debrecen',
  'Drenthe',
  'Emilia',
  'Flandre',
  'Friuli',
  'Galați',
  'Gdańsk',
  'Gent',
  'Göteborg',
  'Graz',
  'Groningen',
  'Hessen',
  'Iași',
  'Jutland',
  'Kaunas',
  'Košice',
  'Liguria',
  'Limburg',
  'Linz',
  'Łódź',
  'Lorraine',
  'Lublin',
  'Lyon',
  'Malmö',
  'Marche',
  'Moravia',
  'Murcia',
  'Navarra',
  'Normandie',
  'Occitanie',
  'Olomouc',
  'Oulu',
  'Patras',
  'Pécs',
  'Piemonte',
  'Plovdiv',
  'Porto',
  'Poznań',
  'Puglia',
  'Rīga',
  'Rzeszów',
  'Saarland',
  'Sachsen',
  'Savonia',
  'Silesia',
  'Skåne',
  'Sevilla',
  'Styria',
  'Tampere',
  'Tartu',
  'Thessaloniki',
  'Timiș',
  'Toscana',
  'Trondheim',
  'Turku',
  'Tyrol',
  'Umbria',
  'Valencia',
  'Varna',
  'Veneto',
  'Vojvodina',
  'Wallonie',
  'Wrocław',
  'Zagreb',
  'Zealand',
  'İzmir',
  'Θεσσαλία',
  'Пловдив',
];
const SECTORS = [
  'Aerospace',
  'Agrifood',
  'Automotive',
  'Battery',
  'Biobased',
  'Biotech',
  'Ceramics',
  'Chemicals',
  'Circular',
  'Cosmetics',
  'Creative',
  'Cybersecurity',
  'Dairy',
  'Defence',
  'Digital',
  'Drone',
  'E-Health',
  'Electronics',
  'Energy',
  'Fintech',
  'Footwear',
  'Forestry',
  'Furniture',
  'Gaming',
  'Hydrogen',
  'Logistics',
  'Marine',
  'Medtech',
  'Metalworking',
  'Mining',
  'Mobility',
  'Nanotech',
  'Offshore',
  'Optics',
  'Packaging',
  'Photonics',
  'Plastics',
  'Printing',
  'Quantum',
  'Railway',
  'Robotics',
  'Seafood',
  'Semiconductor',
  'Smart Grid',
  'Space',
  'Textile',
  'Tourism',
  'Water',
  'Wine',
  'Wood',
];
const FORMS = [
  (p: string, s: string) => `${p} ${s} Cluster`,
  (p: string, s: string) => `Cluster ${s} ${p}`,
  (p: string, s: string) => `${s} Valley ${p}`,
  (p: string, s: string) => `Klaster ${s} ${p}`,
  (p: string, s: string) => `Pôle ${s} ${p}`,
  (p: string, s: string) => `${p} ${s} Innovation Network`,
  (p: string, s: string) => `${s}${p.slice(0, 4)}`,
];

/** Realistic names and acronyms, none of them equal to a real alias. */
export function syntheticAliases(count: number, seed = 1): AliasRule[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const out: AliasRule[] = [];
  const seen = new Set<string>();
  while (out.length < count) {
    const form = pick(FORMS);
    let text = form(pick(PLACES), pick(SECTORS));
    let kind: AliasRule['kind'] = 'name';
    if (next() < 0.2) {
      const letters = 3 + Math.floor(next() * 4);
      text = Array.from({ length: letters }, () =>
        String.fromCharCode(65 + Math.floor(next() * 26)),
      ).join('');
      kind = 'acronym';
    }
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({
      text,
      id: `synthetic-${slugify(text)}-${out.length}`,
      kind,
      ...deriveAliasRule(text, kind),
    });
  }
  return out;
}

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

const HEAP_COPIES = 10;

/**
 * Heap (JS objects plus typed-array memory) retained per compiled matcher, averaged over
 * several copies kept alive at once: one copy is within the noise of V8's own bookkeeping.
 * Built once first, so the normaliser's per-character caches are not counted as the matcher's.
 */
function heapUsed(): number {
  collectGarbage();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** One round in its own frame, so nothing of the previous round's copies stays reachable. */
function heapRound(aliases: readonly AliasRule[]): number {
  const before = heapUsed();
  const kept = Array.from({ length: HEAP_COPIES }, () => compileMatcher(aliases));
  const after = heapUsed();
  if (kept.length !== HEAP_COPIES) throw new Error('copies lost');
  return (after - before) / HEAP_COPIES;
}

function heapPerMatcher(aliases: readonly AliasRule[]): number {
  compileMatcher(aliases);
  return median([heapRound(aliases), heapRound(aliases), heapRound(aliases)]);
}

function typedBytes(m: CompiledMatcher): number {
  return [
    m.nodes,
    m.edgeChar,
    m.outStart,
    m.outAlias,
    m.rootAscii,
    m.denseIndex,
    m.denseAlnum,
  ].reduce((sum, array) => sum + array.byteLength, 0);
}

function matchAllPages(matcher: CompiledMatcher, pages: readonly CorpusPage[]): number {
  let n = 0;
  for (const page of pages) n += matchText(matcher, page.text).length;
  return n;
}

function matchAllBlocks(matcher: CompiledMatcher, pages: readonly CorpusPage[]): number {
  let n = 0;
  for (const page of pages)
    for (const block of page.blocks) n += matchSegments(matcher, block).length;
  return n;
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
const kib = (bytes: number) => `${fmt(bytes / 1024)} KiB`;

export async function runMatcherBench(): Promise<void> {
  const aliases = loadAliases();
  const synthetic = syntheticAliases(aliases.length * (DICTIONARY_FACTOR - 1));
  const big = [...aliases, ...synthetic];
  // Heap first, while the process holds little else: later, freed regex code and the parsed
  // corpus make the before/after difference meaningless.
  const heap = heapPerMatcher(aliases);
  const heapBig = heapPerMatcher(big);
  const pages = await loadCorpus();
  const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p.text, 'utf8'), 0);
  const mb = bytes / 1e6;

  // Parsing the corpus leaves a large dead DOM: collect it now, not during the first timings.
  collectGarbage();
  const matcher = compileMatcher(aliases);
  const bigMatcher = compileMatcher(big);
  const altRe = alternation(aliases);
  const perRes = perAlias(aliases);
  const altDiacriticRe = alternation(aliases, diacriticPattern);
  const perDiacriticRes = perAlias(aliases, diacriticPattern);

  const ours = time(() => matchAllPages(matcher, pages));
  const oursBlocks = time(() => matchAllBlocks(matcher, pages));
  const oursBig = time(() => matchAllPages(bigMatcher, pages));
  const alt = time(() => countRegex(altRe, pages));
  const per = time(() => perRes.reduce((n, re) => n + countRegex(re, pages), 0), SLOW_RUNS, 1);
  const altDiacritic = time(() => countRegex(altDiacriticRe, pages), SLOW_RUNS, 1);
  const perDiacritic = time(
    () => perDiacriticRes.reduce((n, re) => n + countRegex(re, pages), 0),
    SLOW_RUNS,
    1,
  );

  const compile = time(() => compileMatcher(aliases).edgeChar.length, 15, 3);
  const compileBig = time(() => compileMatcher(big).edgeChar.length, 7, 2);
  const serialized = JSON.stringify(serializeMatcher(matcher));
  const parse = time(
    () => deserializeMatcher(JSON.parse(serialized) as SerializedMatcher).edgeChar.length,
    15,
    3,
  );

  const row = (name: string, t: { ms: number; min: number }, ratio: string, matches: string) =>
    [name, fmt(t.ms), fmt(t.min), fmt(mb / (t.ms / 1000)), ratio, matches] as const;
  const rows: (readonly string[])[] = [
    ['method', 'median ms', 'min ms', 'MB/s', 'vs ours (median)', 'matches'],
    row('ours: trie, one pass (page text)', ours, '1.0×', String(ours.count)),
    row(
      'ours: per block, segments (as the content script)',
      oursBlocks,
      `${fmt(oursBlocks.ms / ours.ms, 2)}×`,
      String(oursBlocks.count),
    ),
    row(
      'RegExp alternation, giu, Unicode boundaries',
      alt,
      `${fmt(alt.ms / ours.ms)}× slower`,
      `${alt.count} (raw)`,
    ),
    row(
      '  same, diacritic-insensitive like ours',
      altDiacritic,
      `${fmt(altDiacritic.ms / ours.ms)}× slower`,
      `${altDiacritic.count} (raw)`,
    ),
    row(
      `RegExp per alias (${perRes.length} scans)`,
      per,
      `${fmt(per.ms / ours.ms)}× slower`,
      `${per.count} (raw)`,
    ),
    row(
      '  same, diacritic classes (mark.js default)',
      perDiacritic,
      `${fmt(perDiacritic.ms / ours.ms)}× slower`,
      `${perDiacritic.count} (raw)`,
    ),
    row(
      `ours, ${DICTIONARY_FACTOR}× dictionary (${big.length} aliases)`,
      oursBig,
      `${fmt(oursBig.ms / ours.ms, 2)}× the time`,
      String(oursBig.count),
    ),
  ];
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => r[c]?.length ?? 0))) ?? [];
  console.log(
    `\nMatcher over ${pages.length} corpus pages: ${fmt(mb, 2)} MB of text (UTF-8), ${aliases.length} real aliases; median of ${RUNS} runs (${SLOW_RUNS} for the slower regex scans) after warm-up.\n`,
  );
  for (const [k, row] of rows.entries()) {
    console.log(
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
        .join('  '),
    );
    if (k === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log(`
Compile, ${aliases.length} aliases: ${fmt(compile.ms, 2)} ms; heap per matcher ${kib(heap)} (JS heap + typed arrays, mean of ${HEAP_COPIES} copies, median of 3 rounds), of which typed arrays ${kib(typedBytes(matcher))}; trie ${matcher.nodes.length - 1} nodes
Compile, ${big.length} aliases: ${fmt(compileBig.ms, 2)} ms; heap per matcher ${kib(heapBig)}, of which typed arrays ${kib(typedBytes(bigMatcher))}; trie ${bigMatcher.nodes.length - 1} nodes
Serialised matcher: ${kib(serialized.length)} JSON, parsed and rebuilt in ${fmt(parse.ms, 2)} ms
Targets (plain / diacritic-insensitive regexes): per-alias ≥ 20× slower: ${verdict(per.ms / ours.ms >= 20)} / ${verdict(perDiacritic.ms / ours.ms >= 20)}; alternation ≥ 5× slower: ${verdict(alt.ms / ours.ms >= 5)} / ${verdict(altDiacritic.ms / ours.ms >= 5)}; ${DICTIONARY_FACTOR}× dictionary ≤ 1.3× the time: ${verdict(oursBig.ms / ours.ms <= 1.3)}
Raw regex counts are occurrences before case and evidence rules, so they exceed ours. The plain
regexes neither fold diacritics nor unify dashes, connectors or apostrophes as ours does.`);
}

/** CPU milliseconds (user + system) of this process spent in `run`, median and fastest. */
function cpuTime(run: () => number, runs = 15, warmup = 3): { ms: number; min: number } {
  for (let k = 0; k < warmup; k++) run();
  const samples: number[] = [];
  for (let k = 0; k < runs; k++) {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    samples.push((used.user + used.system) / 1000);
  }
  return { ms: median(samples), min: Math.min(...samples) };
}

/** Our rows only (no regex baselines), for comparing two versions of the matcher quickly. */
export async function runOurMatcherBench(): Promise<void> {
  const aliases = loadAliases();
  const big = [...aliases, ...syntheticAliases(aliases.length * (DICTIONARY_FACTOR - 1))];
  const pages = await loadCorpus();
  collectGarbage();
  const matcher = compileMatcher(aliases);
  const bigMatcher = compileMatcher(big);
  const serialized = JSON.stringify(serializeMatcher(matcher));
  const cases: [string, () => number][] = [
    ['page text', () => matchAllPages(matcher, pages)],
    ['per block', () => matchAllBlocks(matcher, pages)],
    [`${DICTIONARY_FACTOR}× dictionary`, () => matchAllPages(bigMatcher, pages)],
    ['compile', () => compileMatcher(aliases).edgeChar.length],
    [
      'parse + rebuild',
      () => deserializeMatcher(JSON.parse(serialized) as SerializedMatcher).edgeChar.length,
    ],
  ];
  const results = cases.map(([name, run]) => [name, cpuTime(run), time(run, 15, 3)] as const);
  for (const [name, cpu, wall] of results) {
    console.log(
      `${name.padEnd(16)} CPU ${fmt(cpu.ms)} ms (min ${fmt(cpu.min)})   wall ${fmt(wall.ms)} ms (min ${fmt(wall.min)})`,
    );
  }
  const page = results[0]?.[1].ms ?? 1;
  const bigCpu = results[2]?.[1].ms ?? 0;
  console.log(
    `${DICTIONARY_FACTOR}× dictionary / page text (CPU): ${fmt(bigCpu / page, 2)}×; serialised matcher ${kib(serialized.length)}`,
  );
  // The rows above are timed one after the other; on a shared machine the load changes between
  // them. Taken in turns, both sizes meet the same load.
  const paired = cpuPairs(
    () => matchAllPages(matcher, pages),
    () => matchAllPages(bigMatcher, pages),
  );
  console.log(
    `in turns, ${paired.runs} each: page text CPU ${fmt(paired.a.ms)} ms (min ${fmt(paired.a.min)}), ${DICTIONARY_FACTOR}× dictionary ${fmt(paired.b.ms)} ms (min ${fmt(paired.b.min)}): ${fmt(paired.b.ms / paired.a.ms, 2)}× (min ${fmt(paired.b.min / paired.a.min, 2)}×, median of each turn's ratio ${fmt(paired.ratio, 2)}×)`,
  );
}

/** CPU ms of `a` and `b` run in turns, so both meet the same load: median, fastest, ratios. */
function cpuPairs(a: () => number, b: () => number, runs = 21, warmup = 3) {
  const cpu = (run: () => number) => {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  };
  for (let k = 0; k < warmup; k++) {
    a();
    b();
  }
  const as: number[] = [];
  const bs: number[] = [];
  const ratios: number[] = [];
  for (let k = 0; k < runs; k++) {
    const x = cpu(a);
    const y = cpu(b);
    as.push(x);
    bs.push(y);
    ratios.push(y / x);
  }
  return {
    runs,
    a: { ms: median(as), min: Math.min(...as) },
    b: { ms: median(bs), min: Math.min(...bs) },
    ratio: median(ratios),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const run = process.argv.includes('--ours') ? runOurMatcherBench : runMatcherBench;
  run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
