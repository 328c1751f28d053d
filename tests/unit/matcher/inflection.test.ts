import { describe, expect, it } from 'vitest';
import type { AliasRule } from '../../../lib/dataset/model';
import {
  compileMatcher,
  deserializeMatcher,
  matchText,
  serializeMatcher,
  type SerializedMatcher,
} from '../../../lib/matcher';
import {
  INFLECTING_LANGUAGES,
  MAX_ENDING_UNITS,
  endingsOf,
  gradedForm,
  inflectingLanguageOf,
  isInflectionOf,
  stemLengths,
  type InflectingLanguage,
} from '../../../lib/matcher/inflection';
import { normalizeString } from '../../../lib/matcher/normalize';
import { buildAliasTable } from '../../../lib/dataset/alias-table';
import { gradedName } from '../../../lib/dataset/name-variants';
import { testRecord } from '../record-fixture';

const alias = (text: string, inflect?: InflectingLanguage, extra: Partial<AliasRule> = {}) =>
  ({
    text,
    id: text.toLowerCase().replace(/\W+/gu, '-'),
    kind: 'name',
    caseSensitive: false,
    needsContext: false,
    ...(inflect ? { inflect } : {}),
    ...extra,
  }) satisfies AliasRule;

const found = (aliases: AliasRule[], text: string) =>
  matchText(compileMatcher(aliases), text).map((m) => m.text);

describe('ending tables', () => {
  it('are written as the normaliser folds them, short, without duplicates', () => {
    for (const language of INFLECTING_LANGUAGES) {
      const endings = endingsOf(language);
      expect(new Set(endings).size, language).toBe(endings.length);
      for (const ending of endings) {
        expect(ending.length, `${language} ${ending}`).toBeLessThanOrEqual(MAX_ENDING_UNITS);
        if (ending !== '') expect(normalizeString(ending), language).toBe(ending);
      }
    }
  });

  it('hold no derivational suffix that would turn one word into another', () => {
    for (const language of INFLECTING_LANGUAGES) {
      const endings = endingsOf(language);
      for (const suffix of ['work', 'ing', 'owy', 'ka', 'ostni', 'ers'])
        expect(endings, `${language} ${suffix}`).not.toContain(suffix);
    }
    // Hungarian -os makes an adjective (omnipackos); in Lithuanian -os is a genitive.
    expect(endingsOf('hu')).not.toContain('os');
  });

  it('map the countries that decline names to their language, and no other', () => {
    expect(inflectingLanguageOf('PL')).toBe('pl');
    expect(inflectingLanguageOf('GR')).toBe('el');
    expect(inflectingLanguageOf('HU')).toBe('hu');
    expect(inflectingLanguageOf('DE')).toBeUndefined();
    expect(inflectingLanguageOf('FR')).toBeUndefined();
    expect(inflectingLanguageOf(null)).toBeUndefined();
    expect(inflectingLanguageOf('BG')).toBe('bg');
    expect(inflectingLanguageOf('UA')).toBe('uk');
    // Serbia's, Montenegro's and Bosnia's names in the dataset are all in Latin letters.
    expect(inflectingLanguageOf('RS')).toBe('hr');
    expect(inflectingLanguageOf('MK')).toBeUndefined();
  });
});

