import type { Browser } from 'wxt/browser';
import { isRequest, type Request } from '~/lib/messages';

type RequestOf<T extends Request['type']> = Extract<Request, { type: T }>;

/**
 * Answers one kind of request. The handler's promise is the reply: webextension-polyfill sends
 * whatever it resolves to. Returning undefined for other messages leaves them to other listeners.
 */
export function onRequest<T extends Request['type']>(
  type: T,
  handler: (
    message: RequestOf<T>,
    sender: Browser.runtime.MessageSender,
  ) => Promise<unknown> | undefined,
): void {
  // The browser types declare a void listener, but a returned promise is the polyfill's (and
  // Firefox's) way to reply asynchronously; this is the one place that relies on it.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isRequest(message, type)) return undefined;
    return handler(message, sender);
  });
}
