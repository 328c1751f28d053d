import type { ClusterRecord, Dataset } from '../../lib/dataset/model';

/** A deterministic pseudo-random generator (mulberry32), so every run sees the same dataset. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'Advanced',
  'Baltic',
  'Digital',
  'Green',
  'Hydrogen',
  'Industrial',
  'Maritime',
  'Nordic',
  'Photonics',
  'Smart',
  'Textile',
  'Wood',
  'Agro',
  'Biotech',
  'Mobility',
  'Space',
  'Health',
  'Circular',
  'Alpine',
  'Danube',
];

/**
 * `size` records shaped like the real ones (taken from `base`, renamed with extra words and a
 * fresh id), for speed tests at a scale the real dataset does not have. Not data: never shown.
 */
export function syntheticDataset(base: Dataset, size = 10_000, seed = 42): Dataset {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const records: ClusterRecord[] = [];
  const n = base.records.length;
  const indexOf = new Map(base.records.map((r, k) => [r.id, k]));
  for (let i = 0; i < size; i++) {
    const from = base.records[i % n]!;
    const words = `${pick(WORDS)} ${pick(WORDS)}`;
    // A link to a successor points at that successor's copy in the same round, or is left out
    // where the copy is not made: an import with a link to no row is refused.
    const target = from.successor ? indexOf.get(from.successor.id) : undefined;
    const copy = target === undefined ? -1 : Math.floor(i / n) * n + target;
    const successor =
      from.successor && copy >= 0 && copy < size
        ? { ...from.successor, id: `${from.successor.id}-${copy}` }
        : null;
    records.push({
      ...from,
      id: `${from.id}-${i}`,
      name: i < n ? from.name : `${words} ${from.name}`,
      aliases: from.aliases.map((a) => `${a} ${pick(WORDS)}`),
      successor,
    });
  }
  return { ...base, origin: 'imported', records, aliases: [] };
}
