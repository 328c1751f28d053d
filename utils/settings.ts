import { storage } from '#imports';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_VERSION, type Settings } from '~/lib/settings';

/** The settings item in storage.sync, so settings follow the user across browsers. */
export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: {
    // v1 stored only { enabled }; the other fields take their defaults.
    2: (v1: unknown) => readSettings(v1),
  },
});

export async function loadSettings(): Promise<Settings> {
  return readSettings(await settingsItem.getValue());
}

/** Calls back with the new settings whenever they change, in any window. Returns unwatch. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(readSettings(value)));
}
