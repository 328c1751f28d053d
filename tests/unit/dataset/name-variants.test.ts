import { describe, expect, it } from 'vitest';
import { buildAliasTable } from '~/lib/dataset/alias-table';
import { nameVariants } from '~/lib/dataset/name-variants';
import { compileMatcher, matchText } from '~/lib/matcher';
import { testRecord } from '../record-fixture';

const variants = (
  text: string,
  rule: string,
  places: string[] = [],
  country: string | null = null,
) =>
  nameVariants(text, new Set(places), country)
    .filter((v) => v.rule === rule)
    .map((v) => (v.needsEvidence ? `${v.text} (with evidence)` : v.text));

describe('nameVariants: the cluster word declined', () => {
  it('gives every Polish and Czech case form of klaster/klastr, in the case it was written', () => {
    const forms = variants('Klaster LifeScience Kraków', 'cluster-word-inflected', [], 'PL');
    expect(forms).toContain('Klastra LifeScience Kraków');
    expect(forms).toContain('Klastrem LifeScience Kraków');
    expect(forms).toContain('Klastrze LifeScience Kraków');
    expect(forms).toContain('Klastrów LifeScience Kraków');
    expect(variants('Český optický klastr', 'cluster-word-inflected', [], 'CZ')).toContain(
      'Český optický klastru',
    );
    expect(variants('KLASTER ICT POMORZE', 'cluster-word-inflected', [], 'PL')).toContain(
      'KLASTRA ICT POMORZE',
    );
  });

  it('uses the forms of the record’s country only, and all of them when the country is unknown', () => {
    expect(variants('Omnipack Cluster', 'cluster-word-inflected', [], 'HU')).toEqual([]);
    expect(variants('Omnipack Klaszter', 'cluster-word-inflected', [], 'HU')).toContain(
      'Omnipack Klaszterben',
    );
    expect(variants('Omnipack Klaszter', 'cluster-word-inflected', [], 'PL')).toEqual([]);
    expect(variants('Omnipack Klaszter', 'cluster-word-inflected')).toContain(
      'Omnipack Klaszterrel',
    );
  });

  it('declines the Baltic, Finnish, Nordic and Cyrillic cluster words', () => {
    expect(
      variants('Latvijas Kokrūpniecības klasteris', 'cluster-word-inflected', [], 'LV'),
    ).toContain('Latvijas Kokrūpniecības klastera');
    expect(variants('Vilniaus Lazerių klasteris', 'cluster-word-inflected', [], 'LT')).toContain(
      'Vilniaus Lazerių klasterio',
    );
    expect(variants('Kemia klusteri', 'cluster-word-inflected', [], 'FI')).toContain(
      'Kemia klusterin',
    );
    expect(variants('Eyde klynge', 'cluster-word-inflected', [], 'NO')).toContain('Eyde klyngen');
    expect(variants('Клъстер Мехатроника', 'cluster-word-inflected', [], 'BG')).toContain(
      'Клъстера Мехатроника',
    );
  });

  it('leaves a word that only contains a cluster word alone', () => {
    expect(variants('Biocluster Heidner', 'cluster-word-inflected')).toEqual([]);
    expect(variants('Klasztor Pomorze', 'cluster-word-inflected')).toEqual([]);
  });
});

describe('nameVariants: word order and generic words dropped', () => {
  it('moves the cluster word around a remainder that starts like a name', () => {
    expect(variants('Minalogic Cluster', 'cluster-word-moved')).toEqual(['Cluster Minalogic']);
    expect(variants('Cluster Mobilier Transilvan', 'cluster-word-moved')).toEqual([
      'Mobilier Transilvan Cluster',
    ]);
    // "Cluster tecnologico …": the adjective belongs to the cluster word.
    expect(variants('Cluster tecnologico lombardo per la Chimica', 'cluster-word-moved')).toEqual(
      [],
    );
    // A remainder that starts or ends with a function word is no name.
    expect(variants('Cluster of Czech Furniture Makers', 'cluster-word-moved')).toEqual([]);
    // Nothing but common words and places: a description, not a name.
    expect(variants('Packaging Cluster', 'cluster-word-moved')).toEqual([]);
    expect(variants('Kraków Cluster', 'cluster-word-moved', ['kraków'])).toEqual([]);
  });

  it('drops a programme prefix only where an invented word or a single distinctive word is left', () => {
    expect(variants('NCE Maritime CleanTech', 'programme-prefix-dropped')).toEqual([
      'Maritime CleanTech',
    ]);
    expect(variants('Arena Legasea', 'programme-prefix-dropped')).toEqual([
      'Legasea (with evidence)',
    ]);
    expect(variants('Klaster LifeScience Kraków', 'programme-prefix-dropped')).toEqual([
      'LifeScience Kraków',
    ]);
    // Generic phrases and places left over do not count.
    expect(variants('Pôle Véhicule du Futur', 'programme-prefix-dropped')).toEqual([]);
    expect(variants('Klaster Bydgoszcz', 'programme-prefix-dropped', ['bydgoszcz'])).toEqual([]);
    expect(variants('Cluster Energia', 'programme-prefix-dropped')).toEqual([]);
    expect(variants('GCE Node', 'programme-prefix-dropped')).toEqual([]);
  });

  it('drops a trailing cluster word with the same bar, capitals alone not counting as invented', () => {
    expect(variants('Omnipack Cluster', 'generic-tail-dropped')).toEqual([
      'Omnipack (with evidence)',
    ]);
    expect(variants('bioPmed Healthcare Innovation Cluster', 'generic-tail-dropped')).toEqual([
      'bioPmed Healthcare Innovation',
    ]);
    expect(variants('Basque Energy Cluster', 'generic-tail-dropped')).toEqual([]);
    expect(variants('CATALAN FASHION & TEXTILE CLUSTER', 'generic-tail-dropped')).toEqual([]);
  });
});

