/**
 * Every speed table, in one run: the matcher against its baselines (Node), popup search per
 * keystroke (Node), page scanning and popup readiness in headless Chromium with the build.
 *
 *   npm run bench            (builds first)
 */
import { runMatcherBench } from './bench/matcher';
import { runLargePageBench } from './bench/large-page';
import { runPageScanBench } from './bench/page-scan';
import { runPopupBench } from './bench/popup';
import { runSearchBench } from './bench/search';

await runMatcherBench();
await runSearchBench();
await runPageScanBench();
await runLargePageBench();
await runPopupBench();
