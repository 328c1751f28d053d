import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyManagedPolicy, readManagedPolicy } from '~/lib/managed-policy';
import { DEFAULT_SETTINGS } from '~/lib/settings';
import { checkSyncItem, SYNC_QUOTA_BYTES_PER_ITEM, syncItemBytes } from '~/lib/sync-quota';
import {
  loadManagedPolicy,
  refreshManagedPolicy,
  loadSettings,
  loadUserSettings,
  saveUserSettings,
  watchSettings,
} from '~/utils/settings';

afterEach(() => {
  vi.restoreAllMocks();
});

/** n distinct valid site patterns of about 30 characters each. */
const manySites = (n: number) =>
  Array.from({ length: n }, (_, i) => `site-${String(i).padStart(4, '0')}.example-domain.org`);

describe('the sync quota check', () => {
  it('counts the key and the JSON of the value in UTF-8 bytes', () => {
    expect(syncItemBytes('k', 'ab')).toBe(1 + 4);
    expect(syncItemBytes('k', 'é')).toBe(1 + 4); // "é" with quotes: 2 + 2 bytes
    expect(syncItemBytes('settings', DEFAULT_SETTINGS)).toBe(
      8 + new TextEncoder().encode(JSON.stringify(DEFAULT_SETTINGS)).length,
    );
  });
  it('accepts an item of exactly the limit and refuses one byte more', () => {
    const fill = (n: number) => 'x'.repeat(n - 1 - 2); // key "k" and the two quotes
    expect(checkSyncItem('k', fill(SYNC_QUOTA_BYTES_PER_ITEM))).toEqual({
      ok: true,
      bytes: SYNC_QUOTA_BYTES_PER_ITEM,
      limit: SYNC_QUOTA_BYTES_PER_ITEM,
    });
    expect(checkSyncItem('k', fill(SYNC_QUOTA_BYTES_PER_ITEM + 1)).ok).toBe(false);
  });
});

describe('saveUserSettings', () => {
  it('saves settings within the quota', async () => {
    const settings = { ...DEFAULT_SETTINGS, sites: manySites(100) };
    expect(await saveUserSettings(settings)).toEqual({ ok: true });
    expect(await loadUserSettings()).toEqual(settings);
  });

  it('refuses a site list over the per-item quota before writing, leaving storage as it was', async () => {
    const before = { ...DEFAULT_SETTINGS, sites: ['example.com'] };
    await saveUserSettings(before);
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const result = await saveUserSettings({ ...DEFAULT_SETTINGS, sites: manySites(400) });
    expect(result).toMatchObject({ ok: false, reason: 'quota', limit: 8192 });
    expect(result.ok === false && result.reason === 'quota' && result.bytes).toBeGreaterThan(8192);
    expect(set).not.toHaveBeenCalled();
    expect(await loadUserSettings()).toEqual(before);
  });

  it('reports a write the browser refuses instead of failing silently', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(
      new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'),
    );
    expect(await saveUserSettings({ ...DEFAULT_SETTINGS, enabled: false })).toEqual({
      ok: false,
      reason: 'browser',
      message: 'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded',
    });
    expect(await loadUserSettings()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('managed policy', () => {
  it('keeps valid policy keys, normalises sites and ignores the rest', () => {
    expect(
      readManagedPolicy({
        enabled: false,
        siteMode: 'sometimes',
        sites: ['HTTPS://Intranet.Example.com/x', 'bad host', 'intranet.example.com'],
        hoverDelayMs: 0,
      }),
    ).toEqual({ enabled: false, sites: ['intranet.example.com'] });
    expect(readManagedPolicy(null)).toEqual({});
    expect(readManagedPolicy('on')).toEqual({});
  });

  it('wins over the user settings in loadSettings, while the user settings stay as chosen', async () => {
    await saveUserSettings({ ...DEFAULT_SETTINGS, enabled: true, sites: ['mine.org'] });
    await fakeBrowser.storage.managed.set({ enabled: false, siteMode: 'only-listed' });
    // The background copies the policy to storage.local, where pages read it quickly.
    await refreshManagedPolicy();
    expect(await loadSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      enabled: false,
      siteMode: 'only-listed',
      sites: ['mine.org'],
    });
    expect((await loadUserSettings()).enabled).toBe(true);
  });

  it('means no policy where managed storage throws (Firefox without policies)', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(
      new Error('Managed storage manifest not found'),
    );
    expect(await refreshManagedPolicy()).toEqual({});
    expect(await loadManagedPolicy()).toEqual({});
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('applies a policy on top without touching unmanaged fields', () => {
    const user = { ...DEFAULT_SETTINGS, hoverDelayMs: 900 };
    expect(applyManagedPolicy(user, { sites: ['a.org'] })).toEqual({ ...user, sites: ['a.org'] });
  });

  it('reports the settings in force to watchers when the user or the policy changes them', async () => {
    const seen: boolean[] = [];
    const unwatch = watchSettings((s) => seen.push(s.enabled));
    await saveUserSettings({ ...DEFAULT_SETTINGS, enabled: false });
    await vi.waitFor(() => expect(seen).toEqual([false]));
    await fakeBrowser.storage.managed.set({ enabled: true });
    await refreshManagedPolicy();
    await vi.waitFor(() => expect(seen).toEqual([false, true]));
    unwatch();
  });
});