describe('isInflectionOf', () => {
  it.each([
    ['pl', 'przemyslowego', 'przemyslowy'],
    ['pl', 'przemyslowej', 'przemyslowa'],
    ['pl', 'dolinie', 'dolina'],
    ['pl', 'krakowa', 'krakow'],
    ['cs', 'narodniho', 'narodni'],
    ['cs', 'strojirenskym', 'strojirensky'],
    ['sk', 'slovenskeho', 'slovensky'],
    ['sl', 'gradbenega', 'gradbeni'],
    ['hr', 'hrvatskog', 'hrvatski'],
    ['lt', 'klasterio', 'klasteris'],
    ['lt', 'lietuvos', 'lietuva'],
    ['lv', 'entergaujas', 'entergauja'],
    ['et', 'tehnopolis', 'tehnopol'],
    ['et', 'estoniaga', 'estonia'],
    ['fi', 'arktisen', 'arktinen'],
    ['fi', 'oulun', 'oulu'],
    ['hu', 'omnipackban', 'omnipack'],
    ['hu', 'omnipackkal', 'omnipack'],
    ['el', 'ελληνικου', 'ελληνικοσ'],
    ['fi', 'arktisten', 'arktiset'],
    ['fi', 'arktisissa', 'arktiset'],
    ['bg', 'българският', 'българскии'],
    ['bg', 'българския', 'български'],
    ['bg', 'мебелният', 'мебелен'],
    ['bg', 'средногорието', 'средногорие'],
    ['uk', 'харківського', 'харківськии'],
    ['uk', 'харківському', 'харківськии'],
    ['uk', 'асоціаціі', 'асоціація'],
    ['uk', 'асоціацією', 'асоціація'],
  ] as const)('%s: %s is a form of %s', (language, page, word) => {
    expect(isInflectionOf(page, word, language)).toBe(true);
  });

  it.each([
    // Too short to decline: "net" never becomes "network" or "nets".
    ['pl', 'network', 'net'],
    ['hu', 'neten', 'net'],
    // A derivational suffix, a different word on the same stem, or an ending of another language.
    ['pl', 'dolinka', 'dolina'],
    ['cs', 'narodnostniho', 'narodni'],
    ['hu', 'omnipackos', 'omnipack'],
    ['hu', 'omnipackmal', 'omnipack'],
    ['fi', 'arktisuus', 'arktinen'],
    ['pl', 'omnipackban', 'omnipack'],
    ['lt', 'przemyslowego', 'przemyslowy'],
    // The stem itself must be the alias's.
    ['pl', 'dolnej', 'dolina'],
    // The country is not its adjective; a furniture maker is not furniture; the city is not
    // the city's adjective.
    ['bg', 'българия', 'български'],
    ['bg', 'мебелист', 'мебелен'],
    ['uk', 'харків', 'харківськии'],
    ['uk', 'асоціативнии', 'асоціація'],
    // Bulgarian endings on a Ukrainian word and the other way round.
    ['uk', 'българският', 'български'],
    ['bg', 'харківського', 'харківськии'],
  ] as const)('%s: %s is not a form of %s', (language, page, word) => {
    expect(isInflectionOf(page, word, language)).toBe(false);
  });

  it('never gives a stem shorter than three letters', () => {
    expect(stemLengths('rada', 'pl').every((n) => n >= 3)).toBe(true);
    expect(stemLengths('ict', 'pl')).toEqual([]);
  });

  it('gives a word in Latin letters no stem in a language of Cyrillic endings', () => {
    expect(stemLengths('kharkiv', 'uk')).toEqual([]);
    expect(stemLengths('synergy', 'bg')).toEqual([]);
    expect(stemLengths(normalizeString('Харківський'), 'uk').length).toBeGreaterThan(0);
    expect(compileMatcher([alias('Green Synergy Cluster', 'bg')]).stemJumps.length).toBe(0);
  });
});

describe('gradedForm', () => {
  it.each([
    // Finnish -s stems: -us/-ys/-os after a consonant, -Vus/-Vys, and -kas/-käs.
    ['fi', 'Teknologiakeskus', 'Teknologiakeskuksen'],
    ['fi', 'Osaamiskeskus', 'Osaamiskeskuksen'],
    ['fi', 'yritys', 'yrityksen'],
    ['fi', 'tulos', 'tuloksen'],
    ['fi', 'teollisuus', 'teollisuuden'],
    ['fi', 'kiertotalous', 'kiertotalouden'],
    ['fi', 'älykäs', 'älykkään'],
    ['fi', 'tehokas', 'tehokkaan'],
    // Finnish consonant gradation of the last syllable.
    ['fi', 'kauppa', 'kaupan'],
    ['fi', 'tekniikka', 'tekniikan'],
    ['fi', 'Lappi', 'Lapin'],
    ['fi', 'HealthTurku', 'HealthTurun'],
    ['fi', 'Satakunta', 'Satakunnan'],
    ['fi', 'kulta', 'kullan'],
    ['fi', 'parta', 'parran'],
    ['fi', 'kampa', 'kamman'],
    ['fi', 'Helsinki', 'Helsingin'],
    ['fi', 'tieto', 'tiedon'],
    ['fi', 'leipä', 'leivän'],
    ['fi', 'pöytä', 'pöydän'],
    // Estonian: -er/-el lose the e, -line/-lne adjectives, and the grades of common heads.
    ['et', 'klaster', 'klastri'],
    ['et', 'puitmajaklaster', 'puitmajaklastri'],
    ['et', 'meister', 'meistri'],
    ['et', 'digitaalne', 'digitaalse'],
    ['et', 'tehnoloogiline', 'tehnoloogilise'],
    ['et', 'maakond', 'maakonna'],
    ['et', 'Keskliit', 'Keskliidu'],
    ['et', 'Teaduspark', 'Teaduspargi'],
    ['et', 'Kaubanduskoda', 'Kaubanduskoja'],
    ['et', 'ettevõte', 'ettevõtte'],
  ] as const)('%s: the genitive of %s is %s', (language, word, genitive) => {
    expect(gradedForm(word, language)).toBe(genitive);
  });

  it.each([
    // Stems that do not change, or take their ending from the table.
    ['fi', 'Oulu'],
    ['fi', 'Tampere'],
    ['fi', 'Arktinen'],
    ['fi', 'muotoilu'],
    ['et', 'keskus'],
    ['et', 'Tehnopol'],
    // st, sk, tk never grade in Finnish.
    ['fi', 'matka'],
    ['fi', 'Kotka'],
    ['fi', 'verkosto'],
    // English words of Finnish names: back and front vowels mixed, or a final y.
    ['fi', 'Safety'],
    ['fi', 'Community'],
    ['fi', 'City'],
    // Acronyms, short words, and the languages without stem changes.
    ['fi', 'KESKUS'],
    ['fi', 'net'],
    ['pl', 'kauppa'],
    ['hu', 'keskus'],
    ['uk', 'Харківський'],
  ] as const)('%s: %s has no changed stem', (language, word) => {
    expect(gradedForm(word, language)).toBeNull();
  });
});

