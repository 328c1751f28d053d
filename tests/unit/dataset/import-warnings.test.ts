// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importWarnings, invisibleCharacters, mixedScripts } from '~/lib/dataset/import-warnings';
import type { Dataset } from '~/lib/dataset/model';
import { testRecord } from '../record-fixture';

const bundled = JSON.parse(readFileSync('data/generated/dataset.json', 'utf8')) as Dataset;

describe('import warnings', () => {
  it('finds nothing to warn about in the bundled dataset', () => {
    expect(importWarnings(bundled.records)).toEqual([]);
  });

  it('tells a word mixing scripts from a name with words in two scripts', () => {
    expect(mixedScripts('\u041C\u0456nalogic')).toEqual(['Cyrl', 'Latn']);
    expect(mixedScripts('Cluster \u039A\u03BB\u03AC\u03C3\u03C4\u03B5\u03C1')).toEqual([]);
    expect(mixedScripts('Pôle Véhicule du Futur')).toEqual([]);
    expect(mixedScripts('H\u0435llas Cluster')).toEqual(['Cyrl', 'Latn']);
  });

  it('names each invisible character once: zero-width, RLM, ALM, soft hyphen', () => {
    expect(invisibleCharacters('A\u200BB\u200BC\u200F\u061C\u00ADD')).toEqual([
      'U+200B',
      'U+200F',
      'U+061C',
      'U+00AD',
    ]);
    expect(invisibleCharacters('Plain text, with punctuation.')).toEqual([]);
  });

  it('warns about an ECCP profile elsewhere than on clustercollaboration.eu, subdomains aside', () => {
    const at = (url: string) =>
      testRecord({ id: 'p', name: 'P', eccp: { status: 'member', rule: 'profile-seen', url } });
    expect(importWarnings([at('https://www.clustercollaboration.eu/profile/p')])).toEqual([]);
    expect(importWarnings([at('https://clustercollaboration.eu.example.com/p')])).toEqual([
      { kind: 'eccp-host', id: 'p', name: 'P', host: 'clustercollaboration.eu.example.com' },
    ]);
  });
});
