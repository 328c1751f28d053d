/**
 * What a page pays for the extension, measured from outside: every corpus page is loaded in
 * headless Chromium with a build of the extension while Chromium records a trace, and the
 * extension's work on the pages' main threads is added up from that trace. Unlike the
 * page-scan bench (which reads the content script's own clock), this also sees what the script
 * cannot time itself: compiling and evaluating its scripts in every frame, their promise
 * continuations, its message and timer callbacks, in every frame, out-of-process ones included.
 *
 * Counted, per renderer main thread (`CrRendererMain`, every process but the extension's own):
 *   - trace events whose script is the extension's (`chrome-extension://<id>/…`):
 *     EvaluateScript, v8.compile, v8.run, FunctionCall (timers, animation frames, events,
 *     messages, observers all end in one), each only where it is not nested in an event already
 *     counted;
 *   - microtask checkpoints (RunMicrotasks) not nested in a counted event: the continuations
 *     after an `await` run there and name no script, so each checkpoint is split between the
 *     extension and the page by V8's CPU samples taken in it (the share of samples with an
 *     extension frame on the stack, among those with any script frame).
 * A page's trace runs from before its navigation to BENCH_COST_SETTLE_MS (default 1500) after
 * its load event; the content script is asked whether its scan was idle only after the trace
 * ends, so that question costs nothing inside it.
 *
 * Also per page: the frames that ran its scripts (and of those, the bootstrap), the extension's
 * longest task (its share of one top-level task of a main thread) and the cold bare TreeWalker
 * pass over all text of the same page in a browser without the extension (page-scan.ts's
 * baseline).
 *
 * Then the same for a build whose dataset is BENCH_COST_SCALE (default 5) times the real one
 * (built into its own output directory, the generated data rebuilt normally afterwards).
 *
 *   npm run build && npx tsx scripts/bench/page-cost.ts
 *
 * BENCH_PAGES=a.html,b.html: some pages only. BENCH_COST_ROUNDS=n: loads per page (median).
 * BENCH_COST_BUILDS=name=dir,name=dir: measure these chrome-mv3 directories (an old build, say)
 * and build nothing; ratios are to the first. All builds (and the import) are measured side by
 * side, each page loaded with each in turn. BENCH_COST_SCALE=0: no scaled build.
 * BENCH_COST_TRACES=dir: keep each load's trace there. BENCH_DETAIL=1: each load's figures.
 *
 * Beside them, the floor (floor-extension.ts; BENCH_COST_FLOOR=0: not measured): a minimal
 * extension that reads the settings and the top frame's text and sends it, and in frames below
 * only watches for text to come, less than any design of the extension can do; the first build
 * is given against it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, CDPSession } from 'playwright-core';
import type { Dataset } from '../../lib/dataset/model';
import { writeFloorExtension } from './floor-extension';
import { syntheticDataset } from './synthetic-dataset';
import {
  bareTextPass,
  CORPUS,
  corpusPages,
  EXTENSION,
  launchBenchBrowsers,
  median,
  ROOT,
  serve,
  statsWhenScanned,
} from './page-scan';

const SETTLE_MS = Number(process.env.BENCH_COST_SETTLE_MS ?? 1500);
const ROUNDS = Number(process.env.BENCH_COST_ROUNDS ?? 1);
const SCALE = Number(process.env.BENCH_COST_SCALE ?? 5);
/** Organisations of a synthetic import measured with the first build (0: none). */
const IMPORT_SIZE = Number(process.env.BENCH_COST_IMPORT ?? 10_000);
/** Whether the floor (floor-extension.ts) is measured beside the builds. */
const FLOOR = process.env.BENCH_COST_FLOOR !== '0';
const FLOOR_NAME =
  'floor (top frame: settings, innerText, one message; frames below: one MutationObserver)';
/** The issue's targets (#12): a page's extension time, median and worst. */
const MEDIAN_TARGET_MS = 4;
const PAGE_TARGET_MS = 20;
/** A frame at 60 Hz: an extension task longer than this can cost the page a frame. */
const FRAME_MS = 16;

/**
 * devtools.timeline: EvaluateScript, FunctionCall, v8.compile and the frame ids;
 * disabled-by-default-devtools.timeline: RunTask, the top-level tasks; v8: v8.run;
 * v8.execute: RunMicrotasks; the CPU profiler's samples to split microtask checkpoints.
 */
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  ...(process.env.BENCH_COST_SAMPLES === '0' ? [] : ['disabled-by-default-v8.cpu_profiler']),
];

