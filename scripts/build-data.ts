/**
 * Builds the extension's dataset from data/clusters.csv: parse, validate every row, derive ids,
 * label and ECCP status and the alias table, and write data/generated/dataset.json.
 * A bad row fails the build with its row number, column and what is wrong.
 *
 *   tsx scripts/build-data.ts [--input data/clusters.csv] [--out data/generated]
 *
 * CLUSTER_LENS_BENCH_SCALE=N (benchmarks only) writes instead a synthetic dataset N times the
 * size of the real one, made from its rows (scripts/bench/synthetic-dataset.ts), so a build
 * shows what a bigger dataset would cost every page. Not data: run it again without the
 * variable before using the build.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { buildDataset, parseClusterCsv } from '../lib/dataset/parse-csv';
import { toPageData } from '../lib/dataset/page-data';
import { splitRecords, type ListFields } from '../lib/dataset/record-parts';
import { flagShapes } from '../lib/flag-shapes';
import { formatProblem } from '../lib/dataset/row-problem';
import { isValidPartialDate } from '../lib/dataset/row-schema';
import type { Dataset, DatasetRecords } from '../lib/dataset/model';
import { buildSearchIndex } from '../lib/search/search-index';
import { syntheticDataset } from './bench/synthetic-dataset';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const metaSchema = z.object({
  asOf: z.string().refine(isValidPartialDate, 'asOf must be YYYY-MM or YYYY-MM-DD'),
  asOfReason: z.string().min(1),
});

export function loadDataset(input: string, metaPath: string, today = new Date()): Dataset {
  const meta = metaSchema.parse(JSON.parse(readFileSync(metaPath, 'utf8')));
  const result = parseClusterCsv(readFileSync(input, 'utf8'), { today });
  if (!result.ok) {
    const name = relative(process.cwd(), input) || input;
    const lines = result.problems.map((p) => `${name} ${formatProblem(p)}`);
    throw new Error(`${lines.length} problem(s) in ${name}:\n${lines.join('\n')}`);
  }
  return buildDataset(result.records, meta.asOf, 'bundled');
}

/**
 * `scale` times as many organisations, the real ones first (their names unchanged, so pages
 * still mention some), with the alias table derived again as for real rows.
 */
export function scaledDataset(dataset: Dataset, scale: number): Dataset {
  const synthetic = syntheticDataset(dataset, dataset.records.length * scale);
  return buildDataset(synthetic.records, dataset.asOf, 'bundled');
}

function benchScale(): number {
  const text = process.env.CLUSTER_LENS_BENCH_SCALE;
  if (!text) return 1;
  const scale = Number(text);
  if (!Number.isInteger(scale) || scale < 1) {
    throw new Error(`CLUSTER_LENS_BENCH_SCALE must be a whole number ≥ 1, not ${text}`);
  }
  return scale;
}

/** The flag files of country-flag-icons (MIT), 3:2, one per ISO code. */
const flagDir = join(
  dirname(createRequire(import.meta.url).resolve('country-flag-icons/package.json')),
  '3x2',
);

function datasetFlags(dataset: Dataset) {
  const codes = dataset.records.flatMap((r) => (r.country ? [r.country] : []));
  return flagShapes(
    codes,
    (code) => {
      const file = join(flagDir, `${code}.svg`);
      return /^[A-Z]{2}$/.test(code) && existsSync(file) ? readFileSync(file, 'utf8') : null;
    },
    (message) => console.warn(`data: ${message}`),
  );
}

function main() {
  const { values } = parseArgs({
    options: {
      input: { type: 'string', default: join(root, 'data/clusters.csv') },
      meta: { type: 'string', default: join(root, 'data/meta.json') },
      out: { type: 'string', default: join(root, 'data/generated') },
    },
  });
  let dataset: Dataset;
  try {
    dataset = loadDataset(values.input, values.meta);
    const scale = benchScale();
    if (scale > 1) {
      dataset = scaledDataset(dataset, scale);
      console.warn(`data: SYNTHETIC dataset, ${scale}× the real one (CLUSTER_LENS_BENCH_SCALE)`);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  mkdirSync(values.out, { recursive: true });
  const outFile = join(values.out, 'dataset.json');
  writeFileSync(outFile, JSON.stringify(dataset));
  // What the extension's pages bundle (popup, options, background's card lookup): the records
  // without the alias table, which only the matcher uses (page-data.json has its own), in two
  // parts: the fields the popup's first results need, and the rest (lib/dataset/record-parts.ts).
  const { schema, asOf, origin } = dataset;
  const { list, details } = splitRecords(dataset.records);
  const listed: Omit<DatasetRecords, 'records'> & { records: ListFields[] } = {
    schema,
    asOf,
    origin,
    records: list,
  };
  writeFileSync(join(values.out, 'records-list.json'), JSON.stringify(listed));
  writeFileSync(join(values.out, 'records-details.json'), JSON.stringify(details));
  // What every page's content script bundles: aliases and labels, not sources or notes.
  writeFileSync(join(values.out, 'page-data.json'), JSON.stringify(toPageData(dataset, true)));
  // The popup's search index, prebuilt so opening the popup only parses it.
  writeFileSync(join(values.out, 'search-index.json'), JSON.stringify(buildSearchIndex(dataset)));
  // The flags of the dataset's countries, for the pages that show a country (popup, card).
  writeFileSync(join(values.out, 'flags.json'), JSON.stringify(datasetFlags(dataset)));
  console.log(
    `data: ${dataset.records.length} organisations, ${dataset.aliases.length} aliases, as of ${dataset.asOf} → ${relative(process.cwd(), outFile)}`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
