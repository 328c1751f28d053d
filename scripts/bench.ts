/**
 * Every speed table, in one run: the matcher against its baselines (Node), popup search per
 * keystroke (Node), page scanning, what a page pays for the extension (from Chromium's trace,
 * real and 5× dataset), pages of many open shadow roots, a scroll spy, the style recalculation
 * the marks' styles cause, and popup readiness in
 * headless Chromium with the build.
 *
 *   npm run bench            (builds first)
 */
import { runMatcherBench } from './bench/matcher';
import { runCardPaintBench } from './bench/card-paint';
import { runLargePageBench } from './bench/large-page';
import { runPageCostBench } from './bench/page-cost';
import { runPageScanBench } from './bench/page-scan';
import { runPopupBench } from './bench/popup';
import { runScrollSpyBench } from './bench/scroll-spy';
import { runSearchBench } from './bench/search';
import { runShadowRootsBench } from './bench/shadow-roots';
import { runStyleCostBench } from './bench/style-cost';

await runMatcherBench();
await runSearchBench();
await runPageScanBench();
await runPageCostBench();
await runLargePageBench();
await runShadowRootsBench();
await runScrollSpyBench();
await runStyleCostBench();
await runPopupBench();
await runCardPaintBench();
