// @vitest-environment node
import { readdirSync } from 'node:fs';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';

const files = readdirSync('locales').filter((f) => f.endsWith('.yml'));
const keysOf = async (file: string) =>
  (await parseMessagesFile(`locales/${file}`)).map((m) => m.key.join('.')).sort();

describe('locales', () => {
  it('has English and Italian at least', () => {
    expect(files).toEqual(expect.arrayContaining(['en.yml', 'it.yml']));
  });
  it.each(files.filter((f) => f !== 'en.yml'))(
    '%s has exactly the keys of en.yml',
    async (file) => {
      expect(await keysOf(file)).toEqual(await keysOf('en.yml'));
    },
  );
});
