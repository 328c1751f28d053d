import { storage } from '#imports';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_VERSION, type Settings } from '~/lib/settings';

/** The settings item in storage.sync, so settings follow the user across browsers. */
export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
});

export async function loadSettings(): Promise<Settings> {
  return readSettings(await settingsItem.getValue());
}
