// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { testRecord } from '../record-fixture';
import { buildAliasTable } from '~/lib/dataset/alias-table';
import { otherNamesOf, placeNameGroups, withOtherNames } from '~/lib/dataset/place-names';
import { normalizeString } from '~/lib/matcher/normalize';

describe('place names in other languages', () => {
  it('give each name to one place only, and each place at least two names', () => {
    const owner = new Map<string, number>();
    placeNameGroups().forEach((group, index) => {
      expect(group.length, group[0]).toBeGreaterThanOrEqual(2);
      for (const name of group) {
        const key = normalizeString(name);
        expect(owner.get(key) ?? index, name).toBe(index);
        owner.set(key, index);
      }
    });
  });

  it('find the other names of a place, whichever of its names the row writes', () => {
    expect(otherNamesOf('Catalunya')).toEqual(
      expect.arrayContaining(['Catalonia', 'Cataluña', 'Katalonien', 'Catalogne']),
    );
    expect(otherNamesOf('Catalonia')).toEqual(expect.arrayContaining(['Catalunya']));
    expect(otherNamesOf('Catalonia')).not.toContain('Catalonia');
    expect(otherNamesOf('Bayern')).toEqual(expect.arrayContaining(['Bavaria', 'Bavière']));
    expect(otherNamesOf('Wien')).toEqual(expect.arrayContaining(['Vienna', 'Vienne']));
    expect(otherNamesOf('Sofia')).toContain('София');
    // Letter case and diacritics as the matcher folds them.
    expect(otherNamesOf('BAYERN')).toContain('Bavaria');
    expect(otherNamesOf('Kosice')).toContain('Kaschau');
    expect(otherNamesOf('Erlangen')).toEqual([]);
  });

  it('keep the row’s own places first, each name once', () => {
    expect(withOtherNames(['Graz', 'Steiermark'])).toEqual([
      'Graz',
      'Steiermark',
      'Styria',
      'Styrie',
      'Estiria',
      'Stiria',
    ]);
    expect(withOtherNames(['Catalunya', 'Catalonia']).filter((p) => p === 'Catalonia')).toEqual([
      'Catalonia',
    ]);
  });

  it('are the places of an alias that needs evidence, unless asked not to be', () => {
    const row = testRecord({ id: 'p', name: 'Packaging Cluster', region: 'Catalunya' });
    const [alias] = buildAliasTable([row]);
    expect(alias?.needsContext).toBe(true);
    expect(alias?.places).toEqual(
      expect.arrayContaining(['Catalunya', 'Catalonia', 'Cataluña', 'Katalonien']),
    );
    const [own] = buildAliasTable([row], { otherPlaceNames: false });
    expect(own?.places).toEqual(['Catalunya']);
    // A distinctive name needs no place, in any language.
    const [brand] = buildAliasTable([testRecord({ id: 'm', name: 'Minalogic', city: 'Wien' })]);
    expect(brand?.places).toBeUndefined();
  });
});
