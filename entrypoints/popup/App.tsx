import { PopupApp, type PopupEnv } from '~/components/popup/PopupApp';
import type { PrebuiltSearchIndex } from '~/lib/search/search-index';
import { bundledDatasetIfActive } from '~/utils/import-hint';
import { copyText } from '~/utils/clipboard';
import { downloadText } from '~/utils/download';
import { takeInitialQuery } from '~/utils/lookup';
import {
  queryActiveTab,
  requestDetections,
  revealOnPage,
  watchPageReports,
} from '~/utils/active-tab';
import { messagesLocale } from '~/utils/locale';
import { loadSettings, loadUserSettings, saveUserSettings } from '~/utils/settings';

declare global {
  interface Window {
    /** performance.now() when the popup became usable: search focused, first results shown. */
    __clusterLensPopupReady?: number;
  }
}

const env: PopupEnv = {
  locale: messagesLocale(),
  // The reader and checker of a stored import (zod, the import's rules) are a chunk of their
  // own: with the bundle active, they are asked for after the first results are painted.
  loadDataset: () => import('~/utils/active-dataset').then((m) => m.readActiveDataset()),
  initialDataset: bundledDatasetIfActive(),
  initialQuery: () => takeInitialQuery(location.search),
  saveFile: downloadText,
  copyText,
  // 195 KB that only a search needs: a chunk of its own (see PopupEnv).
  prebuiltIndex: () =>
    import('~/data/generated/search-index.json').then((m) => m.default as PrebuiltSearchIndex),
  loadSettings,
  async updateSettings(change) {
    await saveUserSettings(change(await loadUserSettings()));
    return loadSettings();
  },
  activeTab: () => queryActiveTab(location.search),
  async requestDetections(tabId) {
    const answer = await requestDetections(tabId);
    return answer ? { kind: 'found', detections: answer.detections } : { kind: 'no-answer' };
  },
  watchPageReports,
  reveal: revealOnPage,
  close: () => window.close(),
  openOptions: () => void browser.runtime.openOptionsPage(),
  onReady() {
    // After the browser has painted the first results.
    requestAnimationFrame(() => {
      performance.mark('cluster-lens:popup-ready');
      window.__clusterLensPopupReady = performance.now();
    });
  },
};

export function App() {
  return <PopupApp env={env} />;
}
