// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { testRecord } from '../record-fixture';
import { buildAliasTable } from '~/lib/dataset/alias-table';
import { aliasReport, dataReport } from '~/lib/dataset/report';

const record = testRecord;

describe('dataReport', () => {
  it('counts labels, label status as of the given day, ECCP status and sourced rows', () => {
    const records = [
      record({ label: { level: 'gold', year: 2024, validUntil: '2026-11' } }),
      record({
        label: { level: 'gold', year: null, validUntil: null },
        country: 'NO',
        acronym: 'GX',
        aliases: ['Gold X', 'GX'],
        successor: { id: 'x', kind: 'renamed', year: null },
      }),
      record({ label: { level: 'bronze', year: null, validUntil: '2015-04' } }),
      record({
        label: { level: 'none', year: null, validUntil: null },
        eccp: { status: 'member', rule: 'profile-seen', url: 'https://x.eu' },
        sources: [],
      }),
    ];
    expect(dataReport({ records }, new Date('2026-12-01T00:00:00Z'))).toEqual({
      records: 4,
      sourced: 3,
      byLabel: { gold: 2, silver: 0, bronze: 1, none: 1, unknown: 0 },
      labelStatus: { current: 0, expired: 2, undated: 1 },
      eccp: { member: 1, implied: 0, unknown: 3 },
      byCountry: { none: 3, NO: 1 },
      namesPerOrganisation: { '1': 3, '3': 1 },
      withSuccessor: 1,
    });
  });
});

describe('aliasReport', () => {
  it('counts written names, variants per rule and how aliases may match', () => {
    const table = buildAliasTable([
      record({ id: 'omnipack', name: 'Omnipack Cluster', country: 'HU' }),
      record({ id: 'made', name: 'MADE' }),
    ]);
    expect(aliasReport(table)).toEqual({
      total: 4,
      written: 2,
      byVariantRule: {
        'cluster-word-inflected': 0,
        'cluster-word-moved': 1,
        'programme-prefix-dropped': 0,
        'generic-tail-dropped': 1,
        'letter-case': 0,
        'stem-graded': 0,
      },
      // MADE (a common word in capitals) and Omnipack (one word left over).
      caseSensitive: 2,
      needsContext: 2,
      byEvidenceClass: { distinctive: 2, needsContext: 2, genericPhrase: 0, commonAbbreviation: 0 },
      withPlace: 0,
      withPlaceInOtherLanguages: 0,
      // The three forms of the Hungarian name decline; MADE has no country.
      byInflection: {
        pl: 0,
        cs: 0,
        sk: 0,
        sl: 0,
        hr: 0,
        lt: 0,
        lv: 0,
        et: 0,
        fi: 0,
        hu: 3,
        el: 0,
        bg: 0,
        uk: 0,
      },
    });
  });

  it('counts the aliases that need strong evidence, per class, and those with a place', () => {
    const table = buildAliasTable([
      record({ id: 'health', name: 'Health Valley', city: 'Arnhem' }),
      record({ id: 'sim', name: 'Slovenian Innovation Marine', acronym: 'SIM' }),
    ]);
    expect(aliasReport(table).byEvidenceClass).toEqual({
      distinctive: 1,
      needsContext: 0,
      genericPhrase: 1,
      commonAbbreviation: 1,
    });
    expect(aliasReport(table).withPlace).toBe(1);
    expect(aliasReport(table).withPlaceInOtherLanguages).toBe(0);
  });

  it('counts the aliases whose place is also given in other languages, and those that decline', () => {
    const table = buildAliasTable([
      record({ id: 'cm', name: 'Cluster Medizintechnik', region: 'Bayern' }),
      record({ id: 'ht', name: 'HealthTurku', country: 'FI', city: 'Turku' }),
    ]);
    const report = aliasReport(table);
    // The generic phrase and its five variants carry Bayern, Bavaria, Bavière…
    expect(report.withPlace).toBe(6);
    expect(report.withPlaceInOtherLanguages).toBe(6);
    // HealthTurun, and Healthturun of the title-case form; all four forms decline.
    expect(report.byVariantRule['stem-graded']).toBe(2);
    expect(report.byInflection.fi).toBe(4);
  });
});
