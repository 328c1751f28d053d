import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CHANGE_DELAY_MS,
  frameHoldsText,
  frameShowsText,
  probeFrame,
} from '~/entrypoints/content/frame-probe';

/** What the probe asks of a frame in two steps (holds text, then, once laid out, shows it). */
const frameMayShowText = (doc: Document) => frameHoldsText(doc) && frameShowsText(doc);

/** Long enough for the next frame and the change delay to have passed (nothing asked by then). */
const settle = (ms = CHANGE_DELAY_MS + 300) => new Promise((r) => setTimeout(r, ms));
/** Until the probe has asked `n` times (or the wait times out and the test fails). */
const askedTimes = (calls: number[], n: number) =>
  vi.waitFor(() => expect(calls).toHaveLength(n), { timeout: 3000, interval: 20 });

function setViewport(width: number, height: number) {
  Object.defineProperty(window, 'innerWidth', { value: width, configurable: true });
  Object.defineProperty(window, 'innerHeight', { value: height, configurable: true });
}

/** A probe whose `load` is counted, answering `loaded` (in turn, then the last one). */
function probe(...answers: boolean[]) {
  const calls: number[] = [];
  const stop = probeFrame(() => {
    calls.push(calls.length);
    return Promise.resolve(answers[Math.min(calls.length - 1, answers.length - 1)] ?? true);
  });
  stops.push(stop);
  return { calls, stop };
}

let stops: (() => void)[] = [];

beforeEach(() => {
  document.body.innerHTML = '';
  setViewport(300, 250);
});

afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
});

describe('frameMayShowText', () => {
  it('is true for a frame showing a word, false for one without any', () => {
    document.body.innerHTML = '<div><img alt=""><span> · </span></div>';
    expect(frameMayShowText(document)).toBe(false);
    // Scripts, styles and the like are not text a reader sees.
    document.body.innerHTML =
      '<script>window.adSlot = "top";</script><style>.ad { color: red }</style><noscript>Ads</noscript>';
    expect(frameMayShowText(document)).toBe(false);
    document.body.innerHTML = '<p>Pôle Mer Méditerranée</p>';
    expect(frameMayShowText(document)).toBe(true);
  });

  it('is false for a frame too small to show a line, whatever it holds', () => {
    document.body.innerHTML = '<p>Pôle Mer Méditerranée</p>';
    setViewport(1, 1);
    expect(frameMayShowText(document)).toBe(false);
    setViewport(300, 6);
    expect(frameMayShowText(document)).toBe(false);
  });

  it('is true for a frame whose only text is in an open shadow root', () => {
    const host = document.createElement('div');
    document.body.append(host);
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Minalogic</p>';
    expect(frameMayShowText(document)).toBe(true);
  });

  it('is false while the body is hidden', () => {
    document.body.innerHTML = '<p>Minalogic</p>';
    Object.defineProperty(document.body, 'checkVisibility', {
      value: () => false,
      configurable: true,
    });
    try {
      expect(frameMayShowText(document)).toBe(false);
    } finally {
      delete (document.body as { checkVisibility?: unknown }).checkVisibility;
    }
    expect(frameMayShowText(document)).toBe(true);
  });
});

describe('probeFrame', () => {
  it('asks for the bootstrap once for a frame that shows text', async () => {
    document.body.innerHTML = '<p>Cluster news from Valorial</p>';
    const { calls } = probe();
    await askedTimes(calls, 1);
    document.body.append(document.createTextNode(' and more text'));
    await settle();
    expect(calls).toHaveLength(1);
  });

  it('does not ask for an empty frame until text arrives, then asks once', async () => {
    const { calls } = probe();
    await settle();
    expect(calls).toHaveLength(0);
    const p = document.createElement('p');
    p.textContent = 'Sponsored by Minalogic';
    document.body.append(p);
    p.append(' (partner)');
    await askedTimes(calls, 1);
    await settle();
    expect(calls).toHaveLength(1);
  });

  it('watches only the text of a frame that holds none: no resize listener, no wait for layout', async () => {
    const addListener = vi.spyOn(window, 'addEventListener');
    const observed: Element[] = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(private readonly callback: () => void) {}
        observe(el: Element) {
          observed.push(el);
          setTimeout(this.callback, 0);
        }
        disconnect() {}
      },
    );
    try {
      const { calls } = probe();
      await settle();
      expect(calls).toHaveLength(0);
      expect(addListener.mock.calls.filter(([type]) => type === 'resize')).toEqual([]);
      expect(observed).toEqual([]);
      // Text arrives: now the frame is looked at once laid out, and asks.
      document.body.innerHTML = '<p>Minalogic</p>';
      await askedTimes(calls, 1);
      expect(observed).toEqual([document.documentElement]);
    } finally {
      addListener.mockRestore();
      vi.unstubAllGlobals();
    }
  });

  it('waits for a frame too small to show text to grow', async () => {
    document.body.innerHTML = '<p>Minalogic</p>';
    setViewport(1, 1);
    const { calls } = probe();
    await settle();
    expect(calls).toHaveLength(0);
    setViewport(300, 250);
    window.dispatchEvent(new Event('resize'));
    await askedTimes(calls, 1);
  });

  it('watches again when the bootstrap could not be put in, and asks at the next change', async () => {
    document.body.innerHTML = '<p>Minalogic</p>';
    const { calls } = probe(false, true);
    await askedTimes(calls, 1);
    document.body.append(document.createTextNode(' again'));
    await askedTimes(calls, 2);
  });

  it('asks nothing once stopped', async () => {
    const { calls, stop } = probe();
    stop();
    document.body.innerHTML = '<p>Minalogic</p>';
    await settle();
    expect(calls).toHaveLength(0);
  });
});
