import { describe, expect, it, vi } from 'vitest';
import { MarkStore, type PageMark } from '~/entrypoints/content/mark-store';
import type { Evidence } from '~/lib/matcher/evidence';

function mark(text: Text, evidence: Evidence | null): PageMark {
  return {
    id: 'arena-legasea',
    name: 'Arena Legasea',
    alias: 'Legasea',
    category: 'gold',
    text: 'Legasea',
    // The store never reads it (happy-dom has no StaticRange).
    range: {} as StaticRange,
    nodes: [text],
    confirmed: evidence !== null,
    evidence,
  };
}

describe('MarkStore and why a mention counts', () => {
  it('keeps the evidence the scan found, and words a later confirmation as the page naming it', () => {
    const onShow = vi.fn();
    const store = new MarkStore(onShow, vi.fn());
    const word = mark(document.createTextNode('Legasea'), 'cluster-word');
    const waiting = mark(document.createTextNode('Legasea'), null);
    store.add(word);
    store.add(waiting);
    expect(onShow).toHaveBeenCalledTimes(1);
    // The page names the organisation unambiguously elsewhere: the waiting mention counts now.
    store.confirm('arena-legasea');
    expect(onShow).toHaveBeenCalledTimes(2);
    expect(waiting).toMatchObject({ confirmed: true, evidence: 'page-context' });
    expect(word.evidence).toBe('cluster-word');
  });
});
