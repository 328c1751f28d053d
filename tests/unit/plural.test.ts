import { describe, expect, it } from 'vitest';
import { inLanguage } from './in-language';
import { uiLocale } from '~/utils/locale';
import { messagesLocale } from '~/utils/locale';
import { plural, pluralCategory } from '~/utils/plural';

const forms = (key: Parameters<typeof plural>[0], counts: number[]) =>
  counts.map((n) => plural(key, n));

describe('plural categories', () => {
  it('English: one for 1 only', () => {
    expect([0, 1, 2, 5, 21, 1.5].map((n) => pluralCategory(n, 'en'))).toEqual([
      'other',
      'one',
      'other',
      'other',
      'other',
      'other',
    ]);
  });

  it('French: 0 and 1 are singular, and millions take many', () => {
    expect([0, 1, 1.5, 2, 100, 1_000_000].map((n) => pluralCategory(n, 'fr'))).toEqual([
      'one',
      'one',
      'one',
      'other',
      'other',
      'many',
    ]);
  });

  it('Polish: one, few for 2–4 and 22–24, many for 0, 5–21 and 25, other for fractions', () => {
    const counts = [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 24, 25, 102, 112, 1.5];
    expect(counts.map((n) => pluralCategory(n, 'pl'))).toEqual([
      'many',
      'one',
      'few',
      'few',
      'many',
      'many',
      'many',
      'many',
      'many',
      'few',
      'few',
      'many',
      'few',
      'many',
      'other',
    ]);
  });

  it('Italian: one for 1 only, many for millions', () => {
    expect([0, 1, 2, 1_000_000].map((n) => pluralCategory(n, 'it'))).toEqual([
      'other',
      'one',
      'other',
      'many',
    ]);
  });

  it('falls back to other for categories no shipped language stores', () => {
    // Arabic has `zero` and `two`; the messages have neither.
    expect(pluralCategory(0, 'ar')).toBe('other');
    expect(pluralCategory(2, 'ar')).toBe('other');
    expect(pluralCategory(3, 'ar')).toBe('few');
  });
});

describe('plural messages', () => {
  it('English', async () => {
    await inLanguage('en');
    expect(forms('dataset.organisations', [0, 1, 2, 1234])).toEqual([
      '0 organisations',
      '1 organisation',
      '2 organisations',
      '1,234 organisations',
    ]);
    expect(forms('options.data.addedCount', [0, 1, 3])).toEqual([
      'No organisations added',
      'One organisation added',
      '3 organisations added',
    ]);
  });

  it('Polish: 1 organizacja, 2–4 and 22 organizacje, 5–21 organizacji', async () => {
    await inLanguage('pl');
    expect(forms('dataset.organisations', [1, 2, 4, 5, 12, 21, 22, 25, 0])).toEqual([
      '1 organizacja',
      '2 organizacje',
      '4 organizacje',
      '5 organizacji',
      '12 organizacji',
      '21 organizacji',
      '22 organizacje',
      '25 organizacji',
      '0 organizacji',
    ]);
    expect(forms('popup.mentions', [1, 3, 5])).toEqual(['1 wzmianka', '3 wzmianki', '5 wzmianek']);
    expect(forms('options.sites.added', [1, 2, 5])).toEqual([
      'Dodano 1 witrynę',
      'Dodano 2 witryny',
      'Dodano 5 witryn',
    ]);
    expect(plural('search.results', 12_345)).toBe('12\u00a0345 organizacji');
  });

  it('French: 0 and 1 singular, numbers grouped the French way', async () => {
    await inLanguage('fr');
    expect(forms('dataset.organisations', [0, 1, 2])).toEqual([
      '0 organisation',
      '1 organisation',
      '2 organisations',
    ]);
    // A form that leaves the number out has its own sentence for 0.
    expect(forms('options.data.removedCount', [0, 1, 2])).toEqual([
      'Aucune organisation supprimée',
      'Une organisation supprimée',
      '2 organisations supprimées',
    ]);
    expect(plural('popup.mentions', 1_000_000)).toBe('1\u202f000\u202f000 mentions');
  });

  it('Italian', async () => {
    await inLanguage('it');
    expect(forms('dataset.organisations', [0, 1, 2, 1000])).toEqual([
      '0 organizzazioni',
      '1 organizzazione',
      '2 organizzazioni',
      '1000 organizzazioni',
    ]);
  });

  it('German and Spanish', async () => {
    await inLanguage('de');
    expect(forms('popup.foundOnPage', [1, 2, 1234])).toEqual([
      '1 Organisation auf dieser Seite',
      '2 Organisationen auf dieser Seite',
      '1.234 Organisationen auf dieser Seite',
    ]);
    await inLanguage('es');
    expect(forms('popup.mentions', [0, 1, 2])).toEqual(['0 menciones', '1 mención', '2 menciones']);
  });

  it('uses the given substitutions instead of the count', async () => {
    await inLanguage('en');
    expect(plural('details.sources', 1)).toBe('Source');
    expect(plural('details.sources', 3, ['three'])).toBe('Sources (three)');
  });
});

describe('the locale of the messages, for plurals, numbers and dates', () => {
  it('is the UI language when the messages are in that language', async () => {
    await inLanguage('fr-CA', 'fr');
    expect(messagesLocale()).toBe('fr-CA');
    await inLanguage('pl', 'pl');
    expect(messagesLocale()).toBe('pl');
  });

  it("is the messages' language when the browser fell back to English", async () => {
    // Portuguese counts 0 as singular, Russian 21: English messages need English rules.
    await inLanguage('pt-BR', 'en');
    expect(messagesLocale()).toBe('en');
    expect(plural('dataset.organisations', 0)).toBe('0 organisations');
    await inLanguage('ru', 'en');
    expect(plural('dataset.organisations', 21)).toBe('21 organisations');
  });

  it('follows the messages when the browser reports another UI language', async () => {
    // Headless Chromium with --lang=pl shows the Polish messages but reports en-US.
    await inLanguage('en-US', 'pl');
    expect(messagesLocale()).toBe('pl');
    expect(uiLocale()).toBe('pl');
    expect(plural('dataset.organisations', 22_222)).toBe('22\u00a0222 organizacje');
  });
});
