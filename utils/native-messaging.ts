import type { Browser } from 'wxt/browser';
import { isRequest, type Request } from '~/lib/messages';
import { nativeBrowser } from './native-browser';

type RequestOf<T extends Request['type']> = Extract<Request, { type: T }>;

/** A handler per kind of request; undefined from one leaves the message unanswered here. */
export type RequestHandlers = {
  [T in Request['type']]?: (
    message: RequestOf<T>,
    sender: Browser.runtime.MessageSender,
  ) => Promise<unknown> | undefined;
};

/**
 * Answers requests, as utils/messaging.ts's onRequest does, with the browser's own API (see
 * native-browser.ts) and one listener for all of them, since every frame registers it: the
 * reply goes through `sendResponse`, which both browsers take, where webextension-polyfill
 * would send a returned promise's value. A failed handler answers nothing.
 */
export function answerRequests(handlers: RequestHandlers): void {
  nativeBrowser.runtime.onMessage.addListener(
    (
      message: unknown,
      sender: Browser.runtime.MessageSender,
      sendResponse: (response?: unknown) => void,
    ) => {
      const type = (message as { type?: unknown } | null)?.type;
      if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
      const known = type as Request['type'];
      if (!isRequest(message, known)) return undefined;
      const handler = handlers[known] as (
        message: Request,
        sender: Browser.runtime.MessageSender,
      ) => Promise<unknown> | undefined;
      const reply = handler(message, sender);
      if (!reply) return undefined;
      reply.then(sendResponse, () => sendResponse(undefined));
      // The answer comes later: the channel stays open until sendResponse.
      return true;
    },
  );
}
