// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '~/lib/dataset/model';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', ...args], {
    encoding: 'utf8',
  });

// Each test runs the whole data build in a child process: seconds, more on a busy machine.
describe('scripts/build-data.ts', { timeout: 60_000 }, () => {
  it('fails the build on a bad row, naming the file, row, column and reason', () => {
    const out = mkdtempSync(join(tmpdir(), 'cl-data-'));
    const result = run('--input', 'tests/fixtures/bad-csv/unknown-label.csv', '--out', out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'tests/fixtures/bad-csv/unknown-label.csv row 3, column "label": unknown label level "platinum"',
    );
  });

  it('writes the dataset with records, the alias table and the dataset date', () => {
    const out = mkdtempSync(join(tmpdir(), 'cl-data-'));
    const result = run('--out', out);
    expect(result.status).toBe(0);
    const dataset = JSON.parse(readFileSync(join(out, 'dataset.json'), 'utf8')) as Dataset;
    expect(dataset.schema).toBe(1);
    expect(dataset.asOf).toMatch(/^\d{4}-\d{2}/);
    expect(dataset.records.length).toBeGreaterThanOrEqual(285);
    const ids = new Set(dataset.records.map((r) => r.id));
    expect(dataset.aliases.every((a) => ids.has(a.id))).toBe(true);
    // Every record can be found by at least its name.
    expect(new Set(dataset.aliases.map((a) => a.id)).size).toBe(dataset.records.length);
  });
});
