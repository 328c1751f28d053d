import { describe, expect, it } from 'vitest';
import { normalizeForMatching, normalizeString, originalEnd } from '../../../lib/matcher/normalize';

describe('normalizeString', () => {
  it.each([
    ['Clúster Logístico de Aragón', 'cluster logistico de aragon'],
    ['SAHA İstanbul', 'saha istanbul'],
    ['ıstanbul', 'istanbul'],
    ['Straße', 'strasse'],
    ['Łódź', 'lodz'],
    ['Cafe\u0301', 'cafe'],
    ['ΚΛΆΣΤΕΡ κλάστερς', 'κλαστερ κλαστερσ'],
    ['Клъстер СОФИЯ', 'клъстер софия'],
    ['BM³', 'bm3'],
    ['ﬁne', 'fine'],
  ])('folds %j to %j', (input, output) => {
    expect(normalizeString(input)).toBe(output);
  });

  it('keeps letter case when asked, folding only marks and punctuation', () => {
    expect(normalizeString('SAHA İstanbul – Clúster', true)).toBe('SAHA Istanbul-Cluster');
  });

  it.each([
    ['ACLIMA - Basque', 'ACLIMA – Basque', 'ACLIMA—Basque', 'ACLIMA‐Basque', 'ACLIMA − Basque'],
    ['Flanders’ FOOD', "Flanders' FOOD", 'Flandersʼ FOOD', 'Flanders‘ FOOD'],
    [
      'Hydro & Energy',
      'Hydro&Energy',
      'Hydro and Energy',
      'Hydro und Energy',
      'Hydro et Energy',
      'Hydro y Energy',
      'Hydro e Energy',
      'Hydro i Energy',
    ],
    [
      'Cap Digital',
      'Cap\u00A0Digital',
      'Cap \n\t Digital',
      'Cap\u200B Digital',
      'Cap\u2009Digital',
    ],
  ])('unifies the spellings of %j', (...spellings) => {
    const forms = new Set(spellings.map((s) => normalizeString(s)));
    expect(forms.size).toBe(1);
  });

  it('treats connector words only as whole words between spaces', () => {
    expect(normalizeString('e-Mobility iTech Andalucía, Y')).toBe('e-mobility itech andalucia, y');
    expect(normalizeString('Rand und Band')).toBe('rand&band');
  });

  it('removes invisible characters inside words', () => {
    expect(normalizeString('Mina\u00ADlo\u200Dgic')).toBe('minalogic');
  });
});

describe('normalizeForMatching offset map', () => {
  it('maps every unit back to the original code units it came from', () => {
    const text = 'Die Straße  und İstanbul';
    const n = normalizeForMatching(text);
    const out = String.fromCharCode(...n.units.subarray(0, n.length));
    expect(out).toBe('die strasse&istanbul');
    const original = (k: number) => text.slice(n.starts[k], originalEnd(text, n, k));
    expect(original(out.indexOf('ss'))).toBe('ß');
    expect(original(out.indexOf('ss') + 1)).toBe('ß');
    expect(original(out.indexOf('&'))).toBe('und');
    expect(original(out.indexOf('istanbul'))).toBe('İ');
    expect(original(out.length - 1)).toBe('l');
  });

  it('maps astral characters as one unit pair', () => {
    const text = 'a 𝐀𝐁 b';
    const n = normalizeForMatching(text);
    expect(String.fromCharCode(...n.units.subarray(0, n.length))).toBe('a ab b');
    expect(text.slice(n.starts[2], originalEnd(text, n, 2))).toBe('𝐀');
  });
});
