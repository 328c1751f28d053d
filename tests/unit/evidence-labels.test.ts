// @vitest-environment node
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_MESSAGE } from '~/lib/evidence-labels';
import { EVIDENCE_KINDS } from '~/lib/matcher';

const LOCALES = ['en', 'de', 'fr', 'es', 'it', 'pl'];

describe('evidence labels', () => {
  it('give every evidence kind a message in all six locales', async () => {
    expect(Object.keys(EVIDENCE_MESSAGE).sort()).toEqual([...EVIDENCE_KINDS].sort());
    for (const locale of LOCALES) {
      const parsed = await parseMessagesFile(`locales/${locale}.yml`);
      const messages = new Map(
        parsed.map((m) => [m.key.join('.'), 'message' in m ? String(m.message) : '']),
      );
      for (const key of Object.values(EVIDENCE_MESSAGE)) {
        expect(messages.get(key), `${locale}: ${key}`).toMatch(/\S/);
      }
    }
  });
});
