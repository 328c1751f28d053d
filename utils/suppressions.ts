import type { Settings } from '~/lib/settings';
import { loadUserSettings, saveUserSettings } from './settings';

/**
 * "Not this organisation": stops marking this alias of this organisation on this site. The
 * settings watcher of every frame then rescans without it. Saving the same entry twice adds
 * nothing. False when the browser refused to save (over the sync quota, say).
 */
export async function suppressOnSite(entry: Settings['suppressed'][number]): Promise<boolean> {
  const user = await loadUserSettings();
  const known = user.suppressed.some(
    (s) => s.site === entry.site && s.alias === entry.alias && s.id === entry.id,
  );
  if (known) return true;
  const result = await saveUserSettings({ ...user, suppressed: [...user.suppressed, entry] });
  return result.ok;
}
