import { contentClock, timed } from './content-clock';
import {
  CYCLE,
  DETECTIONS,
  FRAME_CARD,
  PING,
  REVEAL,
  SCAN_STATS,
  SUPPRESS,
  type CardOpenedResponse,
  type PingResponse,
  type SuppressRequest,
  type SuppressResult,
} from '~/lib/messages';
import { siteOf } from '~/lib/site-toggle';
import { onRequest } from '~/utils/messaging';
import { HoverCard } from './hover-card';
import { PageLens } from './page-lens';
import { loadPageSettings, watchPageStorage } from './page-settings';

/**
 * Every frame's script: small and the same size whatever the dataset (the matcher and the
 * dataset live in the background, the card's code is loaded when first needed).
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    const isTop = window === window.top;
    const lens = new PageLens();

    onRequest(PING, () => Promise.resolve<PingResponse>({ url: location.href, topFrame: isTop }));
    // The top frame answers for the tab, frames' findings included; frames stay silent.
    onRequest(
      DETECTIONS,
      timed(() => (isTop ? lens.tabDetections() : undefined)),
    );
    onRequest(SCAN_STATS, () => (isTop ? Promise.resolve(lens.scanStats()) : undefined));

    const card = new HoverCard(ctx, {
      store: () => lens.store,
      settings: () => lens.settings,
      shadowRoots: () => lens.shadowRoots,
      datasetKey: () => lens.scanKey,
      site: () => (location.hostname ? siteOf(location.hostname) : null),
      suppress,
    });
    // Keyboard commands (through the background) and the popup's "show on page" go to the
    // top frame: it moves through its own mentions (not its frames').
    const opened = (id: Promise<string | null>) =>
      id.then((openedId): CardOpenedResponse => ({ id: openedId }));
    onRequest(
      CYCLE,
      timed(({ direction }) => (isTop ? opened(card.cycle(direction)) : undefined)),
    );
    // A frame's card, shown here in the top frame where it has the whole viewport.
    onRequest(
      FRAME_CARD,
      timed((request) => (isTop ? card.frameCard(request) : undefined)),
    );
    onRequest(
      REVEAL,
      timed(({ id }) => (isTop ? opened(card.revealId(id)) : undefined)),
    );

    void loadPageSettings().then(
      timed((settings) => {
        if (!ctx.isValid) return;
        lens.update(settings);
        const unwatch = watchPageStorage({
          settings: timed((s) => lens.update(s)),
          // An import applied or reset: the marks come from the new dataset.
          dataset: timed(() => lens.datasetChanged()),
        });
        ctx.onInvalidated(unwatch);
      }),
    );
    ctx.onInvalidated(() => lens.stop());
    contentClock.started();
  },
});

/** "Not this organisation": the background saves it; every frame's settings watcher rescans. */
async function suppress(entry: SuppressRequest['entry']): Promise<SuppressResult> {
  const request: SuppressRequest = { type: SUPPRESS, entry };
  const reply = await browser.runtime
    .sendMessage<SuppressRequest, SuppressResult | undefined>(request)
    // No background (the extension is reloading): nothing was saved; the mark stays.
    .catch(() => undefined);
  return reply ?? { saved: false, reason: 'browser' };
}