describe('variants in the alias table', () => {
  const table = buildAliasTable([
    testRecord({ id: 'omnipack', name: 'Omnipack Cluster', country: 'HU', city: 'Budapest' }),
    testRecord({ id: 'lsk', name: 'Klaster LifeScience Kraków', country: 'PL', city: 'Kraków' }),
  ]);

  it('records the name each variant was made from and its rule', () => {
    const single = table.find((a) => a.text === 'Omnipack');
    expect(single).toEqual({
      text: 'Omnipack',
      id: 'omnipack',
      kind: 'alias',
      caseSensitive: true,
      needsContext: true,
      places: ['Budapest'],
      variant: { of: 'Omnipack Cluster', rule: 'generic-tail-dropped' },
      inflect: 'hu',
    });
    expect(table.find((a) => a.text === 'Klastrze LifeScience Kraków')?.variant).toEqual({
      of: 'Klaster LifeScience Kraków',
      rule: 'cluster-word-inflected',
    });
  });

  it('matches page wordings the written names alone miss, and a single word only with evidence', () => {
    const matcher = compileMatcher(table);
    const found = (text: string) => matchText(matcher, text).map((m) => [m.id, m.text]);
    expect(found('Firmy z Klastra LifeScience Kraków podpisały umowę.')).toEqual([
      ['lsk', 'Klastra LifeScience Kraków'],
    ]);
    expect(found('Spotkanie w Klastrze LifeScience Kraków odbyło się w maju.')).toEqual([
      ['lsk', 'Klastrze LifeScience Kraków'],
    ]);
    expect(found('The Cluster Omnipack hosted the packaging days.')).toEqual([
      ['omnipack', 'Cluster Omnipack'],
    ]);
    expect(found('Omnipack, the Hungarian packaging cluster, grew.')).toEqual([
      ['omnipack', 'Omnipack'],
    ]);
    // Alone, with no cluster word near: not counted. Lower case: not the name.
    expect(found('Omnipack boxes are sold in every shop in town.')).toEqual([]);
    expect(found('Say omnipack when the packaging cluster asks.')).toEqual([]);
  });
});

describe('nameVariants: letter case', () => {
  it('writes camel-case brands and long acronyms in title case; invented words count as the name', () => {
    // Words no language has: their case says nothing.
    expect(variants('SECPhO', 'letter-case')).toEqual(['Secpho']);
    expect(variants('ELINCLUS', 'letter-case')).toEqual(['Elinclus']);
    expect(variants('LITEK', 'letter-case')).toEqual(['Litek']);
    expect(variants('bioPmed', 'letter-case')).toEqual(['Biopmed']);
    // Words, or brands made of words: written otherwise they are the word, so evidence is needed.
    expect(variants('NCE Maritime CleanTech', 'letter-case')).toEqual([
      'NCE Maritime Cleantech (with evidence)',
    ]);
    expect(variants('DREAM', 'letter-case')).toEqual(['Dream (with evidence)']);
    expect(variants('STERN', 'letter-case')).toEqual(['Stern (with evidence)']);
    expect(variants('BioMed Community', 'letter-case')).toEqual([
      'Biomed Community (with evidence)',
    ]);
    // Short acronyms are words too often; a name all in capitals is a headline form already.
    expect(variants('MADE', 'letter-case')).toEqual([]);
    expect(variants('OSSA Defence', 'letter-case')).toEqual([]);
    expect(variants('ASTRICO NORD-EST TEXTILE CLUSTER', 'letter-case')).toEqual([]);
  });
});

describe('variants that would be wrong', () => {
  it('leave a hyphenated compound whole', () => {
    expect(variants('Cluster-TWEED', 'programme-prefix-dropped')).toEqual([]);
    expect(variants('Medizintechnik-Cluster', 'cluster-word-moved')).toEqual([]);
    expect(variants('Medizintechnik-Cluster', 'generic-tail-dropped')).toEqual([]);
  });

  it('never take a name another organisation is written with', () => {
    const table = buildAliasTable([
      testRecord({ id: 'a', name: 'Medtech Kraków Cluster', country: 'PL' }),
      testRecord({ id: 'b', name: 'Cluster Medtech Kraków', country: 'PL' }),
    ]);
    const owners = (text: string) => table.filter((x) => x.text === text).map((x) => x.id);
    // "Cluster Medtech Kraków" moved would be a's variant, but it is b's written name.
    expect(owners('Cluster Medtech Kraków')).toEqual(['b']);
    expect(owners('Medtech Kraków Cluster')).toEqual(['a']);
  });
});
