import type { Browser } from 'wxt/browser';
import { isRequest, type Request } from '~/lib/messages';
import { nativeBrowser } from './native-browser';

type RequestOf<T extends Request['type']> = Extract<Request, { type: T }>;

/**
 * Answers one kind of request, as utils/messaging.ts's onRequest does, with the browser's own
 * API (see native-browser.ts): the reply goes through `sendResponse`, which both browsers take,
 * where webextension-polyfill would send a returned promise's value. Returning undefined leaves
 * a message to other listeners (and other frames); a failed handler answers nothing.
 */
export function answerRequests<T extends Request['type']>(
  type: T,
  handler: (
    message: RequestOf<T>,
    sender: Browser.runtime.MessageSender,
  ) => Promise<unknown> | undefined,
): void {
  nativeBrowser.runtime.onMessage.addListener(
    (
      message: unknown,
      sender: Browser.runtime.MessageSender,
      sendResponse: (r?: unknown) => void,
    ) => {
      if (!isRequest(message, type)) return undefined;
      const reply = handler(message, sender);
      if (!reply) return undefined;
      reply.then(sendResponse, () => sendResponse(undefined));
      // The answer comes later: the channel stays open until sendResponse.
      return true;
    },
  );
}
