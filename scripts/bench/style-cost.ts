/**
 * What the marks' styles cost a page in style recalculation: each page is loaded, traced, in
 * headless Chromium without the extension and with each build, and the trace's UpdateLayoutTree
 * events (the style recalculations of every renderer main thread) are added up: elements
 * recalculated and time. A page that names no one should cost nothing beyond the bare page; a
 * page with marks pays once for the rules arriving.
 *
 *   npm run build && npx tsx scripts/bench/style-cost.ts
 *
 * BENCH_STYLE_BUILDS=name=dir,name=dir: the chrome-mv3 directories to compare (default: this
 * checkout's build). BENCH_PAGES=a.html,b.html: corpus pages (default: all).
 * BENCH_STYLE_ROUNDS=n: loads per page and build (median; default 3).
 */
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession } from 'playwright-core';
import {
  CORPUS,
  corpusPages,
  EXTENSION,
  launchBenchBrowsers,
  median,
  serve,
  statsWhenScanned,
} from './page-scan';

const ROUNDS = Number(process.env.BENCH_STYLE_ROUNDS ?? 3);
const SETTLE_MS = 1500;

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  args?: { elementCount?: number; data?: { elementCount?: number } };
}

interface Recalc {
  elements: number;
  ms: number;
}

async function recalcWhile(cdp: CDPSession, body: () => Promise<void>): Promise<Recalc> {
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: object[] }) => events.push(...(value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline'] },
  });
  try {
    await body();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  let elements = 0;
  let us = 0;
  for (const e of events) {
    if (e.name !== 'UpdateLayoutTree' || e.ph !== 'X') continue;
    elements += e.args?.elementCount ?? e.args?.data?.elementCount ?? 0;
    us += e.dur ?? 0;
  }
  return { elements, ms: us / 1000 };
}

async function loadTraced(
  browser: Browser,
  context: BrowserContext,
  url: string,
  withExtension: boolean,
): Promise<Recalc & { pass: string }> {
  const cdp = await browser.newBrowserCDPSession();
  const tab = await context.newPage();
  const recalc = await recalcWhile(cdp, async () => {
    await tab.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await tab.waitForTimeout(SETTLE_MS);
  });
  const stats = withExtension ? await statsWhenScanned(context, tab, url, 1) : null;
  await tab.close();
  await cdp.detach();
  return { ...recalc, pass: stats?.pass ?? '' };
}

function builds(): [string, string][] {
  const spec = process.env.BENCH_STYLE_BUILDS;
  if (!spec) return [['this build', EXTENSION]];
  return spec.split(',').map((entry) => {
    const [name, dir] = entry.split('=');
    return [name!, resolve(dir!)];
  });
}

/** Style recalculation per corpus page: bare, and with each build. */
export async function runStyleCostBench(): Promise<void> {
  const server = await serve(CORPUS);
  const pages = corpusPages();
  const columns: string[] = ['no extension'];
  const rows = new Map<string, { pass: string; cells: Recalc[] }>(
    pages.map((p) => [p, { pass: '', cells: [] }]),
  );

  const plain = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const plainContext = await plain.newContext();
  // Only the local server, as in the extension's browser (launchBenchBrowsers).
  await plainContext.route('**/*', (route) =>
    route.request().url().startsWith('http://127.0.0.1') ? route.continue() : route.abort(),
  );
  for (const name of pages) {
    const runs: Recalc[] = [];
    for (let k = 0; k < ROUNDS; k++) {
      runs.push(await loadTraced(plain, plainContext, server.base + name, false));
    }
    rows.get(name)!.cells.push(medianRecalc(runs));
  }
  await plain.close();

  for (const [build, dir] of builds()) {
    columns.push(build);
    const browsers = await launchBenchBrowsers(dir);
    const browser = browsers.ext.browser();
    if (!browser) throw new Error('No browser behind the persistent context');
    // A first load, not counted: the extension's worker and files warm up.
    await loadTraced(browser, browsers.ext, server.base + pages[0]!, true);
    for (const name of pages) {
      const runs: (Recalc & { pass: string })[] = [];
      for (let k = 0; k < ROUNDS; k++) {
        runs.push(await loadTraced(browser, browsers.ext, server.base + name, true));
      }
      const row = rows.get(name)!;
      row.pass = runs[0]!.pass;
      row.cells.push(medianRecalc(runs));
    }
    await browsers.close();
  }
  server.close();

  console.log(`\nStyle recalculation per page load (median of ${ROUNDS}): elements / ms`);
  console.log(['page', 'pass', ...columns].join(' | '));
  for (const [name, { pass, cells }] of rows) {
    const shown = cells.map((c) => `${c.elements} / ${c.ms.toFixed(1)}`);
    console.log([name, pass, ...shown].join(' | '));
  }
  for (const pass of ['clear', 'mentions']) {
    const picked = [...rows.values()].filter((r) => r.pass === pass);
    if (picked.length === 0) continue;
    const extra = columns.slice(1).map((_, i) => {
      const added = picked.map((r) => r.cells[i + 1]!.elements - r.cells[0]!.elements);
      const ms = picked.map((r) => r.cells[i + 1]!.ms - r.cells[0]!.ms);
      return `${median(added)} elements / ${median(ms).toFixed(1)} ms`;
    });
    console.log(
      `median added over the bare page, ${picked.length} "${pass}" pages: ${columns
        .slice(1)
        .map((c, i) => `${c}: ${extra[i]}`)
        .join('; ')}`,
    );
  }
}

function medianRecalc(runs: Recalc[]): Recalc {
  return { elements: median(runs.map((r) => r.elements)), ms: median(runs.map((r) => r.ms)) };
}

if (process.argv[1]?.endsWith('style-cost.ts')) await runStyleCostBench();
