import type { GeneratedI18nStructure } from '#i18n';
import { messagesLocale } from '~/utils/locale';

/**
 * Plural messages with the CLDR plural categories, for every language we ship.
 *
 * @wxt-dev/i18n's own plurals (`1:` / `n:`) only know "one" and "many", which is wrong for
 * Polish (1 organizacja, 2–4 and 22 organizacje, 5–21 organizacji) and for French (0 is
 * singular). So a plural message is a group with one key per category, the same keys in every
 * locale, filled by each language as its grammar needs (English repeats its `other` form):
 *
 *     organisations:
 *       none: No organisations   # optional: exactly 0, in every language
 *       one: $1 organisation
 *       few: $1 organisations
 *       many: $1 organisations
 *       other: $1 organisations
 *
 * `none` is for a sentence that says "no …" instead of "0 …". A group whose `one` form does not
 * show the number must have one (in French, `one` also covers 0); tests/unit/locales.test.ts
 * checks that, and that every group has the four categories.
 */
export const PLURAL_CATEGORIES = ['one', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

type MessageKey = keyof GeneratedI18nStructure;
/** Every message group with plural forms: `foo.bar` for `foo.bar.other`. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Group}.other` ? Group : never;
}[MessageKey];
/** The plural groups with a `none` form (other groups, like `label`, may have a `none` message). */
type NoneKey = {
  [K in MessageKey]: K extends `${infer Group}.none` ? Extract<Group, PluralKey> : never;
}[MessageKey];

/**
 * The groups with a `none` form, so that `plural` never asks for a message that does not exist
 * (Firefox logs an error for each). The type makes this list complete: after `wxt prepare`, a
 * `none` form added to or removed from en.yml fails the type check until it is listed here.
 */
const HAS_NONE: Record<NoneKey, true> = {
  'details.sources': true,
  'search.results': true,
  'options.data.problemCount': true,
  'options.data.addedCount': true,
  'options.data.changedCount': true,
  'options.data.removedCount': true,
  'options.data.unchangedCount': true,
  'options.data.more': true,
  'options.data.applied': true,
};

const messageName = (key: string) => key.replaceAll('.', '_');
const pluralRules = new Map<string, Intl.PluralRules>();

/** The CLDR category of `count` in the messages' language; `other` for ones we do not store. */
export function pluralCategory(count: number, locale = messagesLocale()): PluralCategory {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  const category = rules.select(count);
  return (PLURAL_CATEGORIES as readonly string[]).includes(category)
    ? (category as PluralCategory)
    : 'other';
}

/**
 * The form of the plural message `key` for `count`. `$1` is `count` formatted for the messages'
 * language ("1,234" in English, "1 234" in French) unless `substitutions` are given.
 */
export function plural(key: PluralKey, count: number, substitutions?: string[]): string {
  const subs = substitutions ?? [count.toLocaleString(messagesLocale())];
  const form = count === 0 && key in HAS_NONE ? 'none' : pluralCategory(count);
  const message = browser.i18n.getMessage(messageName(`${key}.${form}`), subs);
  if (message !== '' || form === 'other') return message;
  return browser.i18n.getMessage(messageName(`${key}.other`), subs);
}
