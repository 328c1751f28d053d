import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp, type PopupEnv } from '~/components/popup/PopupApp';
import { DEFAULT_SETTINGS } from '~/lib/settings';
import { readActiveDataset } from '~/utils/active-dataset';
import { bundledDataset } from '~/utils/dataset';

/** The popup with the real dataset reader and stand-ins for the rest of the browser. */
function env(): PopupEnv {
  return {
    locale: 'en',
    loadDataset: readActiveDataset,
    saveFile: () => undefined,
    copyText: () => Promise.resolve(),
    prebuiltIndex: () => Promise.resolve(null),
    loadSettings: () => Promise.resolve(DEFAULT_SETTINGS),
    updateSettings: () => Promise.resolve(DEFAULT_SETTINGS),
    activeTab: () => Promise.resolve({ id: undefined, url: undefined }),
    requestDetections: () => Promise.resolve({ kind: 'no-answer' }),
    reveal: () => Promise.resolve(),
    close: () => undefined,
    openOptions: () => undefined,
  };
}

describe('the popup with a stored dataset that is not valid', () => {
  it('shows the bundled organisations and says the import could not be read', async () => {
    const stored = structuredClone({ ...bundledDataset, origin: 'imported' as const });
    stored.records[0]!.label.validUntil = '2024-02-30';
    await fakeBrowser.storage.local.set({ importedDataset: stored });
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(<PopupApp env={env()} />, root);
      await new Promise((r) => setTimeout(r, 20));
    });
    await vi.waitFor(() =>
      expect(root.querySelector('.cl-status')?.textContent).toBe(
        `${bundledDataset.records.length.toLocaleString('en')} organisations`,
      ),
    );
    expect(root.querySelector('.cl-stored-problem')?.textContent).toBe(
      'The imported dataset could not be read, so the bundled data is shown. Open the settings to reset it.',
    );
  });
});
