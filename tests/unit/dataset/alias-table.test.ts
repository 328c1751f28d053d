// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { testRecord } from '../record-fixture';
import { buildAliasTable } from '~/lib/dataset/alias-table';

const record = testRecord;

describe('buildAliasTable', () => {
  it('adds the forms pages use: without the legal form, and each naming half of a dashed name', () => {
    const table = buildAliasTable([
      record({ id: 'silicon-saxony', name: 'Silicon Saxony e. V.', aliases: ['Silicon Saxony'] }),
      record({
        id: 'aclima',
        name: "ACLIMA - Basque Country's Environmental Industry's Cluster Asociation",
        acronym: 'ACLIMA',
      }),
    ]);
    // The rule-made variants (name-variants.ts) are checked in name-variants.test.ts.
    const written = table.filter((a) => !a.variant);
    expect(written.filter((a) => a.id === 'silicon-saxony').map((a) => [a.text, a.kind])).toEqual([
      ['Silicon Saxony e. V.', 'name'],
      ['Silicon Saxony', 'alias'],
    ]);
    expect(written.filter((a) => a.id === 'aclima').map((a) => a.text)).toEqual([
      "ACLIMA - Basque Country's Environmental Industry's Cluster Asociation",
      'ACLIMA',
      "Basque Country's Environmental Industry's Cluster Asociation",
    ]);
  });

  it("applies the row's match override to every alias, extra forms included", () => {
    const loose = buildAliasTable([record({ id: 'made', name: 'MADE', match: 'loose' })]);
    expect(loose).toEqual([
      { text: 'MADE', id: 'made', kind: 'name', caseSensitive: true, needsContext: false },
    ]);
    const strict = buildAliasTable([
      record({ id: 'ss', name: 'Silicon Saxony e. V.', match: 'strict' }),
    ]);
    expect(strict.map((a) => [a.text, a.caseSensitive, a.needsContext])).toEqual([
      ['Silicon Saxony e. V.', true, true],
      ['Silicon Saxony', true, true],
    ]);
  });

  it('derives the rules from the alias itself without an override', () => {
    const [made] = buildAliasTable([record({ id: 'made', name: 'MADE' })]);
    expect(made).toMatchObject({ caseSensitive: true, needsContext: true });
  });
});
