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
 * Every frame's script, kept to what every frame needs (see PageBoot): the settings, the quick
 * check of the frame's text and a cheap watch on later changes. The scanner, marker and hover
 * card (entrypoints/page-lens) are injected by the background only into frames that may name
 * someone, and into the top frame when a frame asks it to show a card; the matcher and the
 * dataset live in the background, the card's view comes when first needed.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    const isTop = window === window.top;
    const boot = new PageBoot(ctx, isTop);

    answerRequests(PING, () =>
      Promise.resolve<PingResponse>({ url: location.href, topFrame: isTop }),
    );
    // The top frame answers for the tab, frames' findings included; frames stay silent.
    answerRequests(
      DETECTIONS,
      timed(() => (isTop ? boot.tabDetections() : undefined)),
    );
    answerRequests(SCAN_STATS, () => (isTop ? Promise.resolve(boot.scanStats()) : undefined));
    // Keyboard commands (through the background) and the popup's "show on page" go to the
    // top frame: it moves through its own mentions (not its frames').
    answerRequests(
      CYCLE,
      timed(({ direction }) => (isTop ? boot.cycle(direction) : undefined)),
    );
    // A frame's card, shown here in the top frame where it has the whole viewport.
    answerRequests(
      FRAME_CARD,
      timed((request) => (isTop ? boot.frameCard(request) : undefined)),
    );
    answerRequests(
      REVEAL,
      timed(({ id }) => (isTop ? boot.reveal(id) : undefined)),
    );

    boot.start();
    contentClock.started();
  },
});
