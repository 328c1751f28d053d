import { describe, expect, it } from 'vitest';
import {
  applyMatchOverride,
  deriveAliasRule,
  extraMatchForms,
  isMatchOverride,
} from '../../../lib/dataset/alias-rules';

const CASE_AND_CONTEXT = { caseSensitive: true, needsContext: true };
const CASE_ONLY = { caseSensitive: true, needsContext: false };
const FREE = { caseSensitive: false, needsContext: false };

describe('deriveAliasRule', () => {
  it.each([
    ['NET', 'alias'],
    ['SPRING', 'acronym'],
    ['MADE', 'name'],
    ['CLEAN', 'name'],
    ['ACT', 'acronym'],
    ['SCS', 'name'],
    ['DAC', 'acronym'],
    ['TREC', 'acronym'],
    ['BIC', 'alias'],
    ['SAHA', 'acronym'],
    ['LE2C', 'acronym'],
    ['Systematic', 'name'],
    ['Hélice', 'name'],
    ['Green Energy', 'name'],
  ] as const)('%s (%s) is case-sensitive and needs context', (text, kind) => {
    expect(deriveAliasRule(text, kind)).toEqual(CASE_AND_CONTEXT);
  });

  // A cluster word and sector words only: a kind of cluster, not one (generic-names.ts).
  it.each([
    ['Packaging Cluster', 'name'],
    ['Cluster Bau', 'name'],
    ['ICT Cluster', 'name'],
    ['Beauty Cluster', 'alias'],
    ['Energy Valley', 'name'],
    ['IT Valley', 'alias'],
    ['Software-Cluster', 'name'],
    ['Green Energy Cluster', 'alias'],
    ['Cluster Medizintechnik', 'name'],
    ['Health Valley', 'name'],
    ['Klaster IT', 'alias'],
    ['Clúster de Energía', 'alias'],
    ['Pôle Numérique', 'alias'],
    ['Distretto Agroalimentare', 'alias'],
  ] as const)('%s (%s) is a generic phrase: case-sensitive, strong evidence only', (text, kind) => {
    expect(deriveAliasRule(text, kind)).toEqual({ ...CASE_AND_CONTEXT, generic: 'phrase' });
  });

  it.each([
    ['ASA', 'acronym'],
    ['SIM', 'acronym'],
    ['MEGA', 'acronym'],
    ['IT', 'alias'],
    ['PME', 'acronym'],
  ] as const)(
    '%s (%s) is a capitalised common abbreviation: strong evidence only',
    (text, kind) => {
      expect(deriveAliasRule(text, kind)).toEqual({ ...CASE_AND_CONTEXT, generic: 'abbreviation' });
    },
  );

  it.each([
    ['Clúster de Energía de Extremadura', 'name'],
    ['Medizintechnik Cluster Tuttlingen', 'name'],
    ['Health Valley Minalogic', 'name'],
    ['Laser & Engineering Technologies Cluster', 'alias'],
    ['Sim', 'alias'],
  ] as const)(
    '%s (%s): a place, a brand, four words or lower case make it no generic name',
    (text, kind) => {
      expect(deriveAliasRule(text, kind).generic).toBeUndefined();
    },
  );

  it.each([
    ['ACLIMA', 'acronym'],
    ['АППАУ', 'acronym'],
    ['SECPhO', 'acronym'],
    ['iD4CAR', 'name'],
    ['Polo NET', 'name'],
    ['Cluster SPRING', 'name'],
    ['SAHA İstanbul', 'name'],
    ["Flanders' FOOD", 'name'],
    ['ROSENC', 'name'],
  ] as const)('%s (%s) is case-sensitive and distinctive', (text, kind) => {
    expect(deriveAliasRule(text, kind)).toEqual(CASE_ONLY);
  });

  it.each([
    ['Minalogic', 'name'],
    ['Valorial', 'name'],
    ['Silicon Saxony', 'alias'],
    ['Клъстер София град на знанието', 'name'],
    ['Bydgoszcz Industrial Cluster', 'alias'],
    ['Energy Cluster Denmark', 'name'],
    ['Association of Sealed Glass Unit Producers', 'name'],
    ['Laser & Engineering Technologies Cluster', 'alias'],
    ['ADVANCITY', 'name'],
  ] as const)('%s (%s) matches in any case without context', (text, kind) => {
    expect(deriveAliasRule(text, kind)).toEqual(FREE);
  });
});

