import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from '#imports';
import { lensHandoff, type PageLensApi } from '~/entrypoints/content/lens-handoff';
import { PageBoot } from '~/entrypoints/content/page-boot';
import { LOAD_LENS, QUICK_CHECK, type QuickCheckResponse } from '~/lib/messages';
import { DEFAULT_SETTINGS } from '~/lib/settings';
import { STORAGE_KEYS } from '~/lib/storage-keys';

/** The names the fake background's quick check knows. */
const NAMES = ['Valorial', 'Minalogic'];

/** A lens that records what the bootstrap hands it. */
function fakeLens(): PageLensApi & { settings: unknown[] } {
  const settings: unknown[] = [];
  return {
    settings,
    tabDetections: () => Promise.reject(new Error('not asked')),
    scanStats: () => ({ idle: true, pass: 'mentions' }) as never,
    cycle: () => Promise.resolve({ id: 'valorial' }),
    reveal: (id) => Promise.resolve({ id }),
    frameCard: () => Promise.resolve({ shown: true }),
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
  const lens = fakeLens();
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(((message: {
    type: string;
    text?: string;
  }) => {
    if (message.type === QUICK_CHECK) {
      checked.push(message.text!);
      const reply: QuickCheckResponse = {
        mayMention: NAMES.some((n) => message.text!.includes(n)),
        words: null,
        ms: 0.1,
        fingerprint: 'f',
      };
      return Promise.resolve(reply);
    }
    if (message.type === LOAD_LENS) {
      loads.push(Date.now());
      if (!inject) return Promise.resolve({ loaded: false });
      const handoff = lensHandoff()!;
      handoff.lens = lens;
      return Promise.resolve({ loaded: true });
    }
    return Promise.resolve(undefined);
  }) as never);
  return { checked, loads, lens };
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

  it('loads the lens where the quick check may find a name, and hands it the frame', async () => {
    document.body.innerHTML = '<p>Valorial opens a lab.</p>';
    const bg = background();
    const boot = new PageBoot(ctx, true);
    boot.start();
    await vi.waitFor(() => expect(bg.loads).toHaveLength(1));
    expect(lensHandoff()?.settings).toMatchObject({ enabled: true });
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

  it('checks changed text with the block it flows in, and loads the lens when it names someone', async () => {
    document.body.innerHTML = '<p id="p">Opening hours: nine to five. Mina</p><p>Other.</p>';
    const bg = background();
    const boot = new PageBoot(ctx, true);
    boot.start();
    await vi.waitFor(() => expect(boot.scanStats().idle).toBe(true));
    // Unrelated changes: checked, no lens.
    const q = document.createElement('p');
    q.textContent = 'Parking is free.';
    document.body.append(q);
    await vi.waitFor(() => expect(bg.checked).toHaveLength(2));
    await settle();
    expect(bg.checked[1]).toBe('Parking is free.');
    expect(bg.loads).toEqual([]);
    // A name split over an added inline element is whole in its block's text.
    const span = document.createElement('span');
    span.textContent = 'logic';
    document.getElementById('p')!.append(span);
    await vi.waitFor(() => expect(bg.loads).toHaveLength(1));
    expect(bg.checked[2]).toContain('Minalogic');
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
  });
});
