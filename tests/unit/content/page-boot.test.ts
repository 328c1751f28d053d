import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from '#imports';
import { lensHandoff, type PageLensApi } from '~/entrypoints/content/lens-handoff';
import { PageBoot } from '~/entrypoints/content/page-boot';
import {
  FRAME_CARD,
  LOAD_LENS,
  QUICK_CHECK,
  type FrameCardRequest,
  type QuickCheckResponse,
} from '~/lib/messages';
import { DEFAULT_SETTINGS } from '~/lib/settings';
import { STORAGE_KEYS } from '~/lib/storage-keys';

/** The names the fake background's quick check knows; the last counts only with evidence. */
const NAMES = ['Valorial', 'Minalogic', 'Tourism'];

/** A lens that records what the bootstrap hands it. */
function fakeLens(): PageLensApi & { settings: unknown[]; cards: FrameCardRequest[] } {
  const settings: unknown[] = [];
  const cards: FrameCardRequest[] = [];
  return {
    settings,
    cards,
    tabDetections: () => Promise.reject(new Error('not asked')),
    scanStats: () => ({ idle: true, pass: 'mentions' }) as never,
    cycle: () => Promise.resolve({ id: 'valorial' }),
    reveal: (id) => Promise.resolve({ id }),
    frameCard: (request) => {
      cards.push(request);
      return Promise.resolve({ shown: true });
    },
    settingsChanged: (s) => void settings.push(s),
    datasetChanged: () => undefined,
  };
}

/**
 * Answers the bootstrap's messages as the background would: the quick check finds the names
 * above, and a request for the lens "injects" one (puts it in the hand-off).
 */
function background({ inject = true } = {}) {
  const checked: string[] = [];
  const loads: number[] = [];
  /** What each injected lens found in the hand-off (the changed nodes as they were then). */
  const handoffs: (ReturnType<typeof lensHandoff> & { changed: Node[] })[] = [];
  const lens = fakeLens();
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(((message: {
    type: string;
    text?: string;
  }) => {
    if (message.type === QUICK_CHECK) {
      checked.push(message.text!);
      const found = NAMES.filter((n) => message.text!.includes(n));
      const reply: QuickCheckResponse = {
        mayMention: found.length > 0,
        evidenced: found.some((n) => n !== 'Tourism'),
        words: found,
        ms: 0.1,
        fingerprint: 'f',
      };
      return Promise.resolve(reply);
    }
    if (message.type === LOAD_LENS) {
      loads.push(Date.now());
      const handoff = lensHandoff()!;
      handoffs.push({ ...handoff, changed: [...(handoff.cleared?.changed ?? [])] });
      if (!inject) return Promise.resolve({ loaded: false });
      handoff.lens = lens;
      return Promise.resolve({ loaded: true });
    }
    return Promise.resolve(undefined);
  }) as never);
  return { checked, loads, lens, handoffs };
}

/** A context per test, invalidated after it, so no bootstrap of an earlier test watches on. */
let ctx: ContentScriptContext;
let invalidate: () => void;

