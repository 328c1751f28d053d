import prebuilt from '~/data/generated/search-index.json';
import { PopupApp, type PopupEnv } from '~/components/popup/PopupApp';
import { bundledDatasetIfActive, readActiveDataset } from '~/utils/active-dataset';
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
  loadDataset: readActiveDataset,
  initialDataset: bundledDatasetIfActive(),
  initialQuery: () => takeInitialQuery(location.search),
  saveFile: downloadText,
  copyText,
  prebuiltIndex: prebuilt,
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
