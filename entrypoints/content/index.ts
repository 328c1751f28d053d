import { PING, type PingResponse } from '~/lib/messages';
import { onRequest } from '~/utils/messaging';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main() {
    onRequest(PING, () =>
      Promise.resolve<PingResponse>({ url: location.href, topFrame: window === window.top }),
    );
  },
});