beforeEach(() => {
  delete (globalThis as Record<string, unknown>).__clusterLensHandoff;
  const callbacks: (() => void)[] = [];
  const fake = {
    isValid: true,
    onInvalidated: (cb: () => void) => void callbacks.push(cb),
  };
  ctx = fake as unknown as ContentScriptContext;
  invalidate = () => {
    fake.isValid = false;
    for (const cb of callbacks) cb();
  };
});
afterEach(() => {
  invalidate();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

const settle = () => new Promise((r) => setTimeout(r, 400));

describe('PageBoot, the script every frame loads', () => {
  it('clears a page that names no one with one quick check, and never loads the lens', async () => {
    document.body.innerHTML = '<h1>Harbour news</h1><p>The ferry leaves at nine.</p>';
    const bg = background();
    const boot = new PageBoot(ctx, true);
    boot.start();
    await vi.waitFor(() => expect(boot.scanStats().idle).toBe(true));
    expect(bg.checked).toHaveLength(1);
    expect(bg.checked[0]).toContain('The ferry leaves at nine.');
    expect(bg.loads).toEqual([]);
    expect(boot.scanStats()).toMatchObject({ pass: 'clear', pieces: 1 });
    expect(await boot.cycle(1)).toEqual({ id: null });
  });

  it('loads the lens where the quick check finds a name that counts, handing it the answer', async () => {
    document.body.innerHTML = '<p>Valorial opens a lab.</p>';
    const bg = background();
    const boot = new PageBoot(ctx, true);
    boot.start();
    await vi.waitFor(() => expect(bg.loads).toHaveLength(1));
    expect(bg.handoffs[0]).toMatchObject({
      settings: { enabled: true },
      firstCheck: { text: 'Valorial opens a lab.', reply: { mayMention: true } },
      cleared: null,
    });
    // Messages for the frame now go to the lens.
    expect(await boot.cycle(1)).toEqual({ id: 'valorial' });
    expect(boot.scanStats()).toMatchObject({ pass: 'mentions' });
  });

  it('loads the lens for an open shadow root, whose text innerText leaves out', async () => {
    document.body.innerHTML = '<p>Plain text.</p><div id="w"></div>';
    document.getElementById('w')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Sponsor</p>';
    const bg = background();
    new PageBoot(ctx, true).start();
    await vi.waitFor(() => expect(bg.loads).toHaveLength(1));
    expect(bg.checked).toEqual([]);
  });

  it('keeps a name without evidence waiting, as the scanner does, without the lens', async () => {
    document.body.innerHTML = '<p>Tourism fell by a tenth.</p>';
    const bg = background();
    const boot = new PageBoot(ctx, true);
    boot.start();
    await vi.waitFor(() => expect(boot.scanStats().idle).toBe(true));
    await settle();
    expect(bg.loads).toEqual([]);
    expect(boot.scanStats()).toMatchObject({ pass: 'clear', waitingPieces: 1 });
  });

  it('hands a cleared frame to the lens at its first change with a word, with the changes', async () => {
    document.body.innerHTML = '<p id="p">Opening hours: nine to five.</p><div id="ad"></div>';
    const bg = background();
    const boot = new PageBoot(ctx, true);
    boot.start();
    await vi.waitFor(() => expect(boot.scanStats().idle).toBe(true));
    // Changes without a word to read (an ad slot's image, a script's text): no lens.
    document.getElementById('ad')!.append(document.createElement('img'));
    const script = document.createElement('script');
    script.textContent = 'window.track = 1;';
    document.body.append(script);
    await settle();
    expect(bg.loads).toEqual([]);
    // Text: the lens comes, takes the frame as cleared, and rescans what changed. No text is
    // checked again here: the lens matches the change where it is, as the scanner does.
    const span = document.createElement('span');
    span.textContent = 'Closed on Sundays.';
    document.getElementById('p')!.append(span);
    await vi.waitFor(() => expect(bg.loads).toHaveLength(1));
    expect(bg.checked).toHaveLength(1);
    expect(bg.handoffs[0]).toMatchObject({
      firstCheck: null,
      cleared: { text: expect.stringContaining('Opening hours') as string, reply: {} },
    });
    expect(bg.handoffs[0]!.changed).toContain(span);
  });

  it('does nothing while switched off, and checks the page once switched on', async () => {
    await browser.storage.sync.set({
      [STORAGE_KEYS.settings]: { ...DEFAULT_SETTINGS, enabled: false },
    });
    document.body.innerHTML = '<p>Minalogic news.</p>';
    const bg = background();
    const boot = new PageBoot(ctx, true);
    boot.start();
    await settle();
    expect(bg.checked).toEqual([]);
    expect(bg.loads).toEqual([]);
    await browser.storage.sync.set({
      [STORAGE_KEYS.settings]: { ...DEFAULT_SETTINGS, enabled: true },
    });
    await vi.waitFor(() => expect(bg.loads).toHaveLength(1));
  });

  it('gives the lens the newest settings when they changed while it was being injected', async () => {
    document.body.innerHTML = '<p>Valorial.</p>';
    const bg = background();
    const boot = new PageBoot(ctx, true);
    boot.start();
    await vi.waitFor(() => expect(bg.loads).toHaveLength(1));
    await browser.storage.sync.set({
      [STORAGE_KEYS.settings]: { ...DEFAULT_SETTINGS, acronymStrictness: 'strict' },
    });
    await vi.waitFor(() =>
      expect(bg.lens.settings).toEqual([expect.objectContaining({ acronymStrictness: 'strict' })]),
    );
  });

  it('keeps watching when the lens could not be injected, and tries again on a change', async () => {
    document.body.innerHTML = '<p>Valorial.</p>';
    const bg = background({ inject: false });
    const boot = new PageBoot(ctx, true);
    boot.start();
    await vi.waitFor(() => expect(bg.loads).toHaveLength(1));
    await settle();
    expect(boot.scanStats()).toMatchObject({ failedBatches: 1 });
    document.querySelector('p')!.textContent = 'Minalogic.';
    await vi.waitFor(() => expect(bg.loads).toHaveLength(2));
    // Not cleared: the lens reads the frame itself.
    expect(bg.handoffs[0]).toMatchObject({ cleared: null });
  });
});

describe('PageBoot in the top frame, asked to show a frame card', () => {
  const open: FrameCardRequest = {
    type: FRAME_CARD,
    action: 'open',
    frameId: 3,
    mention: {
      id: 'valorial',
      name: 'Valorial',
      matched: 'Valorial',
      alias: 'Valorial',
      site: 'example.org',
      rect: { left: 10, top: 10, right: 60, bottom: 24 },
      frameIndex: 0,
    },
  };

  it('loads the lens it had not needed, as the frame was cleared, and passes the card on', async () => {
    document.body.innerHTML = '<p>Regional news.</p>';
    const bg = background();
    const boot = new PageBoot(ctx, true);
    boot.start();
    await vi.waitFor(() => expect(boot.scanStats().idle).toBe(true));
    expect(bg.loads).toEqual([]);
    // Only an opening card brings the lens; the rest of a card's messages have none to reach.
    expect(await boot.frameCard({ type: FRAME_CARD, action: 'moved', frameId: 3 })).toEqual({
      shown: false,
    });
    expect(bg.loads).toEqual([]);
    expect(await boot.frameCard(open)).toEqual({ shown: true });
    expect(bg.loads).toHaveLength(1);
    expect(bg.lens.cards).toEqual([open]);
    expect(bg.handoffs[0]).toMatchObject({ cleared: { text: 'Regional news.' } });
    expect(bg.checked).toHaveLength(1);
    // From then on the lens has the card's messages.
    await boot.frameCard({ type: FRAME_CARD, action: 'left', frameId: 3 });
    expect(bg.lens.cards.map((c) => c.action)).toEqual(['open', 'left']);
    expect(bg.loads).toHaveLength(1);
  });

  it('shows a frame card even where its own site is switched off, as before', async () => {
    await browser.storage.sync.set({
      [STORAGE_KEYS.settings]: {
        ...DEFAULT_SETTINGS,
        sites: ['localhost'],
        siteMode: 'except-listed',
      },
    });
    document.body.innerHTML = '<p>Valorial news.</p>';
    expect(location.hostname).toBe('localhost');
    const bg = background();
    const boot = new PageBoot(ctx, true);
    boot.start();
    // Asked before its settings are read: it waits for them.
    expect(await boot.frameCard(open)).toEqual({ shown: true });
    expect(bg.checked).toEqual([]);
    expect(bg.handoffs[0]).toMatchObject({
      settings: { siteMode: 'except-listed' },
      cleared: null,
    });
  });

  it('says the card is not shown when the lens could not be put into the top frame', async () => {
    document.body.innerHTML = '<p>Regional news.</p>';
    const bg = background({ inject: false });
    const boot = new PageBoot(ctx, true);
    boot.start();
    await vi.waitFor(() => expect(boot.scanStats().idle).toBe(true));
    expect(await boot.frameCard(open)).toEqual({ shown: false });
    expect(bg.loads).toHaveLength(1);
  });
});
