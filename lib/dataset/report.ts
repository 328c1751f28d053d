import { labelStatus } from '../label-status';
import type { Dataset, EccpStatus, LabelLevel } from './model';

export interface DataReport {
  records: number;
  sourced: number;
  byLabel: Record<LabelLevel, number>;
  labelStatus: { current: number; expired: number; undated: number };
  eccp: Record<EccpStatus, number>;
}

/** Counts of the dataset, with label status as of `on`. */
export function dataReport(dataset: Pick<Dataset, 'records'>, on: Date): DataReport {
  const report: DataReport = {
    records: dataset.records.length,
    sourced: 0,
    byLabel: { gold: 0, silver: 0, bronze: 0, none: 0, unknown: 0 },
    labelStatus: { current: 0, expired: 0, undated: 0 },
    eccp: { member: 0, implied: 0, unknown: 0 },
  };
  for (const record of dataset.records) {
    if (record.sources.length > 0) report.sourced += 1;
    report.byLabel[record.label.level] += 1;
    const status = labelStatus(record.label, on);
    if (status.kind !== 'not-labelled') report.labelStatus[status.kind] += 1;
    report.eccp[record.eccp.status] += 1;
  }
  return report;
}
