import { afterEach, describe, expect, it, vi } from 'vitest';
import { CYCLE, PING, SCAN_STATS } from '~/lib/messages';
import { nativeBrowser } from '~/utils/native-browser';
import { answerRequests } from '~/utils/native-messaging';

type Listener = (message: unknown, sender: object, sendResponse: (r?: unknown) => void) => unknown;

/** The listener answerRequests registers, called as the browser calls it. */
function register(handlers: Parameters<typeof answerRequests>[0]) {
  const added: Listener[] = [];
  vi.spyOn(nativeBrowser.runtime.onMessage, 'addListener').mockImplementation(
    ((l: Listener) => void added.push(l)) as never,
  );
  answerRequests(handlers);
  expect(added).toHaveLength(1);
  const listener = added[0]!;
  return (message: unknown) => {
    const sendResponse = vi.fn();
    const returned = listener(message, {}, sendResponse);
    return { returned, sendResponse };
  };
}

afterEach(() => vi.restoreAllMocks());

describe('answerRequests, the bootstrap messaging on the browser’s own API', () => {
  it('answers through sendResponse, keeping the channel open until then', async () => {
    const deliver = register({
      [PING]: () => Promise.resolve({ url: 'https://example.org/', topFrame: true }),
    });
    const { returned, sendResponse } = deliver({ type: PING });
    // Chromium keeps the channel open for a listener that returns true, not a promise.
    expect(returned).toBe(true);
    await vi.waitFor(() =>
      expect(sendResponse).toHaveBeenCalledWith({ url: 'https://example.org/', topFrame: true }),
    );
  });

  it('leaves alone what it has no handler for, malformed requests and handlers that pass', () => {
    const deliver = register({
      [CYCLE]: () => Promise.resolve({ id: null }),
      [SCAN_STATS]: () => undefined,
    });
    for (const message of [
      { type: PING },
      { type: CYCLE, direction: 7 },
      { type: 'toString' },
      null,
      'cluster-lens:ping',
      { type: SCAN_STATS },
    ]) {
      const { returned, sendResponse } = deliver(message);
      expect(returned).toBeUndefined();
      expect(sendResponse).not.toHaveBeenCalled();
    }
  });

  it('answers nothing, rather than an error object, when a handler fails', async () => {
    const deliver = register({ [PING]: () => Promise.reject(new Error('gone')) });
    const { returned, sendResponse } = deliver({ type: PING });
    expect(returned).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith(undefined));
  });
});
