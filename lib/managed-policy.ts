import { z } from 'zod';
import { SITE_MODES, type Settings } from './settings';
import { normaliseSitePattern } from './site-rules';

/**
 * Settings an administrator can fix through storage.managed (Chrome enterprise policy, Firefox
 * `3rdparty` policies). A managed value wins over the user's, and the options page shows the
 * control locked. public/managed-schema.json declares the same keys for Chrome.
 */
export const MANAGED_KEYS = ['enabled', 'siteMode', 'sites'] as const;
export type ManagedKey = (typeof MANAGED_KEYS)[number];

export type ManagedPolicy = Partial<Pick<Settings, ManagedKey>>;

const fields = {
  enabled: z.boolean(),
  siteMode: z.enum(SITE_MODES),
  sites: z.array(z.string()),
};

/**
 * The policy from whatever managed storage returned: each valid key is kept, anything else is
 * ignored (a policy typo must not lock a control to a broken value). Sites are normalised and
 * invalid ones dropped.
 */
export function readManagedPolicy(raw: unknown): ManagedPolicy {
  if (typeof raw !== 'object' || raw === null) return {};
  const source = raw as Record<string, unknown>;
  const policy: ManagedPolicy = {};
  const enabled = fields.enabled.safeParse(source.enabled);
  if (enabled.success) policy.enabled = enabled.data;
  const siteMode = fields.siteMode.safeParse(source.siteMode);
  if (siteMode.success) policy.siteMode = siteMode.data;
  const sites = fields.sites.safeParse(source.sites);
  if (sites.success) {
    policy.sites = [
      ...new Set(
        sites.data.flatMap((site) => {
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
