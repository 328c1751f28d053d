import { contentClock, timed } from './content-clock';
import {
  CYCLE,
  DETECTIONS,
  FRAME_CARD,
  PING,
  REVEAL,
  SCAN_STATS,
  type PingResponse,
} from '~/lib/messages';
import { answerRequests } from '~/utils/native-messaging';
import { PageBoot } from './page-boot';

/**
 * The bootstrap, kept to what every frame that shows text needs (see PageBoot): the settings, the quick
 * check of the frame's text and a cheap watch on later changes. The scanner, marker and hover
 * card (entrypoints/page-lens) are injected by the background only into frames that may name
 * someone, and into the top frame when a frame asks it to show a card; the matcher and the
 * dataset live in the background, the card's view comes when first needed.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // Declared for top frames only: frames below load a few hundred bytes that ask for this
  // script once they show text (entrypoints/frame-probe.ts, declared in wxt.config.ts).
  allFrames: false,
  runAt: 'document_idle',
  main(ctx) {
    const isTop = window === window.top;
    const boot = new PageBoot(ctx, isTop);

    const ping = () => Promise.resolve<PingResponse>({ url: location.href, topFrame: isTop });
    // The top frame answers for the tab, frames' findings included; frames only say they are
    // there (one listener each, registered while every frame starts).
    answerRequests(
      isTop
        ? {
            [PING]: ping,
            [DETECTIONS]: timed(() => boot.tabDetections()),
            [SCAN_STATS]: () => Promise.resolve(boot.scanStats()),
            // Keyboard commands (through the background) and the popup's "show on page": the
            // top frame moves through its own mentions (not its frames').
            [CYCLE]: timed(({ direction }) => boot.cycle(direction)),
            [REVEAL]: timed(({ id }) => boot.reveal(id)),
            // A frame's card, shown here in the top frame where it has the whole viewport.
            [FRAME_CARD]: timed((request) => boot.frameCard(request)),
          }
        : { [PING]: ping },
    );

    boot.start();
    contentClock.started();
  },
});