describe('the matcher with stems that change', () => {
  const table = (name: string, country: string) =>
    buildAliasTable([testRecord({ id: 'x', name, country })]);
  const foundIn = (name: string, country: string, text: string) =>
    matchText(compileMatcher(table(name, country)), text).map((m) => m.text);

  it('finds a Finnish name whose last word changes its stem, in any case on that stem', () => {
    const name = 'Turun Teknologiakeskus';
    expect(foundIn(name, 'FI', 'Vierailimme Turun Teknologiakeskuksessa.')).toEqual([
      'Turun Teknologiakeskuksessa',
    ]);
    expect(foundIn(name, 'FI', 'Turun Teknologiakeskukseen tuli uusi johtaja.')).toEqual([
      'Turun Teknologiakeskukseen',
    ]);
    expect(foundIn(name, 'FI', 'Turun Teknologiakeskuksen tilat')).toEqual([
      'Turun Teknologiakeskuksen',
    ]);
  });

  it('finds an Estonian name whose word lost its e, in any case on that stem', () => {
    expect(
      foundIn('Eesti puitmajaklaster', 'EE', 'Eesti puitmajaklastrisse astus kaks firmat.'),
    ).toEqual(['Eesti puitmajaklastrisse']);
  });

  it('applies only to the languages whose stems change, and keeps the rule of the name', () => {
    expect(table('Turun Teknologiakeskus', 'SE').map((a) => a.text)).toEqual([
      'Turun Teknologiakeskus',
    ]);
    expect(table('Turun Teknologiakeskus', 'PL').map((a) => a.text)).toEqual([
      'Turun Teknologiakeskus',
    ]);
    const graded = table('Turun Teknologiakeskus', 'FI');
    expect(graded.map((a) => [a.text, a.variant?.rule, a.inflect])).toEqual([
      ['Turun Teknologiakeskus', undefined, 'fi'],
      ['Turun Teknologiakeskuksen', 'stem-graded', 'fi'],
    ]);
    expect(graded[1]?.variant?.of).toBe('Turun Teknologiakeskus');
    const common = buildAliasTable([
      testRecord({ id: 'k', name: 'Keskus', country: 'FI', city: 'Turku', match: 'strict' }),
    ]);
    expect(common.map((a) => [a.text, a.caseSensitive, a.needsContext, a.places])).toEqual([
      ['Keskus', true, true, ['Turku', 'Åbo']],
      ['Keskuksen', true, true, ['Turku', 'Åbo']],
    ]);
  });

  it('leaves a form the data writes to the row that writes it', () => {
    const rows = [
      testRecord({ id: 'a', name: 'Turun Teknologiakeskus', country: 'FI' }),
      testRecord({ id: 'b', name: 'Vaasan Keskus', country: 'FI', aliases: ['Vaasan Keskuksen'] }),
      testRecord({ id: 'c', name: 'Other', aliases: ['Turun Teknologiakeskuksen'] }),
    ];
    const kinds = buildAliasTable(rows).map((a) => [a.id, a.text, a.variant?.rule ?? a.kind]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['b', 'Vaasan Keskuksen', 'alias'],
        ['c', 'Turun Teknologiakeskuksen', 'alias'],
      ]),
    );
    expect(kinds.filter(([, , rule]) => rule === 'stem-graded')).toEqual([]);
  });

  it('never makes "net" a "network", nor changes an acronym', () => {
    expect(foundIn('Green Net Finland', 'FI', 'Green Network Finland')).toEqual([]);
    expect(gradedName('KESKUS Oy', 'fi')).toBeNull();
    expect(gradedName('Klaster Keskliit', 'et')).toBe('Klaster Keskliidu');
    // The cluster word has its own forms (name-variants.ts): "Klaster" is not changed here.
    expect(gradedName('Klaster Viru', 'et')).toBeNull();
  });
});

