import {
  SUPPRESS,
  type CardOpenedResponse,
  type SuppressRequest,
  type SuppressResult,
} from '~/lib/messages';
import type { Settings } from '~/lib/settings';
import { siteOf } from '~/lib/site-toggle';
import { contentClock, timed } from '../content/content-clock';
import { HoverCard } from '../content/hover-card';
import { lensHandoff, type LensHandoff, type PageLensApi } from '../content/lens-handoff';
import { PageLens } from '../content/page-lens';

/**
 * The scanner, the marker and the hover card of one frame: run in the frame's content script
 * world by the background (utils/card-injection.ts) when the frame's bootstrap
 * (entrypoints/content) finds its text may name someone, an open shadow root to read, a page
 * too large to read at once, or a change that names someone, and in the top frame when one of
 * its frames asks it to show a card. Most frames never load it. It takes over from the
 * bootstrap's hand-off (lens-handoff.ts); running it twice changes nothing.
 */
export default defineUnlistedScript(() => {
  const handoff = lensHandoff();
  if (!handoff || handoff.lens) return;
  handoff.lens = startLens(handoff);
  contentClock.started();
});

function startLens({ ctx, settings, cleared }: LensHandoff): PageLensApi | null {
  if (!ctx.isValid) return null;
  // A frame the bootstrap cleared is taken over as it is, not read again.
  const lens = new PageLens(cleared);
  const card = new HoverCard(ctx, {
    store: () => lens.store,
    settings: () => lens.settings,
    shadowRoots: () => lens.shadowRoots,
    datasetKey: () => lens.scanKey,
    site: () => (location.hostname ? siteOf(location.hostname) : null),
    suppress,
  });
  const opened = (id: Promise<string | null>) =>
    id.then((openedId): CardOpenedResponse => ({ id: openedId }));
  lens.update(settings);
  ctx.onInvalidated(() => lens.stop());
  return {
    tabDetections: timed(() => lens.tabDetections()),
    scanStats: () => lens.scanStats(),
    // Keyboard commands (through the background) and the popup's "show on page" go to the
    // top frame: it moves through its own mentions (not its frames').
    cycle: timed((direction: 1 | -1) => opened(card.cycle(direction))),
    reveal: timed((id: string) => opened(card.revealId(id))),
    // A frame's card, shown here in the top frame where it has the whole viewport.
    frameCard: timed((request) => card.frameCard(request)),
    settingsChanged: timed((s: Settings) => lens.update(s)),
    // An import applied or reset: the marks come from the new dataset.
    datasetChanged: timed(() => lens.datasetChanged()),
  };
}

/** "Not this organisation": the background saves it; every frame's settings watcher rescans. */
async function suppress(entry: SuppressRequest['entry']): Promise<SuppressResult> {
  const request: SuppressRequest = { type: SUPPRESS, entry };
  const reply = await browser.runtime
    .sendMessage<SuppressRequest, SuppressResult | undefined>(request)
    // No background (the extension is reloading): nothing was saved; the mark stays.
    .catch(() => undefined);
  return reply ?? { saved: false, reason: 'browser' };
}
