import { applyManagedPolicy, readManagedPolicy } from '~/lib/managed-policy';
import { readSettings, type Settings } from '~/lib/settings';
import { STORAGE_KEYS } from '~/lib/storage-keys';
import { nativeBrowser } from '~/utils/native-browser';

/**
 * The settings in force for this frame: the user's (storage.sync), with the administrator's
 * policy winning (the background's copy in storage.local). Read straight from storage with the
 * same validating readers the storage items use, so the script every frame loads carries no
 * storage library. Nothing is written from here.
 */
export async function loadPageSettings(): Promise<Settings> {
  const [sync, local] = await Promise.all([
    nativeBrowser.storage.sync.get(STORAGE_KEYS.settings),
    nativeBrowser.storage.local.get(STORAGE_KEYS.managedPolicy),
  ]);
  return applyManagedPolicy(
    readSettings(sync[STORAGE_KEYS.settings]),
    readManagedPolicy(local[STORAGE_KEYS.managedPolicy]),
  );
}

/**
 * Calls back when the settings in force change (with them, newest only) and when an import is
 * applied or reset. Returns unwatch.
 */
export function watchPageStorage(on: {
  settings: (settings: Settings) => void;
  dataset: () => void;
}): () => void {
  let latest = 0;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && STORAGE_KEYS.importedDataset in changes) on.dataset();
    const settingsChanged =
      (area === 'sync' && STORAGE_KEYS.settings in changes) ||
      (area === 'local' && STORAGE_KEYS.managedPolicy in changes);
    if (!settingsChanged) return;
    const call = ++latest;
    void loadPageSettings().then((settings) => {
      // Two changes in quick succession: only the newest is reported.
      if (call === latest) on.settings(settings);
    });
  };
  nativeBrowser.storage.onChanged.addListener(listener);
  return () => nativeBrowser.storage.onChanged.removeListener(listener);
}
