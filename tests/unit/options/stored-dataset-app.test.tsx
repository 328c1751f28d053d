import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '~/entrypoints/options/App';
import type { DatasetRecords } from '~/lib/dataset/model';
import { getActiveDataset } from '~/utils/active-dataset';
import { bundledDataset } from '~/utils/dataset';

/** An import as it would be stored, with one value spoiled afterwards. */
function storedImport(spoil: (d: DatasetRecords) => void): DatasetRecords {
  const dataset = structuredClone({
    ...bundledDataset,
    origin: 'imported' as const,
    importedAt: '2026-03-01T10:00:00.000Z',
    sourceName: 'ours.csv',
  });
  spoil(dataset);
  return dataset;
}

async function mount() {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<App />, root);
    await new Promise((r) => setTimeout(r, 20));
  });
  return root;
}

const button = (root: HTMLElement, text: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === text);

describe('a stored dataset that is not valid', () => {
  it('is not used: the bundle is active instead', async () => {
    await fakeBrowser.storage.local.set({
      importedDataset: storedImport((d) => (d.records[0]!.label.validUntil = 'soon')),
    });
    expect(await getActiveDataset()).toBe(bundledDataset);
  });

  it('leaves the options page whole, says so, and can be reset', async () => {
    await fakeBrowser.storage.local.set({
      importedDataset: storedImport((d) => (d.importedAt = 'yesterday')),
    });
    const root = await mount();
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="dataset-info"]')).not.toBeNull(),
    );
    expect(root.querySelector('.stored-problem')?.textContent).toBe(
      'The imported dataset kept by the browser could not be read, so the bundled data is in use. Reset to bundled data to remove it.',
    );
    expect(root.querySelector('.origin')?.textContent).toBe('The data bundled with Cluster Lens.');
    const reset = button(root, 'Reset to bundled data')!;
    expect(reset.disabled).toBe(false);
    await act(async () => {
      reset.click();
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(await fakeBrowser.storage.local.get('importedDataset')).toEqual({});
    expect(root.querySelector('.stored-problem')).toBeNull();
  });
});
