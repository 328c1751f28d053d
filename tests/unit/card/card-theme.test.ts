import { describe, expect, it } from 'vitest';
import { chooseCardScheme, parseRgb, relativeLuminance } from '~/lib/card-theme';

const page = (colorScheme: string, backgrounds: string[], prefersDark = false) => ({
  colorScheme,
  backgrounds,
  prefersDark,
});
const transparent = 'rgba(0, 0, 0, 0)';

describe('chooseCardScheme', () => {
  it('uses the user choice whatever the page looks like', () => {
    expect(chooseCardScheme('dark', page('light', ['rgb(255, 255, 255)']))).toBe('dark');
    expect(chooseCardScheme('light', page('dark', ['rgb(0, 0, 0)'], true))).toBe('light');
  });

  it('follows the painted background of body first, then of the root', () => {
    expect(chooseCardScheme('auto', page('normal', ['rgb(17, 17, 17)', transparent]))).toBe('dark');
    expect(chooseCardScheme('auto', page('normal', [transparent, 'rgb(20, 24, 30)']))).toBe('dark');
    // A light page on a system in dark mode stays light.
    expect(chooseCardScheme('auto', page('light dark', ['rgb(250, 250, 250)'], true))).toBe(
      'light',
    );
  });

  it('ignores backgrounds that are (nearly) transparent', () => {
    expect(chooseCardScheme('auto', page('normal', ['rgba(0, 0, 0, 0.1)', transparent]))).toBe(
      'light',
    );
  });

  it('falls back to the page color-scheme, and to the system where the page allows both', () => {
    expect(chooseCardScheme('auto', page('dark', [transparent]))).toBe('dark');
    expect(chooseCardScheme('auto', page('light dark', [transparent], true))).toBe('dark');
    expect(chooseCardScheme('auto', page('light dark', [transparent], false))).toBe('light');
    expect(chooseCardScheme('auto', page('only light', [transparent], true))).toBe('light');
  });

  it('is light on a page that declares nothing (the canvas is white), whatever the system', () => {
    expect(chooseCardScheme('auto', page('normal', [transparent, transparent], true))).toBe(
      'light',
    );
  });
});

describe('colour parsing', () => {
  it('reads the serialisations browsers compute', () => {
    expect(parseRgb('rgb(1, 2, 3)')).toEqual({ r: 1, g: 2, b: 3, a: 1 });
    expect(parseRgb('rgba(1, 2, 3, 0.5)')).toEqual({ r: 1, g: 2, b: 3, a: 0.5 });
    expect(parseRgb('rgb(1 2 3 / 50%)')).toEqual({ r: 1, g: 2, b: 3, a: 0.5 });
    expect(parseRgb('oklch(0.5 0.1 20)')).toBeNull();
  });

  it('computes WCAG relative luminance', () => {
    expect(relativeLuminance({ r: 255, g: 255, b: 255, a: 1 })).toBeCloseTo(1);
    expect(relativeLuminance({ r: 0, g: 0, b: 0, a: 1 })).toBe(0);
    expect(relativeLuminance({ r: 128, g: 128, b: 128, a: 1 })).toBeCloseTo(0.2158, 3);
  });
});
