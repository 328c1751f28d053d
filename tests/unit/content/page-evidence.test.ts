import { afterEach, describe, expect, it } from 'vitest';
import { PageScanner } from '~/entrypoints/content/page-scanner';
import { NO_MARKS } from '~/entrypoints/content/highlighter';
import type { PageMatching } from '~/entrypoints/content/background-client';
import type { AliasRule } from '~/lib/dataset/model';
import { aliasFingerprint, type PageData } from '~/lib/dataset/page-data';
import { compileMatcher } from '~/lib/matcher';
import { BackgroundMatcher } from '~/utils/background-matcher';
import './static-range';

const aliases: AliasRule[] = [
  { text: 'Minalogic', id: 'minalogic', kind: 'name', caseSensitive: false, needsContext: false },
  { text: 'Vitagora', id: 'vitagora', kind: 'name', caseSensitive: false, needsContext: false },
  { text: 'MADE', id: 'made', kind: 'name', caseSensitive: true, needsContext: true },
  {
    text: 'Welfare Tech',
    id: 'welfare-tech',
    kind: 'name',
    caseSensitive: true,
    needsContext: true,
  },
  {
    text: 'Cluster Medizintechnik',
    id: 'cluster-medizintechnik',
    kind: 'name',
    caseSensitive: true,
    needsContext: true,
    generic: 'phrase',
    places: ['Bayern'],
  },
];
const label = { level: 'unknown', year: null, validUntil: null } as const;
const pageData: PageData = {
  asOf: '2026-01',
  records: aliases.map((a) => ({ id: a.id, name: a.text, label })),
  aliases,
  fingerprint: aliasFingerprint(aliases),
};
const backgroundMatcher = new BackgroundMatcher(() =>
  Promise.resolve({ data: pageData, matcher: compileMatcher(aliases) }),
);
const TABLE = { acronymStrictness: 'balanced', suppressed: [] } as const;
const matching: PageMatching = {
  quickCheck: (text) => backgroundMatcher.check({ text }),
  match: (parts, confirmedIds, aboutClusters) =>
    backgroundMatcher.match(
      { parts, confirmedIds, aboutClusters, table: { ...TABLE, suppressed: [] } },
      'example.org',
    ),
};

let scanner: PageScanner | null = null;

async function scanned(html: string, quickCheck: boolean) {
  document.body.innerHTML = html;
  const s = new PageScanner({
    matching,
    quickCheck,
    marker: NO_MARKS,
    isReadable: () => true,
    shown: { gold: true, silver: true, bronze: true, expired: true, unlabelled: true },
    onIdle: () => undefined,
  });
  scanner = s;
  s.scan(document);
  await new Promise((r) => setTimeout(r, 50));
  await expect.poll(() => s.idle, { timeout: 3000, interval: 20 }).toBe(true);
  return [...s.store.marks()].map((m) => [m.text, m.evidence]).sort();
}

afterEach(() => {
  scanner?.stop();
  scanner = null;
  document.body.innerHTML = '';
});

describe('page-level evidence in the content script', () => {
  it('marks a name of ordinary words on a page about clusters, never a generic name or a single word, and keeps why', async () => {
    const html =
      '<p>Welfare Tech opened a test line. MADE too.</p><p>Cluster Medizintechnik hosts a partnering day.</p>' +
      '<p>ESCA gave the Gold label to five cluster organisations.</p>';
    expect(await scanned(html, true)).toEqual([['Welfare Tech', 'page-vocabulary']]);
  });

  it('confirms a waiting mark when a later batch shows the page is about clusters', async () => {
    // The vocabulary comes in a later batch than the mention (a batch holds about 64,000
    // characters), so the mark waits and is confirmed by the later answer.
    const filler = 'The harbour reopened after the storm and the ferries run again. '.repeat(1500);
    const html =
      `<p>Welfare Tech opened a test line. MADE too.</p><p>${filler}</p>` +
      '<p>ESCA gave the Gold label to five cluster organisations.</p>';
    expect(await scanned(html, false)).toEqual([['Welfare Tech', 'page-vocabulary']]);
  });

  it('marks a name of ordinary words on a page naming two organisations, a generic one with its place', async () => {
    const html =
      '<p>Minalogic and Vitagora signed a charter.</p><p>Welfare Tech opened a line. MADE too.</p>' +
      '<p>The Cluster Medizintechnik in Bayern hosts a partnering day.</p>';
    expect(await scanned(html, false)).toEqual([
      ['Cluster Medizintechnik', 'place-near'],
      ['Minalogic', 'not-needed'],
      ['Vitagora', 'not-needed'],
      ['Welfare Tech', 'page-organisations'],
    ]);
  });

  it('leaves names of ordinary words unmarked on a page with no evidence', async () => {
    const html =
      '<p>Welfare Tech opened a test line. MADE too.</p><p>Cluster Medizintechnik hosts a day.</p>';
    expect(await scanned(html, true)).toEqual([]);
  });
});
