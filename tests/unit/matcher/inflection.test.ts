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
  inflectingLanguageOf,
  isInflectionOf,
  stemLengths,
  type InflectingLanguage,
} from '../../../lib/matcher/inflection';
import { normalizeString } from '../../../lib/matcher/normalize';

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
  ] as const)('%s: %s is not a form of %s', (language, page, word) => {
    expect(isInflectionOf(page, word, language)).toBe(false);
  });

  it('never gives a stem shorter than three letters', () => {
    expect(stemLengths('rada', 'pl').every((n) => n >= 3)).toBe(true);
    expect(stemLengths('ict', 'pl')).toEqual([]);
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