describe('applyMatchOverride', () => {
  it('leaves the derived rule alone without an override', () => {
    expect(applyMatchOverride(CASE_ONLY, null)).toEqual(CASE_ONLY);
    expect(applyMatchOverride(FREE, undefined)).toEqual(FREE);
  });
  it('strict makes every alias case-sensitive and context-bound', () => {
    expect(applyMatchOverride(FREE, 'strict')).toEqual(CASE_AND_CONTEXT);
  });
  it('context adds the context requirement and keeps the case rule', () => {
    expect(applyMatchOverride(FREE, 'context')).toEqual({
      caseSensitive: false,
      needsContext: true,
    });
    expect(applyMatchOverride(CASE_ONLY, 'context')).toEqual(CASE_AND_CONTEXT);
  });
  it('loose drops the context requirement and keeps the case rule', () => {
    expect(applyMatchOverride(CASE_AND_CONTEXT, 'loose')).toEqual(CASE_ONLY);
  });
  it('recognises only the documented values', () => {
    expect(['strict', 'context', 'loose'].every(isMatchOverride)).toBe(true);
    expect(isMatchOverride('Strict')).toBe(false);
    expect(isMatchOverride('')).toBe(false);
  });
});

describe('extraMatchForms', () => {
  it.each([
    ['Silicon Saxony e. V.', ['Silicon Saxony']],
    ['Optence e.V.', ['Optence']],
    ['BioPark Regensburg GmbH', ['BioPark Regensburg']],
    ['CBM s.c.r.l.', ['CBM']],
    ['NANOPROGRESS, z.s.', ['NANOPROGRESS']],
    ['Klastr českých nábytkářů, družstvo', ['Klastr českých nábytkářů']],
    ['The Paper Province ekonomisk förening', ['The Paper Province']],
    ['Example Ltd', ['Example']],
    ['Eksempel AS', ['Eksempel']],
  ])('strips the legal form of %j', (name, forms) => {
    expect(extraMatchForms(name).map((f) => f.text)).toEqual(forms);
  });

  it('splits a dashed name into an acronym and a name', () => {
    expect(
      extraMatchForms("ACLIMA - Basque Country's Environmental Industry's Cluster Asociation"),
    ).toEqual([
      { text: 'ACLIMA', kind: 'acronym' },
      { text: "Basque Country's Environmental Industry's Cluster Asociation", kind: 'alias' },
    ]);
    expect(extraMatchForms('Allianz Faserbasierte Werkstoffe – AFBW e.V.')).toEqual([
      { text: 'Allianz Faserbasierte Werkstoffe – AFBW', kind: 'alias' },
      { text: 'Allianz Faserbasierte Werkstoffe', kind: 'alias' },
      { text: 'AFBW', kind: 'acronym' },
    ]);
  });

  it('keeps no single ordinary word as a half', () => {
    expect(
      extraMatchForms('Commercial Vehicle Cluster – Nutzfahrzeug GmbH').map((f) => f.text),
    ).toEqual(['Commercial Vehicle Cluster – Nutzfahrzeug', 'Commercial Vehicle Cluster']);
  });

  it('keeps no region name as a half', () => {
    expect(extraMatchForms('Automotive Cluster -West Slovakia').map((f) => f.text)).toEqual([
      'Automotive Cluster',
    ]);
  });

  it('does not split hyphenated words', () => {
    expect(extraMatchForms('IND-AGRO-POL')).toEqual([]);
    expect(extraMatchForms('Systematic Paris-Région')).toEqual([]);
  });
});
