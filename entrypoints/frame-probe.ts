import { LOAD_BOOT, type LoadBootResponse } from '~/lib/messages';
import { extensionApi } from '~/utils/native-browser';
import { probeFrame } from './content/frame-probe';

/**
 * What every frame below the top one loads at first (declared for all frames in
 * wxt.config.ts; top frames are declared to load the bootstrap, entrypoints/content): 3 KB
 * (1.6 KB gzip) that ask the background for the bootstrap once the frame is large enough to
 * show a line of text and shows some (see probeFrame). Most frames of most pages are ad,
 * tracking and widget frames that never do.
 */
export default defineUnlistedScript(() => {
  if (window === window.top) return;
  probeFrame(() =>
    // Looked up only then: a frame's first touch of the extension API has a cost of its own.
    extensionApi()
      .runtime.sendMessage<unknown, LoadBootResponse | undefined>({ type: LOAD_BOOT })
      .then((reply) => reply?.loaded === true),
  );
});
