import { afterEach, describe, expect, it, vi } from 'vitest';
import { backgroundMatching } from '~/entrypoints/content/background-client';
import { MATCH, MESSAGE_LIMITS, QUICK_CHECK, type MatchResponse } from '~/lib/messages';

const TABLE = { acronymStrictness: 'balanced', suppressed: [] } as const;
const answer: MatchResponse = { matches: [], organisations: {}, fingerprint: 'f', ms: 1 };
const part = { segments: ['Valorial'], from: 0, until: 8 };

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('backgroundMatching', () => {
  it("asks with the page's table and returns the background's answer", async () => {
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(answer as never);
    const matching = backgroundMatching(() => ({ ...TABLE, suppressed: [] }));
    expect(await matching.match([part], ['act'])).toEqual(answer);
    expect(send).toHaveBeenCalledWith({
      type: MATCH,
      parts: [part],
      confirmedIds: ['act'],
      table: TABLE,
    });
  });

  it('says when the page speaks of clusters', async () => {
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(answer as never);
    const matching = backgroundMatching(() => ({ ...TABLE, suppressed: [] }));
    expect(await matching.match([part], [], true)).toEqual(answer);
    expect(send).toHaveBeenCalledWith({
      type: MATCH,
      parts: [part],
      confirmedIds: [],
      aboutClusters: true,
      table: TABLE,
    });
  });

  it('asks again when the background is restarting, and gets the answer', async () => {
    const send = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockRejectedValueOnce(
        new Error('Could not establish connection. Receiving end does not exist.'),
      )
      .mockResolvedValueOnce(undefined)
      .mockResolvedValue(answer as never);
    const matching = backgroundMatching(() => ({ ...TABLE, suppressed: [] }));
    expect(await matching.match([part], [])).toEqual(answer);
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('treats a malformed answer as none, and gives up after the last try', async () => {
    vi.useFakeTimers();
    const send = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockResolvedValue({ matches: 'all of them' } as never);
    const matching = backgroundMatching(() => ({ ...TABLE, suppressed: [] }));
    const result = matching.match([part], []);
    await vi.runAllTimersAsync();
    expect(await result).toBeNull();
    expect(send).toHaveBeenCalledTimes(4);
  });

  it('checks a text longer than one message may carry in overlapping chunks', async () => {
    const sent: string[] = [];
    /** The background's side: says whether a chunk holds the name. */
    function answerChunk(message: unknown): Promise<unknown> {
      const { type, text } = message as { type: string; text: string };
      expect(type).toBe(QUICK_CHECK);
      sent.push(text);
      const found = text.includes('Valorial');
      return Promise.resolve({
        mayMention: found,
        // Each chunk alone lacks the evidence (it could be in the other).
        evidenced: false,
        words: found ? ['valorial'] : [],
        ms: 1,
        fingerprint: 'f',
      });
    }
    // The browser types declare a void callback; the polyfill's sendMessage returns a promise.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(answerChunk);
    const max = MESSAGE_LIMITS.textChars;
    // The name straddles the first chunk's end.
    const text = `${'a'.repeat(max - 4)} Valorial ${'b'.repeat(100)}`;
    const reply = await backgroundMatching(() => ({ ...TABLE, suppressed: [] })).quickCheck(text);
    expect(sent).toHaveLength(2);
    expect(sent.every((t) => t.length <= max)).toBe(true);
    // What chunks say of evidence is not enough: the merged answer takes the name as evidenced.
    expect(reply).toEqual({
      mayMention: true,
      evidenced: true,
      words: ['valorial'],
      ms: 2,
      fingerprint: 'f',
    });
  });
});
