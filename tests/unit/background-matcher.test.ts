import { describe, expect, it, vi } from 'vitest';
import type { AliasRule, Dataset } from '~/lib/dataset/model';
import { aliasFingerprint, pageMatcher, toPageData, type PageData } from '~/lib/dataset/page-data';
import { checkText, compileMatcher } from '~/lib/matcher';
import type { PageTable } from '~/lib/messages';
import type { ActiveMatching } from '~/utils/active-matching';
import { BackgroundMatcher } from '~/utils/background-matcher';

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

/** Page data with its matcher, as the background loads them. */
function compiled(data: PageData): ActiveMatching {
  return { data, matcher: pageMatcher(data, data.aliases) };
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

describe('BackgroundMatcher', () => {
  const records: PageData['records'] = [
    {
      id: 'valorial',
      name: 'Valorial',
      label: { level: 'gold', year: 2024, validUntil: '2026-03' },
    },
    {
      id: 'act',
      name: 'Agri Cluster Test',
      label: { level: 'silver', year: 2025, validUntil: null },
    },
  ];
  function pageData(aliases: AliasRule[]): PageData {
    return {
      ...toPageData({ asOf: '2026-01', records: [], aliases } as unknown as Dataset),
      records,
    };
  }
  const balanced: PageTable = { acronymStrictness: 'balanced', suppressed: [] };
  const part = (text: string) => ({ segments: [text], from: 0, until: text.length });

  it('says whether a text holds any alias, evidence and letter case rules as the matcher has them', async () => {
    const data = pageData([valorial, act]);
    const matcher = new BackgroundMatcher(() => Promise.resolve(compiled(data)));
    const check = (text: string) => matcher.check({ text });
    expect((await check('News from the VALORIAL network')).mayMention).toBe(true);
    // A common-word alias counts even without evidence: only the full scan can weigh that.
    expect((await check('They passed the ACT.')).mayMention).toBe(true);
    expect((await check('They had to act fast.')).mayMention).toBe(false);
    expect((await check('')).mayMention).toBe(false);
    expect((await check('')).fingerprint).toBe(data.fingerprint);
  });

  it('says whether what it found counts by the evidence rules with the text as context', async () => {
    const matcher = new BackgroundMatcher(() =>
      Promise.resolve(compiled(pageData([valorial, act]))),
    );
    const check = (text: string) => matcher.check({ text });
    expect(await check('They passed the ACT.')).toMatchObject({
      mayMention: true,
      evidenced: false,
    });
    expect(await check('The ACT cluster met on Monday.')).toMatchObject({ evidenced: true });
    expect(await check('VALORIAL at the fair.')).toMatchObject({ evidenced: true });
    expect(await check('They had to act fast.')).toMatchObject({
      mayMention: false,
      evidenced: false,
    });
  });

  it('matches parts and names each organisation with its mark category for the day', async () => {
    const data = pageData([valorial, act]);
    const matcher = new BackgroundMatcher(
      () => Promise.resolve(compiled(data)),
      () => 0,
      () => new Date('2026-11-30T12:00:00Z'),
    );
    const reply = await matcher.match(
      {
        parts: [part('Valorial and the ACT cluster.'), part('ACT alone.')],
        confirmedIds: [],
        table: balanced,
      },
      'example.org',
    );
    expect(reply.matches.map((m) => [m.part, m.id, m.text, m.evidence])).toEqual([
      [0, 'valorial', 'Valorial', 'not-needed'],
      [0, 'act', 'ACT', 'cluster-word'],
      [1, 'act', 'ACT', null],
    ]);
    // Valorial's label ran to March 2026: expired on the day of the match, never guessed.
    expect(reply.organisations).toEqual({
      valorial: { name: 'Valorial', category: 'expired' },
      act: { name: 'Agri Cluster Test', category: 'silver' },
    });
    expect(reply.fingerprint).toBe(data.fingerprint);
  });

  it("applies the page's table: acronym strictness and the site's suppressions", async () => {
    const data = pageData([valorial, act]);
    const matcher = new BackgroundMatcher(() => Promise.resolve(compiled(data)));
    const ids = async (table: Parameters<BackgroundMatcher['match']>[0]['table']) =>
      (
        await matcher.match(
          { parts: [part('Valorial and the ACT cluster.')], confirmedIds: [], table },
          'news.example.org',
        )
      ).matches.map((m) => m.id);
    expect(await ids(balanced)).toEqual(['valorial', 'act']);
    expect(await ids({ acronymStrictness: 'off', suppressed: [] })).toEqual(['valorial']);
    expect(
      await ids({
        acronymStrictness: 'balanced',
        suppressed: [{ site: 'example.org', alias: 'Valorial', id: 'valorial' }],
      }),
    ).toEqual(['act']);
    // A suppression for another site does not apply here.
    expect(
      await ids({
        acronymStrictness: 'balanced',
        suppressed: [{ site: 'other.example', alias: 'Valorial', id: 'valorial' }],
      }),
    ).toEqual(['valorial', 'act']);
  });

  it('counts an organisation the page confirmed elsewhere as evidence', async () => {
    const matcher = new BackgroundMatcher(() =>
      Promise.resolve(compiled(pageData([valorial, act]))),
    );
    const reply = await matcher.match(
      { parts: [part('They passed the ACT.')], confirmedIds: ['act'], table: balanced },
      '',
    );
    expect(reply.matches.map((m) => [m.id, m.evidence])).toEqual([['act', 'page-context']]);
  });

  it('reads the dataset once and keeps the matcher warm', async () => {
    const data = pageData([valorial]);
    const load = vi.fn(() => Promise.resolve(compiled(data)));
    const matcher = new BackgroundMatcher(load);
    for (let k = 0; k < 5; k++) await matcher.check({ text: 'x' });
    await matcher.match({ parts: [part('Valorial')], confirmedIds: [], table: balanced }, '');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('forgets a failed read, so the next page tries again', async () => {
    const data = pageData([valorial]);
    const load = vi
      .fn<() => Promise<ActiveMatching>>()
      .mockRejectedValueOnce(new Error('storage busy'))
      .mockResolvedValue(compiled(data));
    const matcher = new BackgroundMatcher(load);
    await expect(matcher.check({ text: 'x' })).rejects.toThrow('storage busy');
    expect((await matcher.check({ text: 'Valorial' })).mayMention).toBe(true);
  });

  it('starts over after reset (an import applied or removed), answering with the new table', async () => {
    const old = pageData([valorial]);
    const imported = pageData([valorial, act]);
    const load = vi
      .fn<() => Promise<ActiveMatching>>()
      .mockResolvedValueOnce(compiled(old))
      .mockResolvedValue(compiled(imported));
    const matcher = new BackgroundMatcher(load);
    expect((await matcher.check({ text: 'ACT' })).fingerprint).toBe(old.fingerprint);
    matcher.reset();
    const reply = await matcher.check({ text: 'ACT' });
    expect(reply).toMatchObject({ mayMention: true, fingerprint: imported.fingerprint });
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('the words checkText finds', () => {
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
    expect(checkText(matcher, 'CAP DIGITAL met Pôle  Mer and cap digital').words).toEqual([
      'cap',
      'digital',
      'pôle',
      'mer',
    ]);
    expect(checkText(matcher, 'nothing to see').words).toEqual([]);
  });

  it('keeps the words of a longer match that swallowed the start of another name', () => {
    // Rendered text joins two list items with a line break: the leftmost-longest match is
    // "Cap Digital" across them, and "Digital" is the word the second item's name starts with.
    expect(checkText(matcher, 'Cap\nDigital Cluster Lab opens').words).toEqual(['cap', 'digital']);
  });

  it('gives up past the limit, so every block is matched', () => {
    const many = compileMatcher(
      Array.from({ length: 20 }, (_, k) => rule(`Name${k} Cluster`, `n${k}`)),
    );
    const text = Array.from({ length: 20 }, (_, k) => `Name${k} Cluster`).join(', ');
    expect(checkText(many, text, undefined, 10).words).toBeNull();
    expect(checkText(many, text, undefined, 100).words).toHaveLength(21);
  });
});
