import { z } from 'zod';

/** User settings, kept in storage.sync. Later versions add fields with migrations. */
export const settingsSchema = z.object({
  enabled: z.boolean(),
});

export type Settings = z.infer<typeof settingsSchema>;

export const SETTINGS_VERSION = 1;

export const DEFAULT_SETTINGS: Settings = { enabled: true };

/** Any stored value, read back safely: unknown or broken fields fall back to their defaults. */
export function readSettings(stored: unknown): Settings {
  const base = typeof stored === 'object' && stored !== null ? stored : {};
  const merged = { ...DEFAULT_SETTINGS, ...base };
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
