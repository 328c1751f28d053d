import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LazyHighlightMarker } from '~/entrypoints/content/highlighter';
import { InjectedMarkStyles } from '~/entrypoints/content/mark-styles';
import type { MarkStyles } from '~/lib/highlight-css';
import { MARK_STYLES, type MarkStylesRequest, type MarkStylesResponse } from '~/lib/messages';
import { DEFAULT_SETTINGS } from '~/lib/settings';

// happy-dom has no Custom Highlight API: a Set-like Highlight and a registry are enough here.
class FakeHighlight extends Set<AbstractRange> {}
const registry = new Map<string, FakeHighlight>();
Object.assign(globalThis, { Highlight: FakeHighlight });
Object.defineProperty(globalThis, 'CSS', {
  value: { ...(globalThis.CSS ?? {}), highlights: registry },
  configurable: true,
});

/** The requests the background got, and whether it injects (false: the browser refused). */
let requests: MarkStylesRequest[];
let injects: boolean;

beforeEach(() => {
  requests = [];
  injects = true;
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const request = message as MarkStylesRequest;
    if (request.type !== MARK_STYLES) return undefined;
    requests.push(request);
    return Promise.resolve<MarkStylesResponse>({ injected: injects });
  });
});

afterEach(() => {
  registry.clear();
  document.adoptedStyleSheets = [];
});

const settle = () => new Promise((r) => setTimeout(r, 0));

const RED: MarkStyles = {
  ...DEFAULT_SETTINGS.styles,
  gold: { underline: 'solid', color: '#ff0000' },
};

function rangeIn(parent: Node, text = 'Valorial'): Range {
  const node = document.createTextNode(text);
  parent.appendChild(node);
  const range = new Range();
  range.setStart(node, 0);
  range.setEnd(node, text.length);
  return range;
}

function shadowRoot(): ShadowRoot {
  const host = document.createElement('div');
  document.body.append(host);
  return host.attachShadow({ mode: 'open' });
}

describe('LazyHighlightMarker', () => {
  it('registers nothing and asks for no styles until the first mark', async () => {
    const marker = new LazyHighlightMarker(DEFAULT_SETTINGS.styles);
    marker.setStyles(RED);
    marker.clear();
    await settle();
    expect(registry.size).toBe(0);
    expect(requests).toEqual([]);

    const range = rangeIn(document.body);
    marker.add(range, 'gold');
    await settle();
    expect(registry.get('cluster-lens-gold')?.has(range)).toBe(true);
    expect(requests).toEqual([{ type: MARK_STYLES, styles: RED, previous: null }]);
    // The styles are the extension's CSS: no sheet in the page's view.
    expect(document.adoptedStyleSheets).toEqual([]);
    marker.dispose();
  });

  it('gets ready when told marks may come, once', async () => {
    const marker = new LazyHighlightMarker(DEFAULT_SETTINGS.styles);
    marker.prepare();
    marker.prepare();
    await settle();
    expect(registry.size).toBe(5);
    expect(requests).toHaveLength(1);
    marker.dispose();
  });
});

describe('InjectedMarkStyles', () => {
  it('asks again only when the rules change, one request at a time, with what the frame has', async () => {
    const styles = new InjectedMarkStyles(DEFAULT_SETTINGS.styles);
    // Changes while the first request is under way: only the last is sent after it.
    styles.set({ ...DEFAULT_SETTINGS.styles });
    styles.set(RED);
    await settle();
    await settle();
    expect(requests).toEqual([
      { type: MARK_STYLES, styles: DEFAULT_SETTINGS.styles, previous: null },
      { type: MARK_STYLES, styles: RED, previous: DEFAULT_SETTINGS.styles },
    ]);
    styles.set({ ...RED });
    await settle();
    expect(requests).toHaveLength(2);
    styles.dispose();
    await settle();
    expect(requests[2]).toEqual({ type: MARK_STYLES, styles: null, previous: RED });
  });

  it('adopts a sheet where the browser refuses the CSS: only where marks are, again when dropped', async () => {
    injects = false;
    const styles = new InjectedMarkStyles(DEFAULT_SETTINGS.styles);
    await settle();
    const unmarked = shadowRoot();
    const marked = shadowRoot();
    styles.marked(rangeIn(marked));
    expect(marked.adoptedStyleSheets).toHaveLength(1);
    expect(unmarked.adoptedStyleSheets).toEqual([]);
    expect(document.adoptedStyleSheets).toEqual([]);

    styles.marked(rangeIn(document.body));
    expect(document.adoptedStyleSheets).toHaveLength(1);
    // A framework assigns its own sheets: the next mark brings the styles back.
    const own = new CSSStyleSheet();
    document.adoptedStyleSheets = [own];
    styles.marked(rangeIn(document.body));
    expect(document.adoptedStyleSheets).toEqual([own, marked.adoptedStyleSheets[0]]);

    styles.dispose();
    expect(document.adoptedStyleSheets).toEqual([own]);
    expect(marked.adoptedStyleSheets).toEqual([]);
    // No more requests after the refusal.
    expect(requests).toHaveLength(1);
  });

  it('adopts nothing when there is no background to ask (the extension was reloaded)', async () => {
    const styles = new InjectedMarkStyles(DEFAULT_SETTINGS.styles, () =>
      Promise.reject(new Error('Extension context invalidated.')),
    );
    await settle();
    styles.marked(rangeIn(document.body));
    expect(document.adoptedStyleSheets).toEqual([]);
  });
});
