import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '~/entrypoints/background';
import { badgeText } from '~/lib/badge';
import { FOUND_COUNT } from '~/lib/messages';

describe('badgeText', () => {
  it('is empty for none, the number up to 99, then 99+', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(-3)).toBe('');
    expect(badgeText(Number.NaN)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });
});

/** Delivers a message to the background's listeners and waits for their replies. */
function send(
  message: unknown,
  sender: { tab?: { id: number }; frameId: number },
): Promise<unknown[]> {
  // trigger() already waits for every listener's returned promise.
  return fakeBrowser.runtime.onMessage.trigger(message, sender as never);
}

describe('background badge', () => {
  beforeEach(() => {
    background.main();
  });

  it('shows the count a tab top frame reports, on that tab only', async () => {
    await send({ type: FOUND_COUNT, count: 3 }, { tab: { id: 12 }, frameId: 0 });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 12 })).toBe('3');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 13 })).toBe('');
  });

  it('ignores counts from sub-frames, which report to their top frame instead', async () => {
    await send({ type: FOUND_COUNT, count: 5 }, { tab: { id: 12 }, frameId: 4 });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 12 })).toBe('');
  });

  it('ignores messages that are not its own', async () => {
    await send({ type: 'other', count: 5 }, { tab: { id: 12 }, frameId: 0 });
    await send('cluster-lens:found-count', { tab: { id: 12 }, frameId: 0 });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 12 })).toBe('');
  });
});
