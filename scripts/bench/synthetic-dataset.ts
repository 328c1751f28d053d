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
  for (let i = 0; i < size; i++) {
    const from = base.records[i % base.records.length]!;
    const words = `${pick(WORDS)} ${pick(WORDS)}`;
    records.push({
      ...from,
      id: `${from.id}-${i}`,
      name: i < base.records.length ? from.name : `${words} ${from.name}`,
      aliases: from.aliases.map((a) => `${a} ${pick(WORDS)}`),
    });
  }
  return { ...base, origin: 'imported', records, aliases: [] };
}
