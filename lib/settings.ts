/**
 * User settings, kept in storage.sync: one typed schema with defaults. Every stored value is
 * read through `readSettings`, so a missing, older or damaged value never breaks a page.
 *
 * The schema is a table of small type guards rather than a schema library: every page's
 * content script reads settings first thing, and building zod schemas at start-up cost each
 * frame ~17 ms of main-thread time in the profiler, against well under 0.1 ms for these.
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

export interface MarkStyle {
  underline: (typeof UNDERLINE_STYLES)[number];
  /** `#rrggbb` */
  color: string;
}

export interface Settings {
  enabled: boolean;
  siteMode: (typeof SITE_MODES)[number];
  /** Host patterns: `example.com` (that host and its subdomains) or `*.example.com`. */
  sites: string[];
  mark: Record<MarkCategory, boolean>;
  styles: Record<MarkCategory, MarkStyle>;
  /** 0 to 2000 ms. */
  hoverDelayMs: number;
  modifierKey: (typeof MODIFIER_KEYS)[number];
  acronymStrictness: (typeof ACRONYM_STRICTNESS)[number];
  cardTheme: (typeof CARD_THEMES)[number];
  /** "Not this organisation": an alias that must not be marked on a site. */
  suppressed: { site: string; alias: string; id: string }[];
}

type Guard<T> = (value: unknown) => value is T;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isBoolean: Guard<boolean> = (v): v is boolean => typeof v === 'boolean';
const isString: Guard<string> = (v): v is string => typeof v === 'string';
const oneOf =
  <T extends string>(values: readonly T[]): Guard<T> =>
  (v): v is T =>
    typeof v === 'string' && (values as readonly string[]).includes(v);
const arrayOf =
  <T>(item: Guard<T>): Guard<T[]> =>
  (v): v is T[] =>
    Array.isArray(v) && v.every(item);
const perCategory =
  <T>(item: Guard<T>): Guard<Record<MarkCategory, T>> =>
  (v): v is Record<MarkCategory, T> =>
    isRecord(v) && MARK_CATEGORIES.every((c) => item(v[c]));

const isMarkStyle: Guard<MarkStyle> = (v): v is MarkStyle =>
  isRecord(v) &&
  oneOf(UNDERLINE_STYLES)(v.underline) &&
  typeof v.color === 'string' &&
  /^#[0-9a-f]{6}$/i.test(v.color);

/** One guard per field: what `readSettings` accepts from storage (and a policy may set). */
export const SETTINGS_FIELDS: { [K in keyof Settings]: Guard<Settings[K]> } = {
  enabled: isBoolean,
  siteMode: oneOf(SITE_MODES),
  sites: arrayOf(isString),
  mark: perCategory(isBoolean),
  styles: perCategory(isMarkStyle),
  hoverDelayMs: (v): v is number =>
    Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 2000,
  modifierKey: oneOf(MODIFIER_KEYS),
  acronymStrictness: oneOf(ACRONYM_STRICTNESS),
  cardTheme: oneOf(CARD_THEMES),
  suppressed: arrayOf(
    (v): v is Settings['suppressed'][number] =>
      isRecord(v) && isString(v.site) && isString(v.alias) && isString(v.id),
  ),
};

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
    expired: { underline: 'wavy', color: '#8a8f98' },
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
  const base = isRecord(stored) ? stored : {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(SETTINGS_FIELDS) as (keyof Settings)[]) {
    const value = base[key];
    out[key] = SETTINGS_FIELDS[key](value) ? structuredClone(value) : DEFAULT_SETTINGS[key];
  }
  return out as unknown as Settings;
}
