import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, vi } from 'vitest';
import { PopupApp, type PopupEnv } from '~/components/popup/PopupApp';
import { DEFAULT_SETTINGS } from '~/lib/settings';
import { readActiveDataset } from '~/utils/active-dataset';

/**
 * The popup's environment with stand-ins for the browser: the real dataset reader, no prebuilt
 * search index, default settings, a tab without an address that no page answers for; each test
 * sets what it is about.
 */
export function popupEnv(overrides: Partial<PopupEnv> = {}): PopupEnv {
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
    ...overrides,
  };
}

/** Renders the popup into the document; resolves once it reports ready (`onReady` must be set). */
export async function mountPopup(env: PopupEnv): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<PopupApp env={env} />, root);
    await new Promise((r) => setTimeout(r, 20));
  });
  await vi.waitFor(() => expect(env.onReady).toHaveBeenCalled());
  return root;
}