describe('the matcher with declining aliases', () => {
  it('matches a name with its words in another case of its language, and only of its language', () => {
    const polish = [alias('Dolina Lotnicza', 'pl')];
    expect(found(polish, 'Firmy z Doliny Lotniczej rosną.')).toEqual(['Doliny Lotniczej']);
    expect(found([alias('Dolina Lotnicza', 'hu')], 'Firmy z Doliny Lotniczej rosną.')).toEqual([]);
    expect(found([alias('Dolina Lotnicza')], 'Firmy z Doliny Lotniczej rosną.')).toEqual([]);
  });

  it('leaves short words and acronyms as written', () => {
    expect(found([alias('Polo NET', 'pl')], 'Polo NETwork and Polo NETu')).toEqual([]);
    expect(found([alias('Klaster BKEE', 'pl')], 'Klaster BKEEa')).toEqual([]);
    expect(found([alias('Klaster Lodz 24', 'pl')], 'Klaster Lodzi 24')).toEqual([
      'Klaster Lodzi 24',
    ]);
  });

  it('never declines the cluster word itself (its forms are variants of the data build)', () => {
    expect(found([alias('Klaster Mazowsze', 'pl')], 'Klasterem Mazowsze')).toEqual([]);
  });

  it('prefers a name written exactly so to one it would have to decline', () => {
    const aliases = [
      alias('Cluster Mechatronik', undefined, { id: 'at' }),
      alias('Cluster Mechatronika', 'cs', { id: 'cz' }),
    ];
    const matches = matchText(compileMatcher(aliases), 'The Cluster Mechatronik met.');
    expect(matches.map((m) => [m.id, m.text])).toEqual([['at', 'Cluster Mechatronik']]);
  });

  it('keeps the letter case of a case-sensitive alias on the stem', () => {
    const aliases = [alias('Klastra LifeScience Kraków', 'pl', { caseSensitive: true })];
    expect(found(aliases, 'z Klastra LifeScience Krakowa')).toEqual([
      'Klastra LifeScience Krakowa',
    ]);
    expect(found(aliases, 'z klastra LifeScience Krakowa')).toEqual([]);
    expect(found(aliases, 'z Klastra Lifescience Krakowa')).toEqual([]);
    expect(found(aliases, 'Z KLASTRA LIFESCIENCE KRAKOWA')).toEqual([
      'KLASTRA LIFESCIENCE KRAKOWA',
    ]);
  });

  it('keeps its stem jumps through serialisation', () => {
    const aliases = [alias('Bałtycki Klaster Ekoenergetyczny', 'pl'), alias('Omnipack', 'hu')];
    const matcher = compileMatcher(aliases);
    const data = JSON.parse(JSON.stringify(serializeMatcher(matcher))) as SerializedMatcher;
    const again = deserializeMatcher(data);
    expect(again.stemJumps).toEqual(matcher.stemJumps);
    const text = 'Bałtyckiego Klaster Ekoenergetycznego i Omnipackkal';
    expect(matchText(again, text).map((m) => m.text)).toEqual([
      'Bałtyckiego Klaster Ekoenergetycznego',
      'Omnipackkal',
    ]);
    for (const format of [1, 2]) {
      expect(() => deserializeMatcher({ ...data, format } as unknown as SerializedMatcher)).toThrow(
        /format/,
      );
    }
  });
});
