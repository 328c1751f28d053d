import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { PagePanel } from '~/components/popup/PagePanel';
import type { Dataset } from '~/lib/dataset/model';

const dataset = JSON.parse(readFileSync('data/generated/dataset.json', 'utf8')) as Dataset;
const records = new Map(dataset.records.map((r) => [r.id, r]));

describe('PagePanel', () => {
  it('lists what the page mentions, most first, with an export of the list', () => {
    const root = document.createElement('div');
    const onExport = vi.fn();
    const onReveal = vi.fn();
    render(
      <PagePanel
        state={{
          kind: 'found',
          detections: [
            { id: 'cap-digital', name: 'Cap Digital', count: 2, texts: ['Cap Digital'] },
            { id: 'valorial', name: 'Valorial', count: 1, texts: ['Valorial'] },
          ],
        }}
        records={records}
        locale="en"
        onReveal={onReveal}
        onExport={onExport}
      />,
      root,
    );
    expect(root.querySelector('.cl-status')?.textContent).toBe('2 organisations on this page');
    const exportButton = root.querySelector<HTMLButtonElement>('.cl-export')!;
    expect(exportButton.textContent).toBe('Export CSV');
    exportButton.click();
    expect(onExport).toHaveBeenCalledOnce();
    const items = [...root.querySelectorAll('.cl-page-list button')];
    expect(items.map((b) => b.textContent)).toEqual([
      expect.stringContaining('Cap Digital'),
      expect.stringContaining('Valorial'),
    ]);
    (items[1] as HTMLButtonElement).click();
    expect(onReveal).toHaveBeenCalledWith('valorial');
  });

  it('offers no export when nothing was found', () => {
    const root = document.createElement('div');
    render(
      <PagePanel
        state={{ kind: 'found', detections: [] }}
        records={records}
        locale="en"
        onReveal={() => {}}
        onExport={() => {}}
      />,
      root,
    );
    expect(root.querySelector('.cl-export')).toBeNull();
    expect(root.textContent).not.toBe('');
  });
});
