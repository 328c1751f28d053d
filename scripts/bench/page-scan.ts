/**
 * Real-browser benchmark of page scanning: loads every page of the corpus in headless Chromium
 * with the built extension and prints, per page, the text size, the extension's total scan
 * time on the page's main thread, a bare TreeWalker pass reading all text of the same page (the
 * floor any scanner pays, measured in the same run, in a browser without the extension), their
 * ratio and the longest task the scan ran. Also how the first pass went (`clear`: the quick
 * check found no alias; `mentions`: it found one, so the page was scanned fully; `full`: no
 * quick check), the background's matching time for the quick check (off the page's thread,
 * shown so no cost is hidden), the heap the extension adds to a tab (same pages without the
 * extension, in the same run) and the content script's gzip size.
 *
 *   npm run build && npx tsx scripts/bench/page-scan.ts
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { ScanStatsResponse } from '../../lib/messages';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const CORPUS = resolve(ROOT, '../shared/corpus/pages');
export const EXTENSION = resolve(ROOT, process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BARE_RUNS = 5;
/** Passes over the corpus; each page's figures are the medians of its passes. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--js-flags=--expose-gc',
];

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function serve(dir: string) {
  const server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).slice(1);
    const file = join(dir, name);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(file));
  });
  return new Promise<{ base: string; close: () => void }>((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({
        base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        close: () => server.close(),
      }),
    ),
  );
}

/** Only the local server is reachable: the corpus pages' own scripts, images and ads are not. */
async function localOnly(context: BrowserContext) {
  await context.route('**/*', (route) =>
    route.request().url().startsWith('http://127.0.0.1') ? route.continue() : route.abort(),
  );
}

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

