import { describe, expect, it } from 'vitest';
import { clusterTermsIn, isAboutClusters } from '../../../lib/matcher';

const about = (text: string) => isAboutClusters(clusterTermsIn(text));

describe('cluster vocabulary of a page', () => {
  it.each([
    'ESCA awarded the label last spring.',
    'Die Spitzencluster des Bundes stellen sich vor.',
    'Les Pôles de compétitivité publient leur bilan.',
    'Klyngeorganisasjonen har fått ny leder.',
    'Krajowy Klaster Kluczowy – lista 2024',
    'The cluster received a Gold label and a new cluster manager.',
    'Il distretto tecnologico ha ottenuto il riconoscimento.',
    'Profil ECCP: aktualizacja.',
  ])('one specific term, or two groups of loose ones: %s', (text) => {
    expect(about(text)).toBe(true);
  });

  it.each([
    'Kubernetes cluster management: the cluster manager restarts nodes.',
    'A bottle with a gold label and a silver label.',
    'Esca is Italian for bait; pescatori use it.',
    'The ESCAPE key closes the dialog; ECCPS is not a word.',
    'Klynge, klyngen og klynger er samme ord.',
  ])('no cluster page: %s', (text) => {
    expect(about(text)).toBe(false);
  });

  it('reports the first specific term alone, and loose terms by their group', () => {
    expect(clusterTermsIn('A Gold label. ESCA and EUCLES.')).toEqual(['!esca']);
    expect(clusterTermsIn('Gold label, Silver label, cluster  management.')).toEqual([
      'label',
      'management',
    ]);
  });
});
