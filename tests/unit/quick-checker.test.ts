import { describe, expect, it, vi } from 'vitest';
import type { AliasRule, Dataset } from '~/lib/dataset/model';
import { aliasFingerprint, toPageData, type PageData } from '~/lib/dataset/page-data';
import { candidateWords, compileMatcher } from '~/lib/matcher';
import { QuickChecker } from '~/utils/quick-checker';

const valorial: AliasRule = {
  text: 'Valorial',
  id: 'valorial',
  kind: 'name',
  caseSensitive: false,
  needsContext: false,
};
const act: AliasRule = {
  text: 'ACT',
  id: 'act',
  kind: 'acronym',
  caseSensitive: true,
  needsContext: true,
};

function pageData(aliases: AliasRule[]): PageData {
  return toPageData({ asOf: '2026-01', records: [], aliases } as unknown as Dataset);
}

describe('aliasFingerprint', () => {
  it('changes with what matching depends on, and only with that', () => {
    const base = aliasFingerprint([valorial, act]);
    expect(aliasFingerprint([valorial, act])).toBe(base);
    expect(aliasFingerprint([valorial])).not.toBe(base);
    expect(aliasFingerprint([{ ...valorial, text: 'Valorial2' }, act])).not.toBe(base);
    expect(aliasFingerprint([{ ...valorial, id: 'other' }, act])).not.toBe(base);
    expect(aliasFingerprint([valorial, { ...act, caseSensitive: false }])).not.toBe(base);
    // Evidence rules do not change what the quick check finds.
    expect(aliasFingerprint([valorial, { ...act, needsContext: false }])).toBe(base);
    // Field boundaries count: `ab`+`c` is not `a`+`bc`.
    expect(aliasFingerprint([{ ...valorial, id: 'ab', text: 'c' }])).not.toBe(
      aliasFingerprint([{ ...valorial, id: 'a', text: 'bc' }]),
    );
  });
});

describe('QuickChecker', () => {
  it('says whether a text holds any alias, evidence and letter case rules as the matcher has them', async () => {
    const data = pageData([valorial, act]);
    const checker = new QuickChecker(() => Promise.resolve(data));
    const check = (text: string) => checker.check({ text, fingerprint: data.fingerprint });
    expect((await check('News from the VALORIAL network')).mayMention).toBe(true);
    // A common-word alias counts even without evidence: only the full scan can weigh that.
    expect((await check('They passed the ACT.')).mayMention).toBe(true);
    expect((await check('They had to act fast.')).mayMention).toBe(false);
    expect((await check('')).mayMention).toBe(false);
  });

  it('reads the dataset once and keeps the matcher warm', async () => {
    const data = pageData([valorial]);
    const load = vi.fn(() => Promise.resolve(data));
    const checker = new QuickChecker(load);
    for (let k = 0; k < 5; k++) await checker.check({ text: 'x', fingerprint: data.fingerprint });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('rereads the dataset when a page names another table, and declines if it still differs', async () => {
    const old = pageData([valorial]);
    const imported = pageData([valorial, act]);
    const load = vi
      .fn<() => Promise<PageData>>()
      .mockResolvedValueOnce(old)
      .mockResolvedValueOnce(imported)
      .mockResolvedValue(imported);
    const checker = new QuickChecker(load);
    await checker.check({ text: 'x', fingerprint: old.fingerprint });
    // The page has seen the import first: the checker catches up.
    expect(
      (await checker.check({ text: 'ACT', fingerprint: imported.fingerprint })).mayMention,
    ).toBe(true);
    // A table it cannot find: no answer, so the page scans the full way.
    expect(await checker.check({ text: 'Valorial', fingerprint: old.fingerprint })).toEqual({
      mayMention: null,
      ms: 0,
    });
  });

  it('forgets a failed read, so the next page tries again', async () => {
    const data = pageData([valorial]);
    const load = vi
      .fn<() => Promise<PageData>>()
      .mockRejectedValueOnce(new Error('storage busy'))
      .mockResolvedValue(data);
    const checker = new QuickChecker(load);
    await expect(checker.check({ text: 'x', fingerprint: data.fingerprint })).rejects.toThrow(
      'storage busy',
    );
    expect(
      (await checker.check({ text: 'Valorial', fingerprint: data.fingerprint })).mayMention,
    ).toBe(true);
  });

  it('starts over after reset (an import applied or removed)', async () => {
    const data = pageData([valorial]);
    const load = vi.fn(() => Promise.resolve(data));
    const checker = new QuickChecker(load);
    await checker.check({ text: 'x', fingerprint: data.fingerprint });
    checker.reset();
    await checker.check({ text: 'x', fingerprint: data.fingerprint });
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('candidateWords', () => {
  const rule = (text: string, id: string): AliasRule => ({
    text,
    id,
    kind: 'name',
    caseSensitive: false,
    needsContext: false,
  });
  const matcher = compileMatcher([
    rule('Cap Digital', 'cap-digital'),
    rule('Digital Cluster Lab', 'dcl'),
    rule('Pôle Mer', 'pole-mer'),
  ]);

  it('lists the lower-cased words of every occurrence, once each', () => {
    expect(candidateWords(matcher, 'CAP DIGITAL met Pôle  Mer and cap digital')).toEqual([
      'cap',
      'digital',
      'pôle',
      'mer',
    ]);
    expect(candidateWords(matcher, 'nothing to see')).toEqual([]);
  });

  it('keeps the words of a longer match that swallowed the start of another name', () => {
    // Rendered text joins two list items with a line break: the leftmost-longest match is
    // "Cap Digital" across them, and "Digital" is the word the second item's name starts with.
    expect(candidateWords(matcher, 'Cap\nDigital Cluster Lab opens')).toEqual(['cap', 'digital']);
  });

  it('gives up past the limit, so every block is matched', () => {
    const many = compileMatcher(
      Array.from({ length: 20 }, (_, k) => rule(`Name${k} Cluster`, `n${k}`)),
    );
    const text = Array.from({ length: 20 }, (_, k) => `Name${k} Cluster`).join(', ');
    expect(candidateWords(many, text, 10)).toBeNull();
    expect(candidateWords(many, text, 100)).toHaveLength(21);
  });
});