interface CallFrame {
  url?: string;
  functionName?: string;
}
interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: CallFrame;
}

/** The fields of trace events' arguments that are read here. */
interface TraceArgs {
  /** Metadata events: the thread's or process's name. */
  name?: string;
  /** v8.run, v8.compile: the script. */
  fileName?: string;
  data?: {
    url?: string;
    scriptName?: string;
    frame?: string;
    startTime?: number;
    cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
    timeDeltas?: number[];
  };
}

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, µs: what it cost without the waits for a busy core. */
  tdur?: number;
  id?: string;
  args?: TraceArgs;
}

/** A trace event with a duration, in microseconds. */
type Slice = TraceEvent & { dur: number };

export interface PageCost {
  /** Extension time on all main threads, ms. */
  totalMs: number;
  /** Of which compiling and evaluating its scripts (EvaluateScript and compiles outside it). */
  startMs: number;
  /**
   * The counted events' thread time (CPU), ms, microtasks left out: unlike totalMs it does not
   * grow when other processes keep the core busy, so builds compare on a loaded machine.
   */
  cpuMs: number;
  /** Of which the extension's share of microtask checkpoints. */
  microtaskMs: number;
  /** Frames that evaluated any of its scripts (the frame probe, content.js, the lens…). */
  frames: number;
  /** Of which those that evaluated the bootstrap, content.js. */
  bootFrames: number;
  /** Main threads (so processes) where the extension ran. */
  threads: number;
  /** The extension's largest share of one top-level task, ms. */
  longestMs: number;
  /** CPU samples of extension code outside everything counted, ms: what the count misses. */
  missedMs: number;
  /** When the extension's last counted work ended, ms after the trace began. */
  lastMs: number;
}

/** Runs `body` while Chromium traces every process; returns the trace's events. */
export async function traced(cdp: CDPSession, body: () => Promise<void>): Promise<TraceEvent[]> {
  const chunks: TraceEvent[][] = [];
  const collect = ({ value }: { value: object[] }) => chunks.push(value as TraceEvent[]);
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  });
  try {
    await body();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  return chunks.flat();
}

/**
 * Per sampled thread (`pid:tid`), the times of V8's CPU samples and, for each, whether an
 * extension frame was on the stack (`ext`) and whether any script frame was (`js`).
 */
function samplesByThread(events: TraceEvent[], isExtUrl: (url: string) => boolean) {
  interface Profile {
    thread: string;
    time: number;
    nodes: Map<number, ProfileNode>;
    samples: { t: number; node: number }[];
  }
  const profiles = new Map<string, Profile>();
  for (const e of events) {
    if (e.name !== 'Profile') continue;
    profiles.set(`${e.pid}:${e.id}`, {
      thread: `${e.pid}:${e.tid}`,
      time: Number(e.args?.data?.startTime ?? e.ts),
      nodes: new Map(),
      samples: [],
    });
  }
  // Chunks come from the profiler's own thread, in order; each sample's time is the previous
  // one's plus its delta.
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const profile = profiles.get(`${e.pid}:${e.id}`);
    if (!profile) continue;
    const cpu = e.args?.data?.cpuProfile;
    const deltas = e.args?.data?.timeDeltas ?? [];
    for (const node of cpu?.nodes ?? []) profile.nodes.set(node.id, node);
    (cpu?.samples ?? []).forEach((node, i) => {
      profile.time += deltas[i] ?? 0;
      profile.samples.push({ t: profile.time, node });
    });
  }
  const result = new Map<string, { t: number; ext: boolean; js: boolean }[]>();
  for (const profile of profiles.values()) {
    const kind = new Map<number, { ext: boolean; js: boolean }>();
    const kindOf = (id: number): { ext: boolean; js: boolean } => {
      const known = kind.get(id);
      if (known) return known;
      const node = profile.nodes.get(id);
      if (!node) return { ext: false, js: false };
      const parent = node.parent === undefined ? { ext: false, js: false } : kindOf(node.parent);
      const url = node.callFrame.url ?? '';
      const own = { ext: url !== '' && isExtUrl(url), js: url !== '' };
      const k = { ext: parent.ext || own.ext, js: parent.js || own.js };
      kind.set(id, k);
      return k;
    };
    const samples = profile.samples.map(({ t, node }) => ({ t, ...kindOf(node) }));
    result.set(profile.thread, [...(result.get(profile.thread) ?? []), ...samples]);
  }
  for (const list of result.values()) list.sort((a, b) => a.t - b.t);
  return result;
}