/** A bare pass over the page's text, the way any scanner must at least read it. */
export function bareTextPass(page: Page, runs: number): Promise<number[]> {
  return page.evaluate((runs) => {
    const times: number[] = [];
    for (let k = 0; k < runs; k++) {
      const t0 = performance.now();
      let chars = 0;
      const walker = document.createTreeWalker(document.body ?? document, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += (n as Text).data.length;
      times.push(performance.now() - t0);
      if (chars < 0) times.push(0);
    }
    return times;
  }, runs);
}

/** The scan stats of the tab showing `url`, asked through the extension's service worker. */
export async function statsOf(
  context: BrowserContext,
  url: string,
): Promise<ScanStatsResponse | null> {
  const worker = context.serviceWorkers()[0]!;
  return worker.evaluate(async (url) => {
    for (const tab of await chrome.tabs.query({})) {
      try {
        const r: ScanStatsResponse | undefined = await chrome.tabs.sendMessage(tab.id!, {
          type: 'cluster-lens:scan-stats',
        });
        if (r?.url === url) return r;
      } catch {
        // no content script there
      }
    }
    return null;
  }, url);
}

/** The corpus pages to load, by file name: all of them, or those listed in BENCH_PAGES. */
export function corpusPages(): string[] {
  const only = process.env.BENCH_PAGES?.split(',');
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.html') && (!only || only.includes(f)))
    .sort();
}

/**
 * Headless Chromium with the built extension (`extension`: its chrome-mv3 directory), and one
 * without it for the baselines (its pages open in `plainContext`); only the local server is
 * reachable from either.
 */
export async function launchBenchBrowsers(extension = EXTENSION) {
  if (!existsSync(join(extension, 'manifest.json'))) {
    throw new Error(`No extension build at ${extension}: run npm run build first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'cl-bench-'));
  const ext = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...ARGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
  });
  const plain = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const plainContext = await plain.newContext();
  await Promise.all([localOnly(ext), localOnly(plainContext)]);
  if (ext.serviceWorkers().length === 0) await ext.waitForEvent('serviceworker');
  return {
    ext,
    plainContext,
    async close() {
      await ext.close();
      await plain.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The content script's figures for `url` once its scan is done (polled every 50 ms). */
export async function statsWhenScanned(
  ext: BrowserContext,
  page: Page,
  url: string,
  tries = 200,
): Promise<ScanStatsResponse | null> {
  let stats: ScanStatsResponse | null = null;
  for (let k = 0; k < tries; k++) {
    stats = await statsOf(ext, url);
    if (stats?.idle && stats.textChars > 0) break;
    await page.waitForTimeout(50);
  }
  return stats;
}

export async function runPageScanBench(): Promise<void> {
  const pages = corpusPages();
  const server = await serve(CORPUS);
  const browsers = await launchBenchBrowsers();
  const { ext, plainContext } = browsers;

  const rows: {
    page: string;
    kb: number;
    scanMs: number;
    bareMs: number;
    bareWarmMs: number;
    ratio: number;
    longestMs: number;
    heapKb: number;
    pass: string;
    checkMs: number;
    /** Pieces the page was read in for the quick check (1: in one call; more: over 20,000 elements). */
    pieces: number;
  }[] = [];
  type Row = (typeof rows)[number];
  const measure = async (name: string): Promise<Row | null> => {
    const url = server.base + name;
    const page = await ext.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const stats = await statsWhenScanned(ext, page, url);
    const withExtension = await heapUsed(page);
    // The baseline runs in a browser without the extension, on a fresh page, and its first
    // pass counts: like our scan, it meets the page's nodes for the first time (no JS wrappers
    // yet, cold code). Later passes are shown too.
    const reference = await plainContext.newPage();
    await reference.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const [bare = 0, ...warmRuns] = await bareTextPass(reference, BARE_RUNS);
    const bareWarm = median(warmRuns);
    const without = await heapUsed(reference);
    await Promise.all([page.close(), reference.close()]);
    if (process.env.BENCH_DETAIL) {
      console.log(name, JSON.stringify(stats));
    }
    if (!stats) {
      console.log(`${name}: no answer from the content script`);
      return null;
    }
    return {
      page: name,
      kb: stats.textChars / 1024,
      scanMs: stats.scanMs,
      bareMs: bare,
      bareWarmMs: bareWarm,
      ratio: stats.scanMs / Math.max(bare, 0.01),
      longestMs: stats.longestTaskMs,
      heapKb: (withExtension - without) / 1024,
      pass: stats.pass,
      checkMs: stats.checkMs,
      pieces: stats.pieces,
    };
  };
  // Each page is measured ROUNDS times, the rounds going over the whole corpus in turn so a
  // busy moment of the machine does not fall on one page; a page's figures are the medians of
  // its rounds (its longest task the maximum).
  const rounds = new Map<string, Row[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of pages) {
      const row = await measure(name);
      if (row) rounds.set(name, [...(rounds.get(name) ?? []), row]);
    }
  }
  for (const [name, measured] of rounds) {
    const mid = (pick: (r: Row) => number) => median(measured.map(pick));
    rows.push({
      page: name,
      kb: mid((r) => r.kb),
      scanMs: mid((r) => r.scanMs),
      bareMs: mid((r) => r.bareMs),
      bareWarmMs: mid((r) => r.bareWarmMs),
      ratio: mid((r) => r.ratio),
      longestMs: Math.max(...measured.map((r) => r.longestMs)),
      heapKb: mid((r) => r.heapKb),
      pass: measured.every((r) => r.pass === measured[0]!.pass)
        ? measured[0]!.pass
        : measured.map((r) => r.pass).join('/'),
      checkMs: mid((r) => r.checkMs),
      pieces: mid((r) => r.pieces),
    });
  }
  await browsers.close();
  server.close();

  const pad = (s: string, n: number) => s.padStart(n);
  console.log(
    `\nPage scanning in headless Chromium (corpus of ${rows.length} pages, median of ${ROUNDS} rounds per page)`,
  );
  console.log(
    `${'page'.padEnd(28)}${pad('text KB', 9)}${pad('scan ms', 9)}${pad('bare ms', 9)}${pad('warm', 7)}${pad('ratio', 7)}${pad('longest', 9)}${pad('heap KB', 9)}  ${'pass'.padEnd(9)}${pad('bg ms', 6)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.page.slice(0, 27).padEnd(28)}${pad(r.kb.toFixed(1), 9)}${pad(r.scanMs.toFixed(2), 9)}${pad(r.bareMs.toFixed(2), 9)}${pad(r.bareWarmMs.toFixed(2), 7)}${pad(r.ratio.toFixed(1), 7)}${pad(r.longestMs.toFixed(2), 9)}${pad(r.heapKb.toFixed(0), 9)}  ${r.pass.padEnd(9)}${pad(r.checkMs.toFixed(1), 6)}`,
    );
  }
  const ratios = rows.map((r) => r.ratio);
  const longest = Math.max(...rows.map((r) => r.longestMs));
  const totalText = rows.reduce((s, r) => s + r.kb, 0);
  const totalScan = rows.reduce((s, r) => s + r.scanMs, 0);
  const script = readFileSync(join(EXTENSION, 'content-scripts/content.js'));
  console.log(
    `\nmedian scan/bare ratio ${median(ratios).toFixed(2)}× (target ≤ 3×); longest task ${longest.toFixed(1)} ms (target < 50 ms)`,
  );
  for (const pass of ['clear', 'mentions', 'full']) {
    const some = rows.filter((r) => r.pass === pass);
    if (some.length === 0) continue;
    console.log(
      `  ${pass}: ${some.length} pages, median ratio ${median(some.map((r) => r.ratio)).toFixed(2)}×, median scan ${median(some.map((r) => r.scanMs)).toFixed(2)} ms`,
    );
  }
  const inPieces = rows.filter((r) => r.pieces > 1);
  console.log(
    `read in pieces (over 20,000 elements): ${inPieces.length} pages${inPieces.map((r) => `, ${r.page} (${r.pieces})`).join('')}`,
  );
  console.log(
    `background time of the quick checks: median ${median(rows.map((r) => r.checkMs)).toFixed(2)} ms, total ${rows.reduce((s, r) => s + r.checkMs, 0).toFixed(0)} ms (not on the pages' threads)`,
  );
  console.log(
    `throughput ${(totalText / 1024 / (totalScan / 1000)).toFixed(1)} MB/s of page text; median heap added per tab ${median(rows.map((r) => r.heapKb)).toFixed(0)} KB`,
  );
  console.log(
    `content script ${(script.length / 1024).toFixed(1)} KB, ${(gzipSync(script).length / 1024).toFixed(1)} KB gzip`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runPageScanBench();
}
