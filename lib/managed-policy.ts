import { SETTINGS_FIELDS, type Settings } from './settings';
import { normaliseSitePattern } from './site-rules';

/**
 * Settings an administrator can fix through storage.managed (Chrome enterprise policy, Firefox
 * `3rdparty` policies). A managed value wins over the user's, and the options page shows the
 * control locked. public/managed-schema.json declares the same keys for Chrome.
 */
export const MANAGED_KEYS = ['enabled', 'siteMode', 'sites'] as const;
export type ManagedKey = (typeof MANAGED_KEYS)[number];

export type ManagedPolicy = Partial<Pick<Settings, ManagedKey>>;

// The same field schemas as the user's settings, so a policy can never set what a user can't.
const fields = SETTINGS_FIELDS;

/**
 * The policy from whatever managed storage returned: each valid key is kept, anything else is
 * ignored (a policy typo must not lock a control to a broken value). Sites are normalised and
 * invalid ones dropped.
 */
export function readManagedPolicy(raw: unknown): ManagedPolicy {
  if (typeof raw !== 'object' || raw === null) return {};
  const source = raw as Record<string, unknown>;
  const policy: ManagedPolicy = {};
  if (fields.enabled(source.enabled)) policy.enabled = source.enabled;
  if (fields.siteMode(source.siteMode)) policy.siteMode = source.siteMode;
  if (fields.sites(source.sites)) {
    policy.sites = [
      ...new Set(
        source.sites.flatMap((site) => {
          const result = normaliseSitePattern(site);
          return result.ok ? [result.pattern] : [];
        }),
      ),
    ];
  }
  return policy;
}

export function applyManagedPolicy(settings: Settings, policy: ManagedPolicy): Settings {
  return { ...settings, ...policy };
}

export function isLocked(policy: ManagedPolicy, key: ManagedKey): boolean {
  return policy[key] !== undefined;
}