/** The first index in `samples` (sorted by time) at or after `t`. */
function firstAtOrAfter(samples: { t: number }[], t: number): number {
  let lo = 0;
  let hi = samples.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (samples[mid]!.t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The extension's cost in one page load's trace; `extensionId` names its scripts. */
export function extensionCost(events: TraceEvent[], extensionId: string): PageCost {
  const prefix = `chrome-extension://${extensionId}/`;
  const isExtUrl = (url: string) => url.startsWith(prefix);
  const threadName = new Map<string, string>();
  const processName = new Map<number, string>();
  let traceStart = Infinity;
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') {
      threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
    }
    if (e.ph === 'M' && e.name === 'process_name') processName.set(e.pid, e.args?.name ?? '');
    if (e.name === 'TracingStartedInBrowser') traceStart = Math.min(traceStart, e.ts);
  }
  // A page's frames run on renderer main threads; the extension's own renderer (its popup or
  // options page, were one open) is not the page's cost, and its service worker has a thread
  // of its own.
  const isPageMain = (pid: number, tid: number) =>
    threadName.get(`${pid}:${tid}`) === 'CrRendererMain' &&
    processName.get(pid) !== 'Extension Renderer';
  const threads = new Map<string, Slice[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || !isPageMain(e.pid, e.tid)) continue;
    const key = `${e.pid}:${e.tid}`;
    const list = threads.get(key) ?? [];
    list.push(e as Slice);
    threads.set(key, list);
  }
  const samples = samplesByThread(events, isExtUrl);
  const scriptOf = (e: TraceEvent): string =>
    e.args?.data?.url ?? e.args?.fileName ?? e.args?.data?.scriptName ?? '';

  const cost: PageCost = {
    totalMs: 0,
    startMs: 0,
    cpuMs: 0,
    microtaskMs: 0,
    frames: 0,
    bootFrames: 0,
    threads: 0,
    longestMs: 0,
    missedMs: 0,
    lastMs: 0,
  };
  const frames = new Set<string>();
  const bootFrames = new Set<string>();
  let lastEnd = -Infinity;
  for (const [key, slices] of threads) {
    // Parents before their children: by start, and the longer first at equal starts.
    slices.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const threadSamples = samples.get(key) ?? [];
    /** The extension's time in each top-level task of this thread, µs. */
    const perTask: number[] = [];
    let taskEnd = -Infinity;
    let countedEnd = -Infinity;
    const counted: Slice[] = [];
    const checkpoints: { slice: Slice; task: number }[] = [];
    let checkpointEnd = -Infinity;
    for (const e of slices) {
      if (e.ts >= taskEnd) {
        perTask.push(0);
        taskEnd = e.ts + e.dur;
      }
      if (e.ts < countedEnd) continue; // inside something already counted
      if (isExtUrl(scriptOf(e))) {
        counted.push(e);
        countedEnd = e.ts + e.dur;
        perTask[perTask.length - 1]! += e.dur;
        cost.totalMs += e.dur / 1000;
        cost.cpuMs += (e.tdur ?? e.dur) / 1000;
        if (e.name === 'EvaluateScript' || e.name.startsWith('v8.compile') || e.name === 'v8.run') {
          cost.startMs += e.dur / 1000;
        }
        if (e.name === 'EvaluateScript') {
          const frame = `${e.pid}:${e.args?.data?.frame ?? ''}`;
          frames.add(frame);
          if (scriptOf(e).endsWith('/content-scripts/content.js')) bootFrames.add(frame);
        }
        lastEnd = Math.max(lastEnd, countedEnd);
      } else if (e.name === 'RunMicrotasks' && e.ts >= checkpointEnd) {
        checkpoints.push({ slice: e, task: perTask.length - 1 });
        checkpointEnd = e.ts + e.dur;
      }
    }
    // A checkpoint's time outside the counted events nested in it, split by its samples there.
    const inCounted = (t: number) => counted.some((c) => t >= c.ts && t <= c.ts + c.dur);
    for (const { slice, task } of checkpoints) {
      const end = slice.ts + slice.dur;
      const nested = counted.filter((c) => c.ts >= slice.ts && c.ts < end);
      const own = slice.dur - nested.reduce((s, c) => s + c.dur, 0);
      let ext = 0;
      let js = 0;
      for (let i = firstAtOrAfter(threadSamples, slice.ts); i < threadSamples.length; i++) {
        const sample = threadSamples[i]!;
        if (sample.t > end) break;
        if (nested.length > 0 && inCounted(sample.t)) continue;
        if (sample.ext) ext++;
        if (sample.js) js++;
      }
      if (ext === 0) continue;
      const share = (own * ext) / js;
      perTask[task]! += share;
      cost.totalMs += share / 1000;
      cost.microtaskMs += share / 1000;
      lastEnd = Math.max(lastEnd, end);
    }
    // Extension samples outside anything counted: each stands for the time to the next sample.
    const checkpointOf = (t: number) =>
      checkpoints.some(({ slice }) => t >= slice.ts && t <= slice.ts + slice.dur);
    threadSamples.forEach((sample, i) => {
      const next = threadSamples[i + 1];
      if (!sample.ext || !next || inCounted(sample.t) || checkpointOf(sample.t)) return;
      cost.missedMs += Math.min(next.t - sample.t, 1000) / 1000;
    });
    if (counted.length > 0) cost.threads++;
    cost.longestMs = Math.max(cost.longestMs, ...perTask.map((t) => t / 1000));
  }
  cost.frames = frames.size;
  cost.bootFrames = bootFrames.size;
  cost.lastMs =
    Number.isFinite(lastEnd) && Number.isFinite(traceStart) ? (lastEnd - traceStart) / 1000 : 0;
  return cost;
}

