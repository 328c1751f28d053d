// @vitest-environment node
import { readdirSync } from 'node:fs';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { PLURAL_CATEGORIES } from '~/utils/plural';

/** The languages the extension ships; every one must have every message of en.yml. */
const LANGUAGES = ['de', 'en', 'es', 'fr', 'it', 'pl'];

const files = readdirSync('locales').filter((f) => f.endsWith('.yml'));
const others = files.filter((f) => f !== 'en.yml');

type Messages = Map<string, string>;
async function messagesOf(file: string): Promise<Messages> {
  const parsed = await parseMessagesFile(`locales/${file}`);
  return new Map(
    parsed.map((m) => [m.key.join('.'), 'message' in m ? String(m.message) : '<plural>']),
  );
}

/** The `$1`…`$9` a message substitutes, each once, in order; `$$` is a literal dollar. */
function placeholders(message: string): string[] {
  const found = [...message.matchAll(/\$\$|\$([1-9])/g)].flatMap((m) => m[1] ?? []);
  return [...new Set(found)].sort();
}

/** Groups with plural forms: every key path that has an `other` child. */
function pluralGroups(messages: Messages): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const key of messages.keys()) {
    const dot = key.lastIndexOf('.');
    if (dot < 0) continue;
    const group = key.slice(0, dot);
    groups.set(group, [...(groups.get(group) ?? []), key.slice(dot + 1)]);
  }
  return new Map([...groups].filter(([, forms]) => forms.includes('other')));
}

describe('locales', () => {
  it('has a messages file for each language we ship', () => {
    expect(files).toEqual(expect.arrayContaining(LANGUAGES.map((l) => `${l}.yml`)));
  });

  it.each(others)('%s has exactly the keys of en.yml', async (file) => {
    const keys = [...(await messagesOf(file)).keys()].sort();
    expect(keys).toEqual([...(await messagesOf('en.yml')).keys()].sort());
  });

  it.each(others)(
    '%s substitutes the same placeholders as en.yml in every message',
    async (file) => {
      const en = await messagesOf('en.yml');
      const messages = await messagesOf(file);
      const mismatched = [...en]
        .map(([key, message]) => ({
          key,
          en: placeholders(message).join(' '),
          [file]: placeholders(messages.get(key) ?? '').join(' '),
        }))
        .filter((m) => m.en !== m[file]);
      expect(mismatched).toEqual([]);
    },
  );

  it.each(files)('%s has no empty message', async (file) => {
    const empty = [...(await messagesOf(file))].filter(([, m]) => m.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(files)('%s names its own language in `locale`', async (file) => {
    const locale = (await messagesOf(file)).get('locale');
    expect(locale).toBe(file.replace(/\.yml$/, ''));
    // Supported by Intl as itself, not by falling back to another language's rules.
    expect(Intl.PluralRules.supportedLocalesOf([locale!])).toEqual([locale]);
  });

  it.each(files)('%s keeps the extension name and describes it', async (file) => {
    const messages = await messagesOf(file);
    expect(messages.get('extName')).toBe('Cluster Lens');
    expect(messages.get('extDescription')).toMatch(/Cluster Management Excellence.*ECCP/);
    // The Chrome Web Store takes at most 132 characters.
    expect(messages.get('extDescription')!.length).toBeLessThanOrEqual(132);
  });

  it.each(files)('%s converts to Chrome messages with valid names', async (file) => {
    const chrome = generateChromeMessages(await parseMessagesFile(`locales/${file}`));
    const names = Object.keys(chrome).filter((n) => !n.startsWith('@@'));
    expect(names.filter((n) => !/^[A-Za-z0-9_]+$/.test(n))).toEqual([]);
  });

  describe('plurals', () => {
    it.each(files)(
      '%s uses CLDR categories, not the 0/1/n forms of @wxt-dev/i18n',
      async (file) => {
        const parsed = await parseMessagesFile(`locales/${file}`);
        expect(parsed.filter((m) => m.type === 'plural').map((m) => m.key.join('.'))).toEqual([]);
      },
    );

    it.each(files)(
      '%s has one, few, many and other (and maybe none) in every group',
      async (file) => {
        const groups = pluralGroups(await messagesOf(file));
        expect(groups.size).toBeGreaterThan(0);
        for (const [group, forms] of groups) {
          expect({ group, forms: forms.filter((f) => f !== 'none').sort() }).toEqual({
            group,
            forms: [...PLURAL_CATEGORIES].sort(),
          });
        }
      },
    );

    it.each(LANGUAGES)('the four categories are all that %s grammar needs', (language) => {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      expect(PLURAL_CATEGORIES).toEqual(expect.arrayContaining(categories));
    });

    it('gives 0 its own form wherever the singular leaves the number out', async () => {
      // French uses `one` for 0 as well as 1: "Une organisation ajoutée" must not stand for 0.
      const en = await messagesOf('en.yml');
      const missing = [...pluralGroups(en)]
        .filter(
          ([group, forms]) => !forms.includes('none') && !en.get(`${group}.one`)!.includes('$1'),
        )
        .map(([group]) => group);
      expect(missing).toEqual([]);
    });
  });
});
