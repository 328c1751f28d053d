import { describe, expect, it } from 'vitest';
import bundled from '~/data/generated/dataset.json';
import type { Dataset } from '~/lib/dataset/model';
import { readStoredDataset } from '~/lib/dataset/stored-dataset';
import { syntheticDataset } from '~/scripts/bench/synthetic-dataset';

describe('the benchmarks’ synthetic dataset', () => {
  it('is an import the extension accepts, its links to successors kept within it', () => {
    const base = bundled as unknown as Dataset;
    const size = base.records.length * 2 + 7;
    const synthetic = syntheticDataset(base, size);
    const read = readStoredDataset(JSON.parse(JSON.stringify(synthetic)));
    expect(read.kind === 'invalid' ? read.problems : []).toEqual([]);
    expect(read.kind).toBe('valid');
    const ids = new Set(synthetic.records.map((r) => r.id));
    expect(ids.size).toBe(size);
    const linked = synthetic.records.filter((r) => r.successor);
    // Every round of copies keeps the real data's links (only the last, partial round may not).
    expect(linked.length).toBeGreaterThanOrEqual(
      2 * base.records.filter((r) => r.successor).length,
    );
    for (const r of linked) expect(ids.has(r.successor!.id)).toBe(true);
  });
});
