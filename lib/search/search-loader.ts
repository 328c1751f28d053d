import type { Dataset } from '../dataset/model';
import type { ClusterSearch, PrebuiltSearchIndex } from './search-index';

/**
 * The popup's search for one dataset, made at the first call and the same promise after. The
 * search's code (Fuse and the index builder) and the build's prebuilt index are chunks of their
 * own, not in what the popup loads before its first results are painted (they are in name
 * order and need no search): the popup asks just after that paint, or at a keystroke if one
 * comes sooner, and that keystroke's results wait for it. A failed load is not kept, so the
 * next call tries again rather than building some other index in its place.
 */
export function searchLoader(
  dataset: Pick<Dataset, 'asOf' | 'origin' | 'records'>,
  locale: string,
  prebuiltIndex: () => Promise<PrebuiltSearchIndex | null>,
): () => Promise<ClusterSearch> {
  let made: Promise<ClusterSearch> | null = null;
  return () =>
    (made ??= Promise.all([import('./search-index'), prebuiltIndex()]).then(
      ([{ ClusterSearch }, prebuilt]) => ClusterSearch.forDataset(dataset, locale, prebuilt),
      (error: unknown) => {
        made = null;
        throw error;
      },
    ));
}
