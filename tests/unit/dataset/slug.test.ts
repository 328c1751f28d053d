// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugify } from '~/lib/dataset/slug';

describe('slugify', () => {
  it('folds diacritics and punctuation to readable ASCII', () => {
    expect(slugify('Clúster de Automoción y Movilidad de Aragón')).toBe(
      'cluster-de-automocion-y-movilidad-de-aragon',
    );
    expect(slugify("Mov'eo")).toBe('mov-eo');
    expect(slugify('Pôle Véhicule du Futur')).toBe('pole-vehicule-du-futur');
    expect(slugify('Klastr českých nábytkářů')).toBe('klastr-ceskych-nabytkaru');
  });
  it('spells Cyrillic, Greek and letters NFKD leaves alone in Latin', () => {
    expect(slugify('Клъстер София град на знанието')).toBe('klaster-sofiya-grad-na-znanieto');
    expect(slugify('Σύμπλεγμα')).toBe('symplegma');
    expect(slugify('Łódź Straße Ørsted')).toBe('lodz-strasse-orsted');
    expect(slugify('SAHA İstanbul')).toBe('saha-istanbul');
  });
  it('cuts long names at a word boundary and always yields a valid slug', () => {
    const slug = slugify(
      'Agrupacion de empresas innovadoras del transporte y la logistica de la rioja y mas',
    );
    expect(slug.length).toBeLessThanOrEqual(64);
    expect(slug).toMatch(SLUG_PATTERN);
    expect(slug.endsWith('-')).toBe(false);
  });
  it('returns an empty string when nothing is left', () => {
    expect(slugify('—')).toBe('');
  });
});
