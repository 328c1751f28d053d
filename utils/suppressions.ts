import type { Settings } from '~/lib/settings';
import type { SuppressResult } from '~/lib/messages';
import { loadUserSettings, saveUserSettings } from './settings';

/**
 * At most this many "not this organisation" choices per site. A page rarely names more than a
 * handful of organisations wrongly; the cap keeps one site (a page that tricks the reader into
 * clicking, or a long list of false matches) from taking the whole settings item: 20 entries
 * of a long site name and alias are about 2 KB of the 8 KB storage.sync allows the item, so
 * several sites and every other setting still fit.
 */
export const SUPPRESSIONS_PER_SITE = 20;

/**
 * "Not this organisation": stops marking this alias of this organisation on this site. The
 * settings watcher of every frame then rescans without it. Saving the same entry twice adds
 * nothing. Refused, with the reason, when the site already has its share of entries or the
 * browser will not save (over the sync quota, say): nothing is written then.
 */
export async function suppressOnSite(
  entry: Settings['suppressed'][number],
): Promise<SuppressResult> {
  const user = await loadUserSettings();
  const known = user.suppressed.some(
    (s) => s.site === entry.site && s.alias === entry.alias && s.id === entry.id,
  );
  if (known) return { saved: true };
  const onSite = user.suppressed.filter((s) => s.site === entry.site).length;
  if (onSite >= SUPPRESSIONS_PER_SITE) {
    return { saved: false, reason: 'site-limit', limit: SUPPRESSIONS_PER_SITE };
  }
  const result = await saveUserSettings({ ...user, suppressed: [...user.suppressed, entry] });
  if (result.ok) return { saved: true };
  return { saved: false, reason: result.reason };
}