interface Row extends PageCost {
  page: string;
  bareMs: number;
  /** Whether the content script said its scan was idle when the trace ended (every load). */
  idle: boolean;
  /** max − min of totalMs over the rounds, ms (0 with one round). */
  spreadMs: number;
}

type Load = Omit<Row, 'spreadMs'>;

/**
 * A browser with the extension build in `extension` (called `build`), ready to load pages
 * under tracing. `imported`: that many synthetic organisations are imported first (as the
 * options page stores an import), so pages are matched against them.
 */
async function openBuild(build: string, extension: string, imported = 0) {
  const server = await serve(CORPUS);
  const browsers = await launchBenchBrowsers(extension);
  const { ext, plainContext } = browsers;
  const extensionId = new URL(ext.serviceWorkers()[0]!.url()).host;
  if (imported > 0) await importSynthetic(ext, imported);
  const browser = ext.browser();
  if (!browser) throw new Error('No browser behind the persistent context');
  // Tracing is a browser-wide domain: a browser session records every process, so frames
  // in other renderer processes are in the trace too.
  const cdp = await browser.newBrowserCDPSession();
  const measure = async (name: string): Promise<Load> => {
    const url = server.base + name;
    const tab = await ext.newPage();
    const events = await traced(cdp, async () => {
      await tab.goto(url, { waitUntil: 'load', timeout: 60_000 });
      await tab.waitForTimeout(SETTLE_MS);
    });
    const stats = await statsWhenScanned(ext, tab, url, 1);
    await tab.close();
    const cost = extensionCost(events, extensionId);
    if (process.env.BENCH_COST_TRACES) {
      // For a closer look: load the file in DevTools' Performance panel or Perfetto.
      mkdirSync(process.env.BENCH_COST_TRACES, { recursive: true });
      writeFileSync(
        join(process.env.BENCH_COST_TRACES, `${build.replace(/[^\w.-]+/g, '_')}-${name}.json`),
        JSON.stringify({ traceEvents: events }),
      );
    }
    const reference = await plainContext.newPage();
    await reference.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const [bare = 0] = await bareTextPass(reference, 1);
    await reference.close();
    if (process.env.BENCH_DETAIL) console.log(build, name, JSON.stringify(cost));
    return { page: name, ...cost, bareMs: bare, idle: stats?.idle ?? false };
  };
  return {
    measure,
    async close() {
      await cdp.detach();
      await browsers.close();
      server.close();
    },
  };
}

/**
 * Loads every page with each build, tracing each load. The builds' browsers are open side by
 * side and each page is loaded with every build in turn (the order turning from page to page),
 * so a busy moment of the machine falls on all builds alike rather than on one build's pages:
 * the ratios between builds are then about the builds. Rounds go over the whole corpus in
 * turn, so such a moment does not fall on every load of one page either.
 */
