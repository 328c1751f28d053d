import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '~/entrypoints/background';
import { badgeText } from '~/lib/badge';
import { FRAME_REPORT, OTHER_FRAMES, type Detection } from '~/lib/messages';
import { loadManagedPolicy } from '~/utils/settings';

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

/** Delivers a message to the background's listeners and returns the one reply, if any. */
async function send(message: unknown, sender: { tab?: { id: number }; frameId: number }) {
  // trigger() already waits for every listener's returned promise.
  const replies = (await fakeBrowser.runtime.onMessage.trigger(
    message,
    sender as never,
  )) as unknown[];
  return replies.find((r) => r !== undefined);
}

const found = (id: string, count = 1): Detection => ({ id, name: id, count, texts: [id] });

describe('background: frame reports and the badge', () => {
  beforeEach(() => {
    background.main();
  });

  it('shows the number of distinct organisations across a tab frames', async () => {
    await send(
      { type: FRAME_REPORT, detections: [found('a', 2), found('b')] },
      { tab: { id: 12 }, frameId: 0 },
    );
    await send(
      { type: FRAME_REPORT, detections: [found('b'), found('c')] },
      { tab: { id: 12 }, frameId: 3 },
    );
    expect(await fakeBrowser.action.getBadgeText({ tabId: 12 })).toBe('3');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 13 })).toBe('');
  });

  it('replaces a frame previous report instead of adding to it', async () => {
    await send(
      { type: FRAME_REPORT, detections: [found('a'), found('b')] },
      { tab: { id: 12 }, frameId: 0 },
    );
    await send({ type: FRAME_REPORT, detections: [] }, { tab: { id: 12 }, frameId: 0 });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 12 })).toBe('');
  });

  it('gives a top frame what the other frames of its tab found', async () => {
    await send({ type: FRAME_REPORT, detections: [found('a')] }, { tab: { id: 12 }, frameId: 0 });
    await send({ type: FRAME_REPORT, detections: [found('b')] }, { tab: { id: 12 }, frameId: 5 });
    await send({ type: FRAME_REPORT, detections: [found('z')] }, { tab: { id: 99 }, frameId: 5 });
    const others = await send({ type: OTHER_FRAMES }, { tab: { id: 12 }, frameId: 0 });
    expect(others).toEqual([[found('b')]]);
  });

  it('forgets a tab frames when it loads a new document', async () => {
    await send({ type: FRAME_REPORT, detections: [found('b')] }, { tab: { id: 12 }, frameId: 5 });
    await fakeBrowser.tabs.onUpdated.trigger(12, { status: 'loading' }, {} as never);
    const others = await send({ type: OTHER_FRAMES }, { tab: { id: 12 }, frameId: 0 });
    expect(others).toEqual([]);
  });

  it('ignores messages that are not its own', async () => {
    const reply = await send(
      { type: 'other', detections: [found('a')] },
      { tab: { id: 12 }, frameId: 0 },
    );
    expect(reply).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 12 })).toBe('');
  });
});

describe('background: the badge in Firefox (MV2)', () => {
  // Firefox's MV2 build has browserAction, with the same badge methods, and no action.
  const { action, browserAction } = fakeBrowser;
  beforeEach(() => {
    Object.assign(fakeBrowser, { action: undefined, browserAction: action });
    background.main();
  });
  afterEach(() => {
    Object.assign(fakeBrowser, { action, browserAction });
  });

  it('shows the count through browserAction', async () => {
    const reply = send(
      { type: FRAME_REPORT, detections: [found('a'), found('b')] },
      { tab: { id: 12 }, frameId: 0 },
    );
    await expect(reply).resolves.toBeUndefined();
    expect(await action.getBadgeText({ tabId: 12 })).toBe('2');
  });
});

describe('background: the administrator policy copy', () => {
  it('copies storage.managed to storage.local at start and whenever the policy changes', async () => {
    await fakeBrowser.storage.managed.set({ enabled: false });
    background.main();
    await vi.waitFor(async () => expect(await loadManagedPolicy()).toEqual({ enabled: false }));
    await fakeBrowser.storage.managed.set({ siteMode: 'only-listed' });
    await vi.waitFor(async () =>
      expect(await loadManagedPolicy()).toEqual({ enabled: false, siteMode: 'only-listed' }),
    );
  });
});
