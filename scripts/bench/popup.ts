/**
 * Popup readiness in the real browser: opens the built popup page several times in headless
 * Chromium and reports the time from navigation start until the search box has focus and the
 * first results are painted (`__clusterLensPopupReady`). Target: 100 ms.
 *
 * Then a few more opens under Chromium's tracing, for the CPU time the popup's main thread
 * spends from navigation start to ready: wall time grows with whatever else keeps the cores
 * busy, thread time hardly does, so builds compare on a loaded machine too.
 *
 *   npm run build && npx tsx scripts/bench/popup.ts
 *
 * BENCH_POPUP_OPENS=n: timed opens after the first (default 21; the first also starts the
 * extension's renderer and is reported apart). BENCH_POPUP_TRACES=n: traced opens (default 7).
 * WXT_OUT_DIR=dir: another build. BENCH_POPUP_BUILDS=name=dir,name=dir: these chrome-mv3
 * directories in one run, a browser each, their opens taken in turn so that whatever else the
 * machine does weighs on all of them alike (an old build against a new one).
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { EXTENSION_DIR, launchExtension, type ExtensionBrowser } from '../../tests/e2e/harness';

function count(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1`);
  return value;
}

const OPENS = count('BENCH_POPUP_OPENS', 21);
const TRACED_OPENS = count('BENCH_POPUP_TRACES', 7);

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, µs. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { documentLoaderURL?: string } };
}

/**
 * One open under tracing: the thread time of the main-thread tasks of the popup's renderer
 * between navigation start and the ready mark (App.tsx), in ms; null if the trace lacks either.
 */
async function tracedOpen(context: BrowserContext, url: string): Promise<number | null> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }: { value: object[] }) =>
    events.push(...(value as TraceEvent[])),
  );
  const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['toplevel', 'blink.user_timing', 'loading'] },
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__clusterLensPopupReady);
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  const start = events.find(
    (e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.endsWith('popup.html'),
  );
  const ready = events.find((e) => e.name === 'cluster-lens:popup-ready');
  if (!start || !ready) return null;
  const tasks = events.filter(
    (e) =>
      e.pid === ready.pid &&
      e.tid === ready.tid &&
      e.ph === 'X' &&
      e.name === 'ThreadControllerImpl::RunTask' &&
      e.ts + (e.dur ?? 0) >= start.ts &&
      e.ts <= ready.ts,
  );
  return tasks.reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000;
}

interface Build {
  name: string;
  dir: string;
  ext?: ExtensionBrowser;
  url?: string;
  first?: number;
  warm: number[];
  cpu: number[];
  /** Traced opens whose trace lacked navigation start or the ready mark. */
  untraced: number;
}

/** One open, untraced: ms from navigation start to ready. */
async function timedOpen(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url);
  const ready = await page.waitForFunction(() => window.__clusterLensPopupReady);
  const ms = (await ready.jsonValue()) as number;
  await page.close();
  return ms;
}

const median = (sorted: readonly number[]) => sorted[sorted.length >> 1] ?? 0;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

export async function runPopupBench(): Promise<void> {
  const builds: Build[] = (
    process.env.BENCH_POPUP_BUILDS?.split(',').map((pair) => {
      const [name = '', dir = ''] = pair.includes('=') ? pair.split('=') : [pair, pair];
      return { name, dir: resolve(dir) };
    }) ?? [{ name: EXTENSION_DIR, dir: EXTENSION_DIR }]
  ).map((b) => ({ ...b, warm: [], cpu: [], untraced: 0 }));
  const loadBefore = load();
  try {
    for (const build of builds) {
      build.ext = await launchExtension({ extensionDir: build.dir });
      build.url = `chrome-extension://${build.ext.extensionId}/popup.html`;
      // The first open also starts the extension's renderer process; later ones are what a
      // reader sees each time they click the toolbar button.
      build.first = await timedOpen(build.ext.context, build.url);
    }
    // Each round starts with the next build, so none is always the first after a pause.
    const inTurn = (round: number) => builds.map((_, k) => builds[(round + k) % builds.length]!);
    for (let i = 0; i < OPENS; i++) {
      for (const build of inTurn(i)) {
        build.warm.push(await timedOpen(build.ext!.context, build.url!));
      }
    }
    for (let i = 0; i < TRACED_OPENS; i++) {
      for (const build of inTurn(i)) {
        const ms = await tracedOpen(build.ext!.context, build.url!);
        if (ms === null) build.untraced++;
        else build.cpu.push(ms);
      }
    }
  } finally {
    for (const build of builds) await build.ext?.close();
  }
  console.log('\nPopup ready (navigation start → search focused, results painted), Chromium');
  console.log(`load average (1, 5, 15 min): ${loadBefore} before, ${load()} after`);
  for (const build of builds) {
    if (builds.length > 1) console.log(`${build.name} (${build.dir})`);
    const sorted = [...build.warm].sort((a, b) => a - b);
    const p90 = sorted[Math.floor(sorted.length * 0.9)] ?? 0;
    console.log(
      `first open ${(build.first ?? 0).toFixed(1)} ms; next ${sorted.length}: median ${median(sorted).toFixed(1)} ms, p90 ${p90.toFixed(1)} ms (target ≤ 100 ms)`,
    );
    const cpu = [...build.cpu].sort((a, b) => a - b);
    console.log(
      `main thread until ready, thread (CPU) time over ${cpu.length} traced opens: median ${median(cpu).toFixed(1)} ms, range ${(cpu[0] ?? 0).toFixed(1)}–${(cpu[cpu.length - 1] ?? 0).toFixed(1)} ms${build.untraced ? ` (${build.untraced} traces incomplete)` : ''}`,
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runPopupBench();
}
