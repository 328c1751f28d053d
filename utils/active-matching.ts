import bundledPageData from '~/data/generated/page-data.json';
import { aliasFingerprint, pageMatcher, toPageData, type PageData } from '~/lib/dataset/page-data';
import { readStoredDataset, storedDatasetOf } from '~/lib/dataset/stored-dataset';
import { MATCHER_FORMAT, compileMatcher, type CompiledMatcher } from '~/lib/matcher';
import { compiledMatcherStore, type CompiledMatcherStore } from './compiled-matcher-store';
import { readRawImport } from './imported-dataset';

/** What the background matches pages with: the active dataset's page data and its matcher. */
export interface ActiveMatching {
  data: PageData;
  matcher: CompiledMatcher;
}

/** The bundle's, its matcher prebuilt at build time and read in a few milliseconds. */
export function bundledMatching(): ActiveMatching {
  const data = bundledPageData as PageData;
  return { data, matcher: pageMatcher(data, data.aliases) };
}

/**
 * The active dataset's matching: an import's when a valid one is stored, else the bundle's.
 * An import is checked and compiled once, when it is first used after being applied (the
 * background does that at once, see watchBackgroundMatcher), and kept compiled in the
 * background's IndexedDB, keyed by the stored import's content: a restarted service worker
 * reads it back (typed arrays, no parsing) instead of checking and compiling again (for 10,000
 * organisations ~1.4 s of checks and ~0.4 s of compiling). Pages never load any of it.
 */
export async function loadActiveMatching(
  store: CompiledMatcherStore = compiledMatcherStore,
): Promise<ActiveMatching> {
  const raw = await readRawImport();
  if (raw === null || raw === undefined) return bundledMatching();
  const key = contentKey(raw);
  const kept = await store.get(key).catch(() => null);
  if (kept && isActiveMatching(kept)) return kept;
  const dataset = storedDatasetOf(readStoredDataset(raw));
  // Not a valid import: the bundle, as everywhere else (see readStoredDataset).
  if (!dataset) return bundledMatching();
  const data = toPageData(dataset);
  const compiled = { data, matcher: compileMatcher(data.aliases) };
  await store.put(key, compiled).catch(() => {
    // No IndexedDB (a private window in Firefox): compiled again by the next worker.
  });
  return compiled;
}

/** A short hash (FNV-1a, 32 bits, and the length) of the stored import as JSON. */
function contentKey(raw: unknown): string {
  const text = JSON.stringify(raw);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length}:${(hash >>> 0).toString(16)}`;
}

/** What was kept is what we wrote: checked, since any stored value is checked on read. */
function isActiveMatching(value: unknown): value is ActiveMatching {
  const v = value as Partial<ActiveMatching> | null;
  const m = v?.matcher;
  return (
    typeof v === 'object' &&
    v !== null &&
    Array.isArray(v.data?.aliases) &&
    Array.isArray(v.data.records) &&
    v.data.fingerprint === aliasFingerprint(v.data.aliases) &&
    m !== undefined &&
    // A matcher kept by an earlier version, in another layout, is compiled again.
    m.format === MATCHER_FORMAT &&
    m.aliases.length === v.data.aliases.length &&
    [m.nodes, m.outStart, m.outAlias, m.rootAscii, m.denseIndex].every(
      (a) => a instanceof Int32Array,
    ) &&
    m.denseAlnum instanceof Uint8Array &&
    m.edgeChar instanceof Uint16Array &&
    m.stemJumps instanceof Int32Array &&
    m.aliasLanguageBit instanceof Int32Array &&
    m.stemFirst instanceof Map &&
    Array.isArray(m.casedForms)
  );
}
