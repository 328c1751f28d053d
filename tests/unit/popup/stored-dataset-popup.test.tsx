import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '~/components/popup/PopupApp';
import { popupEnv } from './popup-env';
import { bundledDataset } from '~/utils/dataset';

/** The popup with the real dataset reader and stand-ins for the rest of the browser. */
const env = () => popupEnv();

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
