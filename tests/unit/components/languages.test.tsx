import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { inLanguage } from '../in-language';
import { ClusterDetails } from '~/components/ClusterDetails';
import { PagePanel } from '~/components/popup/PagePanel';
import type { ClusterRecord } from '~/lib/dataset/model';
import type { Detection } from '~/lib/messages';

const record: ClusterRecord = {
  id: 'x',
  name: 'Example Cluster',
  acronym: 'EXC',
  aliases: [],
  country: 'DE',
  region: null,
  city: null,
  sectors: [],
  website: null,
  label: { level: 'gold', year: 2023, validUntil: '2027-06' },
  eccp: { status: 'member', rule: 'none', url: null },
  sources: ['https://example.eu/a', 'https://example.eu/b'],
  notes: '',
};

function mount(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  render(node, root);
  return root;
}

const detection = (i: number, count: number): Detection => ({
  id: `d${i}`,
  name: `Cluster ${i}`,
  count,
  texts: [],
});

function pagePanel(detections: Detection[], locale: string) {
  return mount(
    <PagePanel
      state={{ kind: 'found', detections }}
      records={new Map()}
      locale={locale}
      onReveal={() => {}}
    />,
  );
}

describe('the UI in other languages', () => {
  it('counts organisations and mentions in Polish', async () => {
    await inLanguage('pl');
    const counts = [1, 2, 5, 12, 22, 1000, ...Array<number>(16).fill(1)];
    const root = pagePanel(
      counts.map((c, i) => detection(i, c)),
      'pl',
    );
    expect(root.querySelector('.cl-status')?.textContent).toBe('22 organizacje na tej stronie');
    const shown = [...root.querySelectorAll('.cl-page-item__count')].map((e) => e.textContent);
    expect(shown.slice(0, 6)).toEqual([
      '1 wzmianka',
      '2 wzmianki',
      '5 wzmianek',
      '12 wzmianek',
      '22 wzmianki',
      '1000 wzmianek',
    ]);
    expect(root.querySelector('.cl-muted')?.textContent).toBe('Brak w używanych danych');
  });

  it('counts in French, where 1 is singular and numbers are grouped with spaces', async () => {
    await inLanguage('fr');
    const root = pagePanel([detection(0, 1), detection(1, 12_345)], 'fr');
    expect(root.querySelector('.cl-status')?.textContent).toBe('2 organisations sur cette page');
    expect([...root.querySelectorAll('.cl-page-item__count')].map((e) => e.textContent)).toEqual([
      '1 mention',
      '12\u202f345 mentions',
    ]);
  });

  it('shows the details in German, with the level as the programme names it', async () => {
    await inLanguage('de');
    const root = mount(
      <ClusterDetails
        record={record}
        asOf="2026-01"
        today={new Date('2026-02-01T00:00:00Z')}
        locale="de"
      />,
    );
    const text = root.textContent ?? '';
    expect(text).toContain('Cluster Management Excellence Label');
    expect(text).toContain('Gold');
    expect(text).toContain('Gültig bis Juni 2027');
    expect(text).toContain('Datenstand: Januar 2026');
    expect(text).toContain('Deutschland');
    expect(root.querySelector('.cl-details__sources h3')?.textContent).toBe('Quellen (2)');
  });

  it('names a single source without a count', async () => {
    await inLanguage('es');
    const root = mount(
      <ClusterDetails
        record={{ ...record, sources: ['https://example.eu/a'] }}
        asOf="2026-01"
        today={new Date('2026-02-01T00:00:00Z')}
        locale="es"
      />,
    );
    expect(root.querySelector('.cl-details__sources h3')?.textContent).toBe('Fuente');
    expect(root.textContent).toContain('Oro');
  });
});
