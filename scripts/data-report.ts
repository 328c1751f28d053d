/**
 * Prints the dataset's counts; the last line is one JSON object (label status as of today):
 * {"records":N,"sourced":N,"byLabel":{…},"labelStatus":{…},"eccp":{…},"aliases":{…}}
 * (`aliases`: written names, variants per rule of lib/dataset/name-variants.ts, how many match
 * only as written and only with evidence).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aliasReport, dataReport } from '../lib/dataset/report';
import { isoDay } from '../lib/label-status';
import { loadDataset } from './build-data';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const today = new Date();
try {
  const dataset = loadDataset(join(root, 'data/clusters.csv'), join(root, 'data/meta.json'), today);
  console.log(`Dataset as of ${dataset.asOf}; label status as of ${isoDay(today)}.`);
  console.log(
    JSON.stringify({ ...dataReport(dataset, today), aliases: aliasReport(dataset.aliases) }),
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
