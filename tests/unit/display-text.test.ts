import { describe, expect, it } from 'vitest';
import { isolate, stripControls } from '~/lib/display-text';

describe('stripControls', () => {
  it('removes direction controls, zero-width and other invisible characters', () => {
    expect(stripControls('Mina\u202elogic')).toBe('Minalogic');
    expect(stripControls('\u200fVal\u200borial\u2069\ufeff')).toBe('Valorial');
    expect(stripControls('Cap\u00adDigital\u0007')).toBe('CapDigital');
  });

  it('shows line breaks and tabs as spaces, and leaves other text alone', () => {
    expect(stripControls('Cap\nDigital')).toBe('Cap Digital');
    expect(stripControls('Pôle\r\nMer')).toBe('Pôle Mer');
    expect(stripControls('Кластер «Ελλάδα» عربي')).toBe('Кластер «Ελλάδα» عربي');
  });
});

describe('isolate', () => {
  it('wraps cleaned page text in a first-strong isolate', () => {
    expect(isolate('Mina\u202elogic')).toBe('\u2068Minalogic\u2069');
    // An isolate inside cannot close ours early.
    expect(isolate('a\u2069b')).toBe('\u2068ab\u2069');
  });
});