async function measureBuilds(
  builds: { name: string; dir: string; imported?: number }[],
  pages: string[],
): Promise<Row[][]> {
  const opened: Awaited<ReturnType<typeof openBuild>>[] = [];
  try {
    for (const b of builds) opened.push(await openBuild(b.name, b.dir, b.imported ?? 0));
    // One load first in each, not counted: the first page after the browser starts would also
    // pay for what any first page pays (the extension's files read from disk, its worker woken).
    if (pages[0]) for (const o of opened) await o.measure(pages[0]);
    const loads = builds.map(() => new Map<string, Load[]>());
    let turn = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of pages) {
        for (let k = 0; k < opened.length; k++) {
          const i = (k + turn) % opened.length;
          const map = loads[i]!;
          map.set(name, [...(map.get(name) ?? []), await opened[i]!.measure(name)]);
        }
        turn++;
      }
    }
    return loads.map((map) => [...map].map(([page, runs]) => summarise(page, runs)));
  } finally {
    for (const o of opened) await o.close();
  }
}

/** A page's figures over its loads: medians, and the largest for frames and tasks. */
function summarise(page: string, runs: Load[]): Row {
  const mid = (pick: (r: Load) => number) => median(runs.map(pick));
  const totals = runs.map((r) => r.totalMs);
  return {
    page,
    totalMs: mid((r) => r.totalMs),
    startMs: mid((r) => r.startMs),
    cpuMs: mid((r) => r.cpuMs),
    microtaskMs: mid((r) => r.microtaskMs),
    frames: Math.max(...runs.map((r) => r.frames)),
    bootFrames: Math.max(...runs.map((r) => r.bootFrames)),
    threads: Math.max(...runs.map((r) => r.threads)),
    longestMs: Math.max(...runs.map((r) => r.longestMs)),
    missedMs: mid((r) => r.missedMs),
    lastMs: Math.max(...runs.map((r) => r.lastMs)),
    bareMs: mid((r) => r.bareMs),
    idle: runs.every((r) => r.idle),
    spreadMs: Math.max(...totals) - Math.min(...totals),
  };
}

/**
 * What a frame loads at start: the manifest's content scripts and styles declared for it,
 * gzipped; a top frame loads those declared for all frames and those for top frames only, a
 * frame below only the former (a build of before the frame probe declares one for all).
 */
function startupSize(extension: string) {
  const manifest = JSON.parse(readFileSync(join(extension, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[]; css?: string[]; all_frames?: boolean }[];
  };
  const filesOf = (entries: { js?: string[]; css?: string[] }[]) => [
    ...new Set(entries.flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])])),
  ];
  const entries = manifest.content_scripts ?? [];
  const top = filesOf(entries);
  const below = filesOf(entries.filter((c) => c.all_frames === true));
  const gzip = (file: string) => gzipSync(readFileSync(join(extension, file))).length;
  const sum = (files: string[]) => files.reduce((s, f) => s + gzip(f), 0);
  return {
    contentGzip: gzip('content-scripts/content.js'),
    contentRaw: readFileSync(join(extension, 'content-scripts/content.js')).length,
    startGzip: sum(top),
    files: top,
    belowGzip: sum(below),
    belowFiles: below,
  };
}

