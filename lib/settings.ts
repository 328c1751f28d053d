import { z } from 'zod';

/**
 * User settings, kept in storage.sync: one typed schema with defaults. Every stored value is
 * read through `readSettings`, so a missing, older or damaged value never breaks a page.
 */

/** What a mark says about an organisation; each has its own highlight and style. */
export const MARK_CATEGORIES = ['gold', 'silver', 'bronze', 'expired', 'unlabelled'] as const;
export type MarkCategory = (typeof MARK_CATEGORIES)[number];

export const UNDERLINE_STYLES = ['solid', 'double', 'dotted', 'dashed', 'wavy'] as const;
export const SITE_MODES = ['everywhere', 'only-listed', 'except-listed'] as const;
export const MODIFIER_KEYS = ['none', 'alt', 'ctrl', 'shift', 'meta'] as const;
/**
 * strict: an acronym is marked only with evidence (the full name or a cluster word nearby);
 * balanced: the dataset's own rule for each alias; off: acronyms are not marked at all.
 */
export const ACRONYM_STRICTNESS = ['strict', 'balanced', 'off'] as const;
export const CARD_THEMES = ['auto', 'light', 'dark'] as const;

const markStyle = z.object({
  underline: z.enum(UNDERLINE_STYLES),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
});
export type MarkStyle = z.infer<typeof markStyle>;

const perCategory = <T extends z.ZodType>(schema: T) =>
  z.object({ gold: schema, silver: schema, bronze: schema, expired: schema, unlabelled: schema });

export const settingsSchema = z.object({
  enabled: z.boolean(),
  siteMode: z.enum(SITE_MODES),
  /** Host patterns: `example.com` (that host and its subdomains) or `*.example.com`. */
  sites: z.array(z.string()),
  mark: perCategory(z.boolean()),
  styles: perCategory(markStyle),
  hoverDelayMs: z.number().int().min(0).max(2000),
  modifierKey: z.enum(MODIFIER_KEYS),
  acronymStrictness: z.enum(ACRONYM_STRICTNESS),
  cardTheme: z.enum(CARD_THEMES),
  /** "Not this organisation": an alias that must not be marked on a site. */
  suppressed: z.array(z.object({ site: z.string(), alias: z.string(), id: z.string() })),
});

export type Settings = z.infer<typeof settingsSchema>;

export const SETTINGS_VERSION = 2;

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  siteMode: 'everywhere',
  sites: [],
  mark: { gold: true, silver: true, bronze: true, expired: true, unlabelled: true },
  // Underline shapes differ per level so marks never rest on colour alone; the colours keep
  // 3:1 contrast on white and on near-black pages.
  styles: {
    gold: { underline: 'double', color: '#c08a00' },
    silver: { underline: 'solid', color: '#7b8794' },
    bronze: { underline: 'dashed', color: '#b4652a' },
    expired: { underline: 'dotted', color: '#8a8f98' },
    unlabelled: { underline: 'dotted', color: '#3d7fc1' },
  },
  hoverDelayMs: 300,
  modifierKey: 'none',
  acronymStrictness: 'balanced',
  cardTheme: 'auto',
  suppressed: [],
};

/**
 * Any stored value, read back safely: each top-level field that is missing or invalid falls back
 * to its default, so one damaged field does not reset the others.
 */
export function readSettings(stored: unknown): Settings {
  const base: Record<string, unknown> =
    typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(settingsSchema.shape)) {
    const parsed = field.safeParse(base[key]);
    out[key] = parsed.success ? parsed.data : DEFAULT_SETTINGS[key as keyof Settings];
  }
  return out as Settings;
}
