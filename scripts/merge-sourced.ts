/**
 * Merges a revision of the shared source file into data/clusters.csv (lib/dataset/merge-sourced.ts
 * says how), using the reviewed decisions of data/merge-decisions.json, and prints what it did.
 * Rerunning it on its own output changes nothing.
 *
 *   tsx scripts/merge-sourced.ts [--upstream ../shared/data/clusters-sourced.csv]
 *     [--data data/clusters.csv] [--decisions data/merge-decisions.json] [--check]
 *
 * --check writes nothing and exits 1 when the merge would change data/clusters.csv.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { CSV_COLUMNS } from '../lib/dataset/csv-columns';
import { mergeSourced, type MergeDecision, type Row } from '../lib/dataset/merge-sourced';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function readCsv(text: string): Row[] {
  const parsed = Papa.parse<Row>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    throw new Error(`CSV row ${(e?.row ?? 0) + 2}: ${e?.message ?? 'unreadable'}`);
  }
  return parsed.data;
}

export function writeCsv(rows: readonly Row[]): string {
  return (
    Papa.unparse(
      { fields: [...CSV_COLUMNS], data: rows.map((r) => CSV_COLUMNS.map((c) => r[c] ?? '')) },
      { newline: '\n' },
    ) + '\n'
  );
}

export function readDecisions(text: string): { revision: string; decisions: MergeDecision[] } {
  const json = JSON.parse(text) as { revision?: unknown; decisions?: unknown };
  if (typeof json.revision !== 'string' || !Array.isArray(json.decisions)) {
    throw new Error('the decisions file needs "revision" (text) and "decisions" (a list)');
  }
  for (const d of json.decisions as Record<string, unknown>[]) {
    const ok =
      typeof d.id === 'string' &&
      typeof d.column === 'string' &&
      typeof d.value === 'string' &&
      typeof d.take === 'boolean' &&
      typeof d.reason === 'string' &&
      d.reason.trim() !== '';
    if (!ok)
      throw new Error(
        `a decision needs id, column, value, take and a reason: ${JSON.stringify(d)}`,
      );
  }
  return { revision: json.revision, decisions: json.decisions as MergeDecision[] };
}

function main() {
  const { values } = parseArgs({
    options: {
      upstream: { type: 'string', default: join(root, '../shared/data/clusters-sourced.csv') },
      data: { type: 'string', default: join(root, 'data/clusters.csv') },
      decisions: { type: 'string', default: join(root, 'data/merge-decisions.json') },
      check: { type: 'boolean', default: false },
    },
  });
  const before = readFileSync(values.data, 'utf8');
  const { revision, decisions } = readDecisions(readFileSync(values.decisions, 'utf8'));
  const { rows, report } = mergeSourced(
    readCsv(before),
    readCsv(readFileSync(values.upstream, 'utf8')),
    decisions,
    revision,
  );
  const after = writeCsv(rows);
  console.log(
    `merge: ${report.matched} rows matched, ${report.added.length} added, ${report.taken.length} changes taken, ${report.held.length} held, ${report.left.length} left out, ${report.notUpstream.length} not in the source file`,
  );
  for (const t of report.taken.filter((t) => !t.why.startsWith('filled in'))) {
    console.log(
      `  taken ${t.id} ${t.column}: ${t.from || '(blank)'} → ${t.to || '(blank)'} (${t.why})`,
    );
  }
  for (const h of report.held) {
    console.log(`  held  ${h.id} ${h.column}: "${h.upstream}" (${h.why})`);
  }
  for (const id of report.notUpstream) console.log(`  not in the source file: ${id}`);
  for (const l of report.left) console.log(`  left out ${l.name} (${l.country}): ${l.why}`);
  if (values.check) {
    if (after !== before) {
      console.error(`${values.data} differs from the merge; run without --check`);
      process.exit(1);
    }
    return;
  }
  if (after !== before) writeFileSync(values.data, after);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
