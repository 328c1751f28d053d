import { render, type ComponentProps } from 'preact';
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

function show(
  content: CardContent,
  pinned = false,
  extra: Partial<ComponentProps<typeof ClusterCard>> = {},
  root = document.createElement('div'),
) {
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
      {...extra}
    />,
    root,
  );
  return { root, onTogglePin, onClose };
}

const texts = (root: Element, selector: string) =>
  [...root.querySelectorAll(selector)].map((e) => e.textContent);

describe('ClusterCard', () => {
  it('is a non-modal dialog named after the organisation, in the chosen scheme', () => {
    const { root } = show({ kind: 'ready', record, asOf: '2026-01' });
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-label')).toBe('ACLIMA');
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    expect(dialog.getAttribute('data-theme')).toBe('dark');
    expect(dialog.querySelector('.cl-card__label')?.textContent).toBe('●Bronze · expired Apr 2015');
    expect(dialog.textContent).toContain('Source · data as of January 2026');
  });

  it('puts the name, then the label line, then the ECCP line first; leaves unknown facts out', () => {
    const { root } = show({ kind: 'ready', record, asOf: '2026-01' });
    const body = root.querySelector('.cl-card__body')!;
    expect(root.querySelector('h2')?.textContent).toBe(
      'ACLIMA - Basque Environment Cluster (ACLIMA)',
    );
    expect([...body.children].map((e) => e.className)).toEqual([
      'cl-card__label',
      'cl-card__eccp',
      'cl-card__place',
      'cl-card__row',
    ]);
    expect(texts(root, '.cl-card__eccp')).toEqual(['ECCP membership not confirmed']);
    // No city, no sectors, no website: only the country is said.
    // The flag is a drawing (hidden from screen readers); the country is said in words.
    expect(root.querySelector('.cl-card__place')?.textContent).toBe(' Spain');
    const flag = root.querySelector('.cl-card__place svg.cl-flag');
    expect(flag?.getAttribute('data-country')).toBe('ES');
    expect(flag?.getAttribute('aria-hidden')).toBe('true');
    expect(root.querySelector('.cl-card__website')).toBeNull();
    expect(root.textContent).not.toContain('Unknown');
  });

  it('says the label is not known and the ECCP state, whatever else is missing', () => {
    const bare: ClusterRecord = {
      ...record,
      country: null,
      label: { level: 'unknown', year: null, validUntil: null },
      eccp: { status: 'implied', rule: 'label-after-2019-11', url: null },
      sources: [],
    };
    const { root } = show({ kind: 'ready', record: bare, asOf: '2026-01' });
    expect(texts(root, '.cl-card__label')).toEqual(['◌Label not known']);
    expect(texts(root, '.cl-card__eccp')).toEqual(['ECCP listing implied by the label rule']);
    expect(root.querySelector('.cl-card__place')).toBeNull();
    expect(root.querySelector('.cl-card__sources-toggle')?.textContent).toBe(
      'No sources · data as of January 2026',
    );
  });

  it('links an ECCP member to its profile, the link named in full', () => {
    const member: ClusterRecord = {
      ...record,
      city: 'Bilbao',
      sectors: ['energy', 'environment'],
      website: 'https://aclima.example/',
      eccp: { status: 'member', rule: 'profile-seen', url: 'https://eccp.example/aclima' },
    };
    const { root } = show({ kind: 'ready', record: member, asOf: '2026-01' });
    const link = root.querySelector('.cl-card__eccp a')!;
    expect(link.textContent).toBe('profile');
    expect(link.getAttribute('aria-label')).toBe('ECCP profile');
    expect(link.getAttribute('href')).toBe('https://eccp.example/aclima');
    expect(root.querySelector('.cl-card__place')?.textContent).toBe(
      ' Spain · Bilbao · energy, environment',
    );
    expect(root.querySelector('.cl-card__place svg.cl-flag')?.getAttribute('data-country')).toBe(
      'ES',
    );
    expect(root.querySelector('.cl-card__website a')?.textContent).toBe('aclima.example');
  });

  it('opens the sources on one click, with why the mention is marked', async () => {
    const onLayoutChange = vi.fn();
    const { root } = show({ kind: 'ready', record, asOf: '2026-01' }, false, {
      evidence: 'cluster-word',
      onLayoutChange,
    });
    const toggle = root.querySelector<HTMLButtonElement>('.cl-card__sources-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('.cl-card__sources')).toBeNull();
    toggle.dispatchEvent(trustedClick());
    await rerendered();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const sources = root.querySelector('.cl-card__sources')!;
    expect(toggle.getAttribute('aria-controls')).toBe(sources.id);
    expect(texts(sources, '.cl-card__why')).toEqual([
      'Why marked: named next to the word “cluster”',
    ]);
    expect(texts(sources, 'a')).toEqual(['example.eu/aclima']);
    // The card grew: the content script places it again.
    expect(onLayoutChange).toHaveBeenCalledOnce();
  });

  it('keeps "Not this organisation" behind "Wrong match?" until asked, and shows a refusal at once', async () => {
    const onConfirm = vi.fn();
    const notThis = { matched: 'ACLIMA', site: 'example.org', onConfirm };
    const { root } = show({ kind: 'ready', record, asOf: '2026-01' }, false, { notThis });
    const wrong = root.querySelector<HTMLButtonElement>('.cl-card__wrong')!;
    expect(wrong.textContent).toBe('Wrong match?');
    expect(root.querySelector('.cl-card__not-this')).toBeNull();
    // Page script's clicks open nothing.
    wrong.click();
    await rerendered();
    expect(wrong.getAttribute('aria-expanded')).toBe('false');
    wrong.dispatchEvent(trustedClick());
    await rerendered();
    expect(wrong.getAttribute('aria-expanded')).toBe('true');
    expect(root.querySelector('.cl-card__hint')?.textContent).toContain('on example.org');
    root.querySelector('.cl-card__not-this')!.dispatchEvent(trustedClick());
    expect(onConfirm).toHaveBeenCalledOnce();

    // Another card (another mention) starts closed again; a refusal is never hidden.
    const next = show(
      { kind: 'ready', record, asOf: '2026-01' },
      false,
      {
        name: 'Other',
        notThis: { ...notThis, matched: 'Other' },
      },
      root,
    );
    expect(next.root.querySelector('.cl-card__footer')).toBeNull();
    show(
      { kind: 'ready', record, asOf: '2026-01' },
      false,
      {
        name: 'Other',
        notThis: { ...notThis, matched: 'Other', refused: { saved: false, reason: 'quota' } },
      },
      root,
    );
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Not saved');
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

/** Preact applies state changes on the next tick. */
function rerendered() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A click as the browser makes it for the reader's input (happy-dom makes none itself). */
function trustedClick(): Event {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
