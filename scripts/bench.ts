/**
 * Every speed table, in one run: the matcher against its baselines (Node), popup search per
 * keystroke (Node), and page scanning in headless Chromium with the built extension.
 *
 *   npm run bench            (builds first)
 */
import { runMatcherBench } from './bench/matcher';
import { runPageScanBench } from './bench/page-scan';
import { runSearchBench } from './bench/search';

await runMatcherBench();
await runSearchBench();
await runPageScanBench();