function printBuild(name: string, extension: string, rows: Row[]) {
  const pad = (s: string, n: number) => s.padStart(n);
  const ms = (v: number, n = 8) => pad(v.toFixed(1), n);
  console.log(
    `\nWhat a page pays for the extension, from Chromium's trace: ${name} (${extension}), ${rows.length} pages, ${ROUNDS} load(s) each, trace until ${SETTLE_MS} ms after load`,
  );
  console.log(
    `${'page'.padEnd(28)}${pad('frames', 7)}${pad('boot', 5)}${pad('ext ms', 8)}${pad('cpu', 8)}${pad('start', 8)}${pad('micro', 8)}${pad('longest', 9)}${pad('bare ms', 9)}${pad('missed', 8)}${pad('last s', 8)}${ROUNDS > 1 ? pad('spread', 8) : ''}`,
  );
  for (const r of rows) {
    console.log(
      `${r.page.slice(0, 27).padEnd(28)}${pad(`${r.frames}${r.threads > 1 ? `/${r.threads}p` : ''}`, 7)}${pad(String(r.bootFrames), 5)}${ms(r.totalMs)}${ms(r.cpuMs)}${ms(r.startMs)}${ms(r.microtaskMs)}${ms(r.longestMs, 9)}${pad(r.bareMs.toFixed(2), 9)}${ms(r.missedMs)}${pad((r.lastMs / 1000).toFixed(2), 8)}${ROUNDS > 1 ? ms(r.spreadMs) : ''}${r.idle ? '' : '  (scan not idle at the end)'}`,
    );
  }
  const worst = rows.reduce((a, b) => (b.totalMs > a.totalMs ? b : a));
  const long = rows.filter((r) => r.longestMs > FRAME_MS);
  const over = rows.filter((r) => r.totalMs > PAGE_TARGET_MS).length;
  const overCpu = rows.filter((r) => r.cpuMs > PAGE_TARGET_MS).length;
  const size = startupSize(extension);
  console.log(
    `median per page: ${median(rows.map((r) => r.totalMs)).toFixed(1)} ms on main threads (thread CPU ${median(rows.map((r) => r.cpuMs)).toFixed(1)} ms; start ${median(rows.map((r) => r.startMs)).toFixed(1)} ms, microtasks ${median(rows.map((r) => r.microtaskMs)).toFixed(1)} ms, longest task ${median(rows.map((r) => r.longestMs)).toFixed(1)} ms), ${median(rows.map((r) => r.frames))} frame(s); bare text pass ${median(rows.map((r) => r.bareMs)).toFixed(2)} ms`,
  );
  console.log(
    `pages over ${PAGE_TARGET_MS} ms: ${over}/${rows.length} (thread CPU: ${overCpu}); pages with an extension task over ${FRAME_MS} ms: ${long.length}/${rows.length}; worst page ${worst.page}: ${worst.totalMs.toFixed(1)} ms in ${worst.frames} frame(s), longest task ${worst.longestMs.toFixed(1)} ms`,
  );
  console.log(
    `extension CPU samples outside what is counted: ${rows.reduce((s, r) => s + r.missedMs, 0).toFixed(1)} ms over all pages; scan not idle at the end of the trace: ${rows.filter((r) => !r.idle).length} page(s)`,
  );
  console.log(
    `content.js ${(size.contentRaw / 1024).toFixed(1)} KB, ${(size.contentGzip / 1024).toFixed(1)} KB gzip; a top frame loads at start ${size.files.join(' + ')}: ${(size.startGzip / 1024).toFixed(1)} KB gzip; a frame below ${size.belowFiles.join(' + ') || 'nothing'}: ${(size.belowGzip / 1024).toFixed(1)} KB gzip`,
  );
  console.log(
    `columns: frames that ran any of the extension's scripts (/Np: in N processes); boot = of which those that ran the bootstrap, content.js; ext ms = all extension main-thread time (wall), cpu = the thread time of the same events without microtasks (does not grow on a busy machine), of which start = compile + evaluate of its scripts and micro = its share of microtask checkpoints; longest = its largest share of one task; bare = cold TreeWalker text pass, no extension; missed = extension samples outside all counted time; last = end of its last work after the trace began`,
  );
  return {
    median: median(rows.map((r) => r.totalMs)),
    cpuMedian: median(rows.map((r) => r.cpuMs)),
    size,
  };
}

