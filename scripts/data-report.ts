/**
 * Prints the dataset's counts; the last line is one JSON object (label status as of today):
 * {"records":N,"sourced":N,"byLabel":{…},"labelStatus":{…},"eccp":{…},"byCountry":{…},
 *  "namesPerOrganisation":{…},"withSuccessor":N,"aliases":{…}}
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
  const report = dataReport(dataset, today);
  const names = Object.entries(report.namesPerOrganisation)
    .map(([count, rows]) => `${count}: ${rows}`)
    .join(', ');
  console.log(
    `${report.records} organisations; label gold ${report.byLabel.gold}, silver ${report.byLabel.silver}, bronze ${report.byLabel.bronze}, none ${report.byLabel.none}, not known ${report.byLabel.unknown}; ${dataset.aliases.length} aliases in the matcher`,
  );
  console.log(
    `By country: ${Object.entries(report.byCountry)
      .map(([c, n]) => `${c} ${n}`)
      .join(', ')}`,
  );
  console.log(
    `Names per organisation (names: rows): ${names}; ${report.withSuccessor} linked to a successor`,
  );
  const aliases = aliasReport(dataset.aliases);
  console.log(
    `Aliases: ${aliases.written} as written; variants by rule: ${Object.entries(
      aliases.byVariantRule,
    )
      .map(([rule, n]) => `${rule} ${n}`)
      .join(
        ', ',
      )}; ${aliases.caseSensitive} as written only, ${aliases.needsContext} with evidence only`,
  );
  const classes = aliases.byEvidenceClass;
  console.log(
    `Evidence needed: none ${classes.distinctive}; any (cluster word, page, place) ${classes.needsContext}; strong only (own place or other name): generic phrases ${classes.genericPhrase}, common abbreviations ${classes.commonAbbreviation}; ${aliases.withPlace} of those needing evidence carry a place, ${aliases.withPlaceInOtherLanguages} of them also in other languages`,
  );
  console.log(
    `Declining aliases by language: ${Object.entries(aliases.byInflection)
      .map(([language, n]) => `${language} ${n}`)
      .join(', ')}`,
  );
  console.log(JSON.stringify({ ...report, aliases }));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
