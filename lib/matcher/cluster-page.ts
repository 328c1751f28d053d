/**
 * When a page counts as one about clusters, kept apart from the term lists
 * (cluster-vocabulary.ts) so the content script, which only gathers what the background found,
 * carries no list.
 */

/**
 * Other organisations named unambiguously that make a page one about clusters (evidence.ts; the
 * content script confirms waiting marks by the same count).
 */
export const PAGE_ORGANISATIONS = 2;

/**
 * Whether the terms found on a page (clusterTermsIn, over all its text) make it about clusters:
 * one specific term (`!…`), or two groups of loose ones.
 */
export function isAboutClusters(terms: Iterable<string>): boolean {
  let loose = 0;
  for (const term of terms) {
    if (term.startsWith('!')) return true;
    if (++loose >= 2) return true;
  }
  return false;
}