/** Runs `npm run <script>` in the project with `env` added; throws when it fails. */
function npmRun(script: string, env: Record<string, string>) {
  const run = spawnSync('npm', ['run', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`npm run ${script} failed (${run.status})`);
}

/**
 * A build whose dataset is `scale` times the real one, in its own output directory under the
 * usual one. The generated data is rebuilt from the real dataset afterwards, even on failure,
 * so the working tree is left as it was (nothing else builds while the bench runs).
 */
function buildScaled(scale: number): string {
  const outDir = resolve(ROOT, process.env.WXT_OUT_DIR ?? '.output', `bench-x${scale}`);
  try {
    npmRun('build', { CLUSTER_LENS_BENCH_SCALE: String(scale), WXT_OUT_DIR: outDir });
  } finally {
    npmRun('data', { CLUSTER_LENS_BENCH_SCALE: '' });
  }
  return join(outDir, 'chrome-mv3');
}

/**
 * Stores a synthetic dataset of `size` organisations as the active import, as the options page
 * does, and waits until the background has compiled it (it does so when the import changes).
 */
async function importSynthetic(ext: BrowserContext, size: number) {
  const base = JSON.parse(
    readFileSync(join(ROOT, 'data/generated/dataset.json'), 'utf8'),
  ) as Dataset;
  const dataset = {
    ...syntheticDataset(base, size),
    importedAt: new Date().toISOString(),
    sourceName: 'synthetic.json',
  };
  const worker = ext.serviceWorkers()[0]!;
  const t0 = Date.now();
  await worker.evaluate((d) => chrome.storage.local.set({ importedDataset: d }), dataset);
  // The background checks and compiles it on the change, then keeps it in IndexedDB.
  const compiled = await worker.evaluate(async () => {
    for (let k = 0; k < 600; k++) {
      // Opened only once the background has made it: opening first would create it empty.
      const made = (await indexedDB.databases()).some((d) => d.name === 'cluster-lens');
      const count = !made
        ? 0
        : await new Promise<number>((done) => {
            const open = indexedDB.open('cluster-lens');
            open.onerror = () => done(0);
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('compiled-matcher')) return done(0);
              const req = db
                .transaction('compiled-matcher')
                .objectStore('compiled-matcher')
                .count();
              req.onsuccess = () => done(req.result);
              req.onerror = () => done(0);
            };
          });
      if (count > 0) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  });
  console.log(
    `\nimported ${size} synthetic organisations (${(JSON.stringify(dataset).length / 1e6).toFixed(1)} MB): ${compiled ? 'checked and compiled by the background' : 'NOT compiled'} ${((Date.now() - t0) / 1000).toFixed(1)} s after it was stored`,
  );
}

export async function runPageCostBench(): Promise<void> {
  const pages = corpusPages();
  const builds: [string, string][] = process.env.BENCH_COST_BUILDS
    ? process.env.BENCH_COST_BUILDS.split(',').map((pair) => {
        const [name = '', dir = ''] = pair.includes('=') ? pair.split('=') : [pair, pair];
        return [name, resolve(dir)];
      })
    : [['real dataset', EXTENSION]];
  if (!process.env.BENCH_COST_BUILDS && SCALE > 1) {
    builds.push([`${SCALE}× dataset (synthetic)`, buildScaled(SCALE)]);
  }
  // The first build again, with a large import active: pages must not pay for its size.
  const runs: { name: string; dir: string; imported?: number }[] = builds.map(([name, dir]) => ({
    name,
    dir,
  }));
  if (IMPORT_SIZE > 0 && builds[0]) {
    runs.push({
      name: `${builds[0][0]}, ${IMPORT_SIZE} organisations imported`,
      dir: builds[0][1],
      imported: IMPORT_SIZE,
    });
  }
  if (FLOOR) {
    const dir = resolve(ROOT, process.env.WXT_OUT_DIR ?? '.output', 'bench-floor');
    runs.push({ name: FLOOR_NAME, dir: writeFloorExtension(dir) });
  }
  const rows = await measureBuilds(runs, pages);
  const results = runs.map((run, i) => ({
    name: run.name,
    ...printBuild(run.name, run.dir, rows[i]!),
  }));
  const [first, ...others] = results;
  const floor = others.find((r) => r.name === FLOOR_NAME);
  for (const other of others) {
    if (other === floor) continue;
    console.log(
      `\n${other.name} against ${first!.name}: median ${other.median.toFixed(1)} / ${first!.median.toFixed(1)} ms = ${(other.median / first!.median).toFixed(2)}× (thread CPU ${other.cpuMedian.toFixed(1)} / ${first!.cpuMedian.toFixed(1)} ms = ${(other.cpuMedian / first!.cpuMedian).toFixed(2)}×); content.js ${(other.size.contentGzip / 1024).toFixed(1)} / ${(first!.size.contentGzip / 1024).toFixed(1)} KB gzip = ${(other.size.contentGzip / first!.size.contentGzip).toFixed(2)}× (${(other.size.contentRaw / 1024).toFixed(0)} / ${(first!.size.contentRaw / 1024).toFixed(0)} KB raw = ${(other.size.contentRaw / first!.size.contentRaw).toFixed(2)}×)`,
    );
  }
  if (floor && first) {
    console.log(
      `\n${first.name} against the floor: median ${first.median.toFixed(1)} / ${floor.median.toFixed(1)} ms = ${(first.median / floor.median).toFixed(2)}× on main threads; the target, a median of ${MEDIAN_TARGET_MS} ms, is ${(MEDIAN_TARGET_MS / floor.median).toFixed(2)}× the floor's. (Wall time only: the floor's work runs in promise callbacks, which its cpu column leaves out.)`,
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runPageCostBench();
}
