import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from '~/lib/content-script-context';

const started: ContentScriptContext[] = [];

function start(name = 'content') {
  const ctx = new ContentScriptContext(name);
  started.push(ctx);
  return ctx;
}

afterEach(() => {
  for (const ctx of started.splice(0)) ctx.notifyInvalidated();
  vi.restoreAllMocks();
});

describe('ContentScriptContext', () => {
  it('tells the page nothing when it starts', () => {
    const posted = vi.spyOn(window, 'postMessage');
    const dispatched = vi.spyOn(document, 'dispatchEvent');
    const windowDispatched = vi.spyOn(window, 'dispatchEvent');
    start();
    expect(posted).not.toHaveBeenCalled();
    expect(dispatched).not.toHaveBeenCalled();
    expect(windowDispatched).not.toHaveBeenCalled();
  });

  it('stops an older copy of the same script in this world, and only that', () => {
    const older = start();
    const other = start('card');
    const stopped = vi.fn();
    older.onInvalidated(stopped);
    const newer = start();
    expect(stopped).toHaveBeenCalledOnce();
    expect(older.isValid).toBe(false);
    expect(newer.isValid).toBe(true);
    expect(other.isValid).toBe(true);
  });

  it('keeps running whatever the page dispatches or posts under WXT names', () => {
    const ctx = start();
    const type = `${fakeBrowser.runtime.id}:content:wxt:content-script-started`;
    const detail = { contentScriptName: 'content', messageId: 'forged' };
    document.dispatchEvent(new CustomEvent(type, { detail }));
    window.dispatchEvent(new CustomEvent(type, { detail }));
    window.dispatchEvent(new MessageEvent('message', { data: { type, ...detail } }));
    expect(ctx.isValid).toBe(true);
  });

  it('ends when the extension is gone, and its listeners and timers with it', () => {
    vi.useFakeTimers();
    try {
      const ctx = start();
      const ended = vi.fn();
      const clicked = vi.fn();
      const ticked = vi.fn();
      ctx.onInvalidated(ended);
      ctx.addEventListener(document, 'click', clicked, { capture: true });
      ctx.setTimeout(ticked, 10);
      document.dispatchEvent(new Event('click'));
      expect(clicked).toHaveBeenCalledOnce();

      // A reloaded or removed extension: its old scripts have no runtime any more.
      const id = fakeBrowser.runtime.id;
      fakeBrowser.runtime.id = undefined as unknown as string;
      try {
        expect(ctx.isValid).toBe(false);
      } finally {
        fakeBrowser.runtime.id = id;
      }
      expect(ended).toHaveBeenCalledOnce();
      document.dispatchEvent(new Event('click'));
      vi.advanceTimersByTime(20);
      expect(clicked).toHaveBeenCalledOnce();
      expect(ticked).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses WXT's own events, which would be dispatched under the extension's id", () => {
    const ctx = start();
    expect(() => ctx.addEventListener(window, 'wxt:locationchange', () => {})).toThrow(
      /extension's id/,
    );
  });
});
