/**
 * Real-browser benchmark of pages with many open shadow roots (issue 13, F5): N custom
 * elements, each with an open shadow root holding a sentence, a few naming an organisation
 * (tests/e2e/fixtures.ts, writeShadowRoots). Per build and N, from one traced load each:
 *   - done: seconds from the navigation until the content script says its scan is idle;
 *   - scan: the content script's own clock (stats.scanMs) and its longest task, wall time;
 *   - trace: the extension's time on the page's main thread and its longest task (wall, as
 *     page-cost.ts counts them), and the longest in CPU time (the thread's own time, `tdur`):
 *     on a busy machine a task's wall time also holds the time other processes had the core;
 *   - marks, against those the page holds, and the roots holding a mark (those hit-testing
 *     looks into).
 * Builds: this one (.output) and, when present, .output-before (build the old commit with
 * WXT_OUT_DIR=.output-before), alternating per N so a busy moment falls on both;
 * BENCH_SHADOW_BUILDS=name=dir,... measures those instead.
 *
 *   npm run build && npx tsx scripts/bench/shadow-roots.ts
 *
 * BENCH_SHADOW_SIZES=5000,10000,20000,30000 (the default); BENCH_SHADOW_LIMIT_S=120: how long
 * one load may take before it is reported as not done.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanStatsResponse } from '../../lib/messages';
import { GENERATED, writeShadowRoots } from '../../tests/e2e/fixtures';
import { extensionCost, traced, type TraceEvent } from './page-cost';
import { EXTENSION, launchBenchBrowsers, ROOT, serve, statsOf } from './page-scan';

const SIZES = (process.env.BENCH_SHADOW_SIZES ?? '5000,10000,20000,30000').split(',').map(Number);
const LIMIT_MS = Number(process.env.BENCH_SHADOW_LIMIT_S ?? 120) * 1000;

/** The builds to measure: name and chrome-mv3 directory. */
function builds(): [string, string][] {
  const listed = process.env.BENCH_SHADOW_BUILDS;
  if (listed) return listed.split(',').map((b) => b.split('=') as [string, string]);
  const before = join(ROOT, '.output-before', 'chrome-mv3');
  return [
    ['this build', EXTENSION],
    ...(existsSync(before) ? [['.output-before', before] as [string, string]] : []),
  ];
}

/** The extension's longest timer, frame or event callback on a page, in thread (CPU) time. */
function longestCpuMs(events: TraceEvent[], extensionId: string): number {
  const prefix = `chrome-extension://${extensionId}/`;
  let longest = 0;
  for (const e of events as (TraceEvent & { tdur?: number })[]) {
    if (e.ph !== 'X' || e.name !== 'FunctionCall' || e.tdur === undefined) continue;
    if ((e.args?.data?.url ?? '').startsWith(prefix)) longest = Math.max(longest, e.tdur / 1000);
  }
  return longest;
}

interface Load {
  doneS: number;
  idle: boolean;
  stats: ScanStatsResponse | null;
  traceMs: number;
  traceLongestMs: number;
  cpuLongestMs: number;
  marks: number;
}

export async function runShadowRootsBench(): Promise<void> {
  const pages = SIZES.map((n) => ({ n, ...writeShadowRoots(n) }));
  const server = await serve(GENERATED);
  const sessions = [];
  for (const [name, dir] of builds()) {
    const browsers = await launchBenchBrowsers(dir);
    const browser = browsers.ext.browser();
    if (!browser) throw new Error('No browser behind the persistent context');
    const extensionId = new URL(browsers.ext.serviceWorkers()[0]!.url()).host;
    sessions.push({ name, browsers, extensionId, cdp: await browser.newBrowserCDPSession() });
  }
  const rows: { name: string; n: number; expected: number; load: Load }[] = [];
  for (const { n, file, valorial, hamburg } of pages) {
    for (const { name, browsers, extensionId, cdp } of sessions) {
      const page = await browsers.ext.newPage();
      const url = `${server.base}${file}`;
      let stats: ScanStatsResponse | null = null;
      let doneS = 0;
      const events = await traced(cdp, async () => {
        const t0 = performance.now();
        await page.goto(url, { waitUntil: 'load', timeout: LIMIT_MS });
        while (performance.now() - t0 < LIMIT_MS) {
          stats = await statsOf(browsers.ext, url);
          if (stats?.idle && stats.textNodes > 0) break;
          await page.waitForTimeout(100);
        }
        doneS = (performance.now() - t0) / 1000;
      });
      const cost = extensionCost(events, extensionId);
      const marks = await page.evaluate(() => {
        let size = 0;
        for (const [name, h] of CSS.highlights)
          if (name.startsWith('cluster-lens-')) size += h.size;
        return size;
      });
      await page.close();
      const s = stats as ScanStatsResponse | null;
      rows.push({
        name,
        n,
        expected: valorial + hamburg,
        load: {
          doneS,
          idle: s?.idle ?? false,
          stats: s,
          traceMs: cost.totalMs,
          traceLongestMs: cost.longestMs,
          cpuLongestMs: longestCpuMs(events, extensionId),
          marks,
        },
      });
    }
  }
  for (const { cdp, browsers } of sessions) {
    await cdp.detach();
    await browsers.close();
  }
  server.close();

  console.log(
    '\nOpen shadow roots: N custom elements, each with an open shadow root (one load each)',
  );
  console.log(
    `${'build'.padEnd(16)}${'N'.padStart(7)}${'done s'.padStart(8)}${'scan ms'.padStart(9)}${'longest'.padStart(9)}${'trace ms'.padStart(10)}${'longest'.padStart(9)}${'cpu'.padStart(7)}${'marks'.padStart(9)}${'marked'.padStart(8)}`,
  );
  for (const { name, n, expected, load } of rows) {
    const s = load.stats;
    console.log(
      `${name.padEnd(16)}${String(n).padStart(7)}${`${load.doneS.toFixed(1)}${load.idle ? '' : '+'}`.padStart(8)}${(s?.scanMs ?? 0).toFixed(0).padStart(9)}${(s?.longestTaskMs ?? 0).toFixed(1).padStart(9)}${load.traceMs.toFixed(0).padStart(10)}${load.traceLongestMs.toFixed(1).padStart(9)}${load.cpuLongestMs.toFixed(1).padStart(7)}${`${load.marks}/${expected}`.padStart(9)}${String(s?.rootsWithMarks ?? '-').padStart(8)}`,
    );
  }
  console.log(
    "done: '+' when the scan was not idle at the limit. scan, longest: the content script's clock;\n" +
      'trace: the extension on the page’s main thread (wall); cpu: its longest callback in CPU time.',
  );
}

if (process.argv[1]?.endsWith('shadow-roots.ts')) await runShadowRootsBench();
