import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { PagePanel } from '~/components/popup/PagePanel';
import { ResultsSummary } from '~/components/popup/ResultsSummary';
import type { ClusterRecord, LabelLevel } from '~/lib/dataset/model';
import { testRecord } from '../record-fixture';
import { inLanguage } from '../in-language';

/** n records of each level, the first `members` of them ECCP members. */
function records(levels: Partial<Record<LabelLevel, number>>, members: number): ClusterRecord[] {
  const out = Object.entries(levels).flatMap(([level, n]) =>
    Array.from({ length: n }, (_, i) =>
      testRecord({
        id: `${level}-${i}`,
        label: { level: level as LabelLevel, year: null, validUntil: null },
      }),
    ),
  );
  out.slice(0, members).forEach(
    (r) =>
      (r.eccp = {
        status: 'member',
        rule: 'profile-seen',
        url: 'https://clustercollaboration.eu/x',
      }),
  );
  return out;
}

const text = (list: ClusterRecord[], locale: string) => {
  const root = document.createElement('div');
  render(<ResultsSummary records={list} locale={locale} />, root);
  return root.textContent;
};

describe('the summary line', () => {
  it('says each level, unknown labels and ECCP members, leaving out what is zero', () => {
    expect(text(records({ gold: 12, silver: 1, bronze: 16, none: 3 }, 21), 'en')).toBe(
      ' · 12 Gold · 1 Silver · 16 Bronze · 21 ECCP members',
    );
    expect(text(records({ gold: 1, unknown: 2 }, 1), 'en')).toBe(
      ' · 1 Gold · 2 label unknown · 1 ECCP member',
    );
    expect(text(records({ none: 2 }, 0), 'en')).toBe('');
  });

  it('follows the plural rules of the language (Polish: 1, 2–4, 5+)', async () => {
    await inLanguage('pl');
    expect(text(records({ gold: 1 }, 1), 'pl')).toBe(' · Złoty: 1 · 1 członek ECCP');
    expect(text(records({ gold: 3 }, 3), 'pl')).toBe(' · Złoty: 3 · 3 członków ECCP');
    await inLanguage('fr');
    expect(text(records({ silver: 2, unknown: 1 }, 2), 'fr')).toBe(
      ' · 2 Argent · 1 au label inconnu · 2 membres de l’ECCP',
    );
  });
});

describe('"On this page" actions', () => {
  it('offers the same export and copy as the search results', () => {
    const root = document.createElement('div');
    const onCopy = vi.fn();
    render(
      <PagePanel
        state={{ kind: 'found', detections: [{ id: 'a', name: 'A', count: 1, texts: ['A'] }] }}
        records={new Map([['a', testRecord({ id: 'a', name: 'A' })]])}
        locale="en"
        onReveal={() => {}}
        onExport={() => {}}
        onCopy={onCopy}
        copyNote="1 organisation copied"
      />,
      root,
    );
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('.cl-actions button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Export CSV', 'Copy list']);
    buttons[1]!.click();
    expect(onCopy).toHaveBeenCalledOnce();
    expect(root.querySelector('[aria-live="polite"]')?.textContent).toBe('1 organisation copied');
  });
});
