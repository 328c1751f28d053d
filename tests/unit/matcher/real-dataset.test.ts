/**
 * The matcher over the real alias table, built from data/clusters.csv by the data build.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileMatcher, matchText } from '../../../lib/matcher';
import { loadDataset } from '../../../scripts/build-data';
import { SNIPPETS } from '../../fixtures/snippets/snippets';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const dataset = loadDataset(join(root, 'data/clusters.csv'), join(root, 'data/meta.json'));
const matcher = compileMatcher(dataset.aliases);
/** Names two organisations share (folded as the matcher folds case): neither is marked alone. */
const idsOf = new Map<string, Set<string>>();
for (const a of dataset.aliases) {
  const key = a.text.toLowerCase();
  idsOf.set(key, (idsOf.get(key) ?? new Set()).add(a.id));
}
const shared = (text: string) => (idsOf.get(text.toLowerCase())?.size ?? 0) > 1;

describe('real alias table', () => {
  it('finds every alias that needs no context in a sentence of its own', () => {
    const missed: string[] = [];
    for (const alias of dataset.aliases) {
      if (alias.needsContext || shared(alias.text)) continue;
      const found = matchText(matcher, `News: ${alias.text} announced a project.`);
      // Spellings with one normal form (secpho, SECPhO) report whichever alias compiled first.
      if (!found.some((m) => m.text === alias.text && m.id === alias.id)) missed.push(alias.text);
    }
    expect(missed).toEqual([]);
  });

  it('finds every alias that needs context, generic names aside, next to a cluster word', () => {
    const missed: string[] = [];
    for (const alias of dataset.aliases) {
      if (!alias.needsContext || alias.generic || shared(alias.text)) continue;
      // The cluster word is set apart by a colon: right before the alias, "cluster Alimentaris"
      // would be the longer full name "Cluster Alimentaris" instead of its variant.
      const found = matchText(matcher, `A cluster: ${alias.text} announced a project.`);
      if (!found.some((m) => m.text === alias.text && m.id === alias.id)) missed.push(alias.text);
    }
    expect(missed).toEqual([]);
  });

  it('finds a generic name with its own place near it, never with a cluster word alone', () => {
    const generic = dataset.aliases.filter((a) => a.generic && !shared(a.text));
    expect(generic.length).toBeGreaterThan(0);
    const withCluster: string[] = [];
    const missedWithPlace: string[] = [];
    for (const alias of generic) {
      const near = matchText(matcher, `A cluster: ${alias.text} announced a project.`);
      if (near.some((m) => m.text === alias.text)) withCluster.push(alias.text);
      const place = alias.places?.[0];
      if (!place) continue;
      const found = matchText(matcher, `News from ${place}: ${alias.text} announced a project.`);
      if (!found.some((m) => m.text === alias.text && m.id === alias.id))
        missedWithPlace.push(`${alias.text} (${place})`);
    }
    expect(withCluster).toEqual([]);
    expect(missedWithPlace).toEqual([]);
  });

  it('marks a name two organisations share only with evidence for one of them', () => {
    const texts = [...new Set(dataset.aliases.map((a) => a.text).filter(shared))];
    expect(texts).toContain('Finance Innovation');
    const marked = texts.flatMap((text) =>
      matchText(matcher, `The cluster ${text} announced a project.`).map(
        (m) => `${m.text} (${m.id})`,
      ),
    );
    expect(marked).toEqual([]);
    const fr = dataset.records.find((r) => r.id === 'finance-innovation-fr');
    const no = dataset.records.find((r) => r.id === 'finance-innovation-no');
    expect(fr?.country).toBe('FR');
    expect(no?.country).toBe('NO');
  });

  it('finds nothing in the hard-negative snippets', () => {
    const negatives = SNIPPETS.filter((s) => s.expect.length === 0);
    const found = negatives.flatMap((s) =>
      matchText(matcher, s.segments.join('')).map(
        (m) => `${m.text} (${m.id}) in "${s.segments.join('')}"`,
      ),
    );
    expect(found).toEqual([]);
  });
});
