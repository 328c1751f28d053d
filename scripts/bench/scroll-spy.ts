/**
 * Real-browser benchmark of a scroll spy (issue 13, F3): the 1 MB article whose address follows
 * the section in view, `history.replaceState(null, '', '#sN')` 60 times a second, and whose
 * table of contents changes the hash every second (tests/e2e/fixtures.ts, writeScrollSpy). Per
 * build, one traced load of BENCH_SPY_S seconds (default 9) from the navigation:
 *   - what the content script sent the background: messages by type and their size as JSON
 *     (recorded by a listener added in the background beside its own);
 *   - the extension's time on the page's main thread and its longest task (from the trace, as
 *     page-cost.ts counts them), and the content script's own clock (stats.scriptMs).
 * Builds: this one (.output) and, when present, .output-before (the commit before, built with
 * WXT_OUT_DIR=.output-before) and .output-urlrestart (a build that restarts its scan on every
 * address change, as the extension did when the finding was made); BENCH_SPY_BUILDS=name=dir,...
 * measures those instead (the old 078772e build, say, whose matcher ran in the page).
 *
 *   npm run build && npx tsx scripts/bench/scroll-spy.ts
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanStatsResponse } from '../../lib/messages';
import { GENERATED, writeScrollSpy } from '../../tests/e2e/fixtures';
import { extensionCost, traced } from './page-cost';
import { EXTENSION, launchBenchBrowsers, ROOT, serve } from './page-scan';

const SECONDS = Number(process.env.BENCH_SPY_S ?? 9);

function builds(): [string, string][] {
  const listed = process.env.BENCH_SPY_BUILDS;
  if (listed) return listed.split(',').map((b) => b.split('=') as [string, string]);
  const others = ['.output-before', '.output-urlrestart']
    .map((dir) => [dir, join(ROOT, dir, 'chrome-mv3')] as [string, string])
    .filter(([, dir]) => existsSync(join(dir, 'manifest.json')));
  return [['this build', EXTENSION], ...others];
}

interface Sent {
  type: string;
  bytes: number;
}

export async function runScrollSpyBench(): Promise<void> {
  const { file } = writeScrollSpy();
  const server = await serve(GENERATED);
  const url = `${server.base}${file}`;
  const rows = [];
  for (const [name, dir] of builds()) {
    const browsers = await launchBenchBrowsers(dir);
    const worker = browsers.ext.serviceWorkers()[0]!;
    const extensionId = new URL(worker.url()).host;
    const browser = browsers.ext.browser();
    if (!browser) throw new Error('No browser behind the persistent context');
    const cdp = await browser.newBrowserCDPSession();
    await worker.evaluate(() => {
      const g = globalThis as unknown as { __sent: Sent[] };
      g.__sent = [];
      chrome.runtime.onMessage.addListener((message: unknown, sender) => {
        if (sender.tab === undefined) return;
        g.__sent.push({
          type: (message as { type?: string } | null)?.type ?? '',
          bytes: JSON.stringify(message).length,
        });
      });
    });
    const page = await browsers.ext.newPage();
    const events = await traced(cdp, async () => {
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      await page.waitForTimeout(SECONDS * 1000);
    });
    const sent = await worker.evaluate(() => (globalThis as unknown as { __sent: Sent[] }).__sent);
    const spy = await page.evaluate(
      () => (window as unknown as { __spy: { replaced: number; hashes: number } }).__spy,
    );
    const stats = await worker.evaluate(async () => {
      for (const tab of await chrome.tabs.query({})) {
        try {
          const r: ScanStatsResponse | undefined = await chrome.tabs.sendMessage(
            tab.id!,
            { type: 'cluster-lens:scan-stats' },
            { frameId: 0 },
          );
          if (r?.url?.includes('scroll-spy')) return r;
        } catch {
          // no content script there
        }
      }
      return null;
    });
    const cost = extensionCost(events, extensionId);
    await page.close();
    await cdp.detach();
    await browsers.close();
    const count = (type: string) => sent.filter((m) => m.type === `cluster-lens:${type}`).length;
    rows.push({
      name,
      spy,
      messages: sent.length,
      quick: count('quick-check'),
      match: count('match'),
      reports: count('frame-report'),
      mb: sent.reduce((sum, m) => sum + m.bytes, 0) / 1e6,
      traceMs: cost.totalMs,
      longestMs: cost.longestMs,
      scriptMs: stats?.scriptMs ?? NaN,
      idle: stats?.idle ?? false,
    });
  }
  server.close();
  console.log(
    `\nScroll spy: 1 MB article, replaceState('#sN') every 16 ms and a hash change every second, ${SECONDS} s from navigation`,
  );
  console.log(
    `${'build'.padEnd(20)}${'address'.padStart(9)}${'sent'.padStart(6)}${'quick'.padStart(7)}${'match'.padStart(7)}${'report'.padStart(8)}${'MB'.padStart(8)}${'trace ms'.padStart(10)}${'longest'.padStart(9)}${'script'.padStart(8)}  idle`,
  );
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(20)}${String(r.spy.replaced + r.spy.hashes).padStart(9)}${String(r.messages).padStart(6)}${String(r.quick).padStart(7)}${String(r.match).padStart(7)}${String(r.reports).padStart(8)}${r.mb.toFixed(2).padStart(8)}${r.traceMs.toFixed(0).padStart(10)}${r.longestMs.toFixed(1).padStart(9)}${r.scriptMs.toFixed(0).padStart(8)}  ${r.idle}`,
    );
  }
  console.log(
    'address: changes the page made (replaceState and hash); sent: messages from the content\n' +
      "script to the background, MB their size as JSON; trace: the extension's time on the page's\n" +
      "main thread and its longest task; script: the content script's own clock.",
  );
}

if (process.argv[1]?.endsWith('scroll-spy.ts')) await runScrollSpyBench();
