import type { PopupEnv } from '~/components/popup/PopupApp';
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
