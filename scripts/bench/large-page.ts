/**
 * Real-browser benchmark of the largest page: 100,000 list items in 1,000 lists, fifteen of them
 * naming an organisation. Such a page is read in pieces for the quick check (see PieceReader).
 * Loaded BENCH_LARGE_RUNS times (default 10) with the built extension, first on an idle machine,
 * then with two busy processes competing for the cores (two cores here, as on CI). Prints the
 * extension's total scan time, its longest task and how many runs had one of 50 ms or more,
 * against the same page's bare TreeWalker text pass in a browser without the extension,
 * measured in the same run and in the same condition.
 *
 *   npm run build && npx tsx scripts/bench/large-page.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bareTextPass, launchBenchBrowsers, median, serve, statsWhenScanned } from './page-scan';

const RUNS = Number(process.env.BENCH_LARGE_RUNS ?? 10);

function writePage(dir: string) {
  const items: string[] = [];
  for (let i = 0; i < 100_000; i++) {
    if (i % 100 === 0) items.push(i === 0 ? '<ul>' : '</ul><ul>');
    const text =
      i % 10_000 === 5 ? 'Valorial' : i % 20_000 === 7 ? 'Hamburg Aviation' : `item ${i}`;
    items.push(`<li>${text}</li>`);
  }
  writeFileSync(
    join(dir, 'large.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Large</title></head><body>${items.join('')}</ul></body></html>`,
  );
}

/** Two processes that keep both cores busy until stopped. */
function busy(): ChildProcess[] {
  return [0, 1].map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

export async function runLargePageBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cl-large-'));
  writePage(dir);
  const server = await serve(dir);
  const url = `${server.base}large.html`;
  const browsers = await launchBenchBrowsers();
  const { ext, plainContext } = browsers;

  const measure = async () => {
    const page = await ext.newPage();
    const runUrl = `${url}?run=${Math.random()}`;
    await page.goto(runUrl, { waitUntil: 'load', timeout: 60_000 });
    const stats = await statsWhenScanned(ext, page, runUrl, 400);
    await page.close();
    const reference = await plainContext.newPage();
    await reference.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const [bare = 0] = await bareTextPass(reference, 1);
    await reference.close();
    return { stats, bare };
  };

  console.log(`\nLargest page (100,000 elements, 1.0 MB of text), ${RUNS} loads per condition`);
  console.log(
    `${'condition'.padEnd(26)}${'scan ms'.padStart(9)}${'bare ms'.padStart(9)}${'ratio'.padStart(7)}${'longest'.padStart(9)}${'max'.padStart(8)}${'≥ 50 ms'.padStart(9)}  pass, pieces`,
  );
  for (const condition of ['idle', 'two busy processes'] as const) {
    const hogs = condition === 'idle' ? [] : busy();
    try {
      const runs = [];
      for (let r = 0; r < RUNS; r++) runs.push(await measure());
      const ok = runs.filter((r) => r.stats !== null);
      const longest = ok.map((r) => r.stats!.longestTaskMs);
      const scan = median(ok.map((r) => r.stats!.scanMs));
      const bare = median(ok.map((r) => r.bare));
      const first = ok[0]?.stats;
      console.log(
        `${condition.padEnd(26)}${scan.toFixed(1).padStart(9)}${bare.toFixed(1).padStart(9)}${(scan / bare).toFixed(2).padStart(7)}${median(longest).toFixed(1).padStart(9)}${Math.max(
          ...longest,
        )
          .toFixed(1)
          .padStart(
            8,
          )}${`${longest.filter((t) => t >= 50).length}/${ok.length}`.padStart(9)}  ${first?.pass}, ${first?.pieces} pieces, ${first?.piecesScanned} scanned, ${first?.textNodes} text nodes`,
      );
    } finally {
      for (const hog of hogs) hog.kill();
    }
  }
  await browsers.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
