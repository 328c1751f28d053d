import { afterEach, describe, expect, it } from 'vitest';
import { LazyHighlightMarker } from '~/entrypoints/content/highlighter';
import { DEFAULT_SETTINGS } from '~/lib/settings';

// happy-dom has no Custom Highlight API: a Set-like Highlight and a registry are enough here.
class FakeHighlight extends Set<AbstractRange> {}
const registry = new Map<string, FakeHighlight>();
Object.assign(globalThis, { Highlight: FakeHighlight });
Object.defineProperty(globalThis, 'CSS', {
  value: { ...(globalThis.CSS ?? {}), highlights: registry },
  configurable: true,
});

afterEach(() => {
  registry.clear();
  document.adoptedStyleSheets = [];
});

describe('LazyHighlightMarker', () => {
  it('registers nothing and adopts no style sheet until the first mark', () => {
    const marker = new LazyHighlightMarker(DEFAULT_SETTINGS.styles);
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    marker.adoptInto(shadow);
    marker.setStyles(DEFAULT_SETTINGS.styles);
    marker.clear();
    expect(registry.size).toBe(0);
    expect(document.adoptedStyleSheets).toEqual([]);
    expect(shadow.adoptedStyleSheets).toEqual([]);

    const text = document.createTextNode('Valorial');
    const range = new Range();
    range.setStart(text, 0);
    range.setEnd(text, 8);
    marker.add(range, 'gold');
    expect(registry.get('cluster-lens-gold')?.has(range)).toBe(true);
    expect(document.adoptedStyleSheets).toHaveLength(1);
    // A shadow root met before the first mark gets the styles too.
    expect(shadow.adoptedStyleSheets).toEqual(document.adoptedStyleSheets);
  });

  it('gets ready when told marks may come, once', () => {
    const marker = new LazyHighlightMarker(DEFAULT_SETTINGS.styles);
    marker.prepare();
    marker.prepare();
    expect(registry.size).toBe(5);
    expect(document.adoptedStyleSheets).toHaveLength(1);
  });
});
