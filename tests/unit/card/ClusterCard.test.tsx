import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { ClusterCard, type CardContent } from '~/components/ClusterCard';
import type { ClusterRecord } from '~/lib/dataset/model';

const record: ClusterRecord = {
  id: 'aclima',
  name: 'ACLIMA - Basque Environment Cluster',
  acronym: 'ACLIMA',
  aliases: [],
  country: 'ES',
  region: null,
  city: null,
  sectors: [],
  website: null,
  label: { level: 'bronze', year: null, validUntil: '2015-04' },
  eccp: { status: 'unknown', rule: 'none', url: null },
  sources: ['https://example.eu/aclima'],
  notes: '',
};

function show(content: CardContent, pinned = false) {
  const root = document.createElement('div');
  const onTogglePin = vi.fn();
  const onClose = vi.fn();
  render(
    <ClusterCard
      name="ACLIMA"
      content={content}
      scheme="dark"
      pinned={pinned}
      locale="en"
      today={new Date('2026-11-24T00:00:00Z')}
      onTogglePin={onTogglePin}
      onClose={onClose}
    />,
    root,
  );
  return { root, onTogglePin, onClose };
}

describe('ClusterCard', () => {
  it('is a non-modal dialog named after the organisation, in the chosen scheme', () => {
    const { root } = show({ kind: 'ready', record, asOf: '2026-01' });
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-label')).toBe('ACLIMA');
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    expect(dialog.getAttribute('data-theme')).toBe('dark');
    expect(dialog.textContent).toContain('Expired: valid until April 2015');
    expect(dialog.textContent).toContain('Data as of January 2026');
  });

  it('has a pin toggle and a close button that call back', () => {
    const { root, onTogglePin, onClose } = show({ kind: 'loading' }, true);
    const pin = root.querySelector<HTMLButtonElement>('button[aria-label="Pin the card"]')!;
    expect(pin.getAttribute('aria-pressed')).toBe('true');
    expect(pin.title).toBe('Unpin the card');
    const close = root.querySelector<HTMLButtonElement>('button[aria-label="Close the card"]')!;
    // A click page script dispatches (isTrusted false) does nothing.
    pin.click();
    close.click();
    expect(onTogglePin).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    // The reader's own click does.
    pin.dispatchEvent(trustedClick());
    close.dispatchEvent(trustedClick());
    expect(onTogglePin).toHaveBeenCalledOnce();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('says when the record is loading, gone from the dataset, or could not be read', () => {
    expect(show({ kind: 'loading' }).root.textContent).toContain('ACLIMALoading…');
    expect(show({ kind: 'missing' }).root.textContent).toContain(
      'This organisation is no longer in the active dataset.',
    );
    expect(show({ kind: 'failed' }).root.textContent).toContain('The details could not be loaded.');
  });
});

/** A click as the browser makes it for the reader's input (happy-dom makes none itself). */
function trustedClick(): Event {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
