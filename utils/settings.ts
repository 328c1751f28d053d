import { storage } from '#imports';
import { applyManagedPolicy, readManagedPolicy, type ManagedPolicy } from '~/lib/managed-policy';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_VERSION, type Settings } from '~/lib/settings';
import { STORAGE_KEYS } from '~/lib/storage-keys';
import { checkSyncItem } from '~/lib/sync-quota';

const SETTINGS_KEY = STORAGE_KEYS.settings;

/** The settings item in storage.sync, so settings follow the user across browsers. */
export const settingsItem = storage.defineItem<Settings>(`sync:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: {
    // v1 stored only { enabled }; the other fields take their defaults.
    2: (v1: unknown) => readSettings(v1),
  },
});

/**
 * The administrator's policy, as the background last read it from storage.managed. Reading
 * managed storage itself is slow (about 70 ms a call in Chromium, seconds just after start-up,
 * and it throws where there is none), far too slow for every page's content script, so the
 * background keeps this copy in storage.local current and everything else reads the copy.
 */
export const managedPolicyItem = storage.defineItem<ManagedPolicy>(
  `local:${STORAGE_KEYS.managedPolicy}`,
  {
    fallback: {},
  },
);

/** Reads storage.managed and stores the policy copy. For the background. */
export async function refreshManagedPolicy(): Promise<ManagedPolicy> {
  let policy: ManagedPolicy = {};
  try {
    const managed = browser.storage?.managed;
    if (managed) policy = readManagedPolicy(await managed.get(null));
  } catch {
    // No managed storage here (Firefox without a policy): no policy.
  }
  await managedPolicyItem.setValue(policy);
  return policy;
}

export async function loadManagedPolicy(): Promise<ManagedPolicy> {
  return readManagedPolicy(await managedPolicyItem.getValue());
}

/** What the user chose, without the policy: the options page edits this. */
export async function loadUserSettings(): Promise<Settings> {
  return readSettings(await settingsItem.getValue());
}

/** The settings in force: the user's, with every managed value winning. */
export async function loadSettings(): Promise<Settings> {
  const [user, policy] = await Promise.all([loadUserSettings(), loadManagedPolicy()]);
  return applyManagedPolicy(user, policy);
}

/**
 * Calls back with the settings in force whenever the user's settings or the policy change, in
 * any window. Returns unwatch.
 */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  let latest = 0;
  const refresh = (user?: Settings) => {
    const call = ++latest;
    void Promise.all([user ?? loadUserSettings(), loadManagedPolicy()]).then(([u, policy]) => {
      // Two changes in quick succession: only the newest is reported.
      if (call === latest) callback(applyManagedPolicy(u, policy));
    });
  };
  const unwatchUser = settingsItem.watch((value) => refresh(readSettings(value)));
  const unwatchPolicy = watchManagedPolicy(() => refresh());
  return () => {
    unwatchUser();
    unwatchPolicy();
  };
}

/** Calls back when the administrator's policy changes. Returns unwatch. */
export function watchManagedPolicy(callback: () => void): () => void {
  return managedPolicyItem.watch(() => callback());
}

export type SaveResult =
  | { ok: true }
  | { ok: false; reason: 'quota'; bytes: number; limit: number }
  | { ok: false; reason: 'browser'; message: string };

/**
 * Saves the user's settings, or says why not: over the sync quota (checked before writing, so
 * nothing is half-saved), or refused by the browser (for example too many writes a minute).
 */
export async function saveUserSettings(settings: Settings): Promise<SaveResult> {
  const quota = checkSyncItem(SETTINGS_KEY, settings);
  if (!quota.ok) return { ok: false, reason: 'quota', bytes: quota.bytes, limit: quota.limit };
  try {
    await settingsItem.setValue(settings);
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      reason: 'browser',
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
