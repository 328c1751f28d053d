// Our own context at run time (wxt.config.ts aliases this module to lib/content-script-context.ts).
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Settings } from '~/lib/settings';
import { createCardView } from '../card/card-view';
import { CARD_VIEW_GLOBAL } from '../content/card-view';
import { HoverCard } from '../content/hover-card';
import { PageLens } from '../content/page-lens';
import { loadPageSettings, watchPageStorage } from '../content/page-settings';

/**
 * The content script's lens and hover card, run by the introduction page itself: browsers run
 * no content script in an extension's own pages, and the background can put neither the card's
 * code nor the marks' CSS into one. So the card's view is imported here (where a web page gets
 * it injected), and the marks' styles fall back to a sheet the page adopts (mark-styles.ts).
 * Returns a function that stops it.
 */
export function startSampleLens(): () => void {
  const global = globalThis as unknown as Record<string, unknown>;
  global[CARD_VIEW_GLOBAL] ??= createCardView;
  const ctx = new ContentScriptContext('welcome');
  const lens = new PageLens();
  new HoverCard(ctx, {
    store: () => lens.store,
    settings: () => lens.settings,
    shadowRoots: () => lens.shadowRoots,
    datasetKey: () => lens.scanKey,
    // Not a site: "Not this organisation" has nowhere to apply here.
    site: () => null,
    suppress: () => Promise.resolve({ saved: false, reason: 'browser' }),
  });
  // The sample is marked even where marking is switched off, or limited to some sites: it
  // shows what marks look like. The reader's styles, kinds shown and acronym rule apply.
  const forSample = (settings: Settings): Settings => ({
    ...settings,
    enabled: true,
    siteMode: 'everywhere',
  });
  void loadPageSettings().then((settings) => {
    if (!ctx.isValid) return;
    lens.update(forSample(settings));
    const unwatch = watchPageStorage({
      settings: (s) => lens.update(forSample(s)),
      dataset: () => lens.datasetChanged(),
    });
    ctx.onInvalidated(unwatch);
  });
  ctx.onInvalidated(() => lens.stop());
  return () => ctx.abort();
}
