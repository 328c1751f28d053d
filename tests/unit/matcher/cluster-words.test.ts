import { describe, expect, it } from 'vitest';
import { isClusterWordAt } from '../../../lib/matcher/cluster-words';
import { normalizeString } from '../../../lib/matcher/normalize';

/** Whether word `index` of `phrase` counts as a cluster word; words split as the matcher does. */
function clusterWordIn(phrase: string, index: number): boolean {
  const written = phrase.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  return isClusterWordAt(
    written.map((w) => normalizeString(w)),
    index,
    (k) => written[k] ?? '',
  );
}

describe('cluster words', () => {
  it.each([
    ['the cluster of firms', 1],
    ['clusters in Europe', 0],
    ['el clúster andaluz', 1],
    ['il clùster lombardo', 1],
    ['clusterul regional', 0],
    ['członkowie klastra', 1],
    ['w klastrze', 1],
    ['klastru nábytkářů', 0],
    ['klasteris Latvijā', 0],
    ['a klaszterben', 1],
    ['Eyde-klyngen', 1],
    ['miljøklynge', 0],
    ['Umweltcluster Bayern', 0],
    ['das Kompetenznetzwerk', 1],
    ['le pôle de compétitivité', 1],
    ['polo tecnologico', 0],
    ['distretto aerospaziale', 0],
    ['кластер', 0],
    ['клъстерът', 0],
    ['κλάστερ', 0],
    ['kümelenmesi', 0],
    ['pol de competitivitate', 0],
    ["grappe d'entreprises", 0],
  ])('%j word %i is a cluster word', (phrase, index) => {
    expect(clusterWordIn(phrase, index)).toBe(true);
  });

  it.each([
    ['cluster analysis', 0],
    ['Cluster-Analyse', 0],
    ['cluster randomised trial', 0],
    ['cluster headache', 0],
    ['cluster bombs', 0],
    ['a Kubernetes cluster', 2],
    ['galaxy cluster', 1],
    ['Servercluster', 0],
    ['klasztor', 0],
    ['North Pole', 1],
    ['pole position', 0],
    ['au pôle Nord', 1],
    ['polo shirt', 0],
    ['Marco Polo', 1],
    ['distretto sanitario', 0],
    ['grappe de raisin', 0],
    ['Netzwerk', 0],
    ['küme düştü', 0],
  ])('%j word %i is not', (phrase, index) => {
    expect(clusterWordIn(phrase, index)).toBe(false);
  });
});
