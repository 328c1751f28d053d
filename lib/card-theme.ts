import type { Settings } from './settings';

export type CardScheme = 'light' | 'dark';

/** What the page shows, as read from its computed styles (see the content script). */
export interface PageAppearance {
  /** The root element's computed `color-scheme` (`normal`, `light`, `dark`, `light dark`…). */
  colorScheme: string;
  /** Computed background colours, the body's first, then the root element's. */
  backgrounds: string[];
  /** `prefers-color-scheme: dark` matches. */
  prefersDark: boolean;
}

/**
 * The card's scheme. `light` and `dark` are the user's choice; `auto` follows the page: first
 * the colour actually painted behind the text (the first opaque background of body or root),
 * then the page's `color-scheme`. A page that allows both schemes is painted in the system's,
 * so the system preference decides there; a page that declares nothing has the white canvas.
 */
export function chooseCardScheme(setting: Settings['cardTheme'], page: PageAppearance): CardScheme {
  if (setting !== 'auto') return setting;
  for (const background of page.backgrounds) {
    const rgba = parseRgb(background);
    if (rgba && rgba.a >= 0.5) return relativeLuminance(rgba) < 0.4 ? 'dark' : 'light';
  }
  const schemes = page.colorScheme.split(/\s+/).filter((s) => s === 'light' || s === 'dark');
  if (schemes.length === 1) return schemes[0] as CardScheme;
  if (schemes.length === 2) return page.prefersDark ? 'dark' : 'light';
  return 'light';
}

interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** `rgb(…)`/`rgba(…)` as computed styles serialise colours (comma or space syntax). */
export function parseRgb(text: string): Rgba | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i.exec(
    text.trim(),
  );
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : Number(m[4]);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: alpha };
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
