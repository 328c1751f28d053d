import type { ClusterRecord } from '../dataset/model';

/** What the summary line says about a list of results. */
export interface ResultsSummary {
  total: number;
  gold: number;
  silver: number;
  bronze: number;
  /** Records whose label level no source states (`unknown`). */
  labelUnknown: number;
  /** Records with an ECCP profile seen (`member`); a listing implied by the label rule is not counted. */
  eccpMembers: number;
}

export function summarise(records: readonly ClusterRecord[]): ResultsSummary {
  const summary: ResultsSummary = {
    total: records.length,
    gold: 0,
    silver: 0,
    bronze: 0,
    labelUnknown: 0,
    eccpMembers: 0,
  };
  for (const r of records) {
    const level = r.label.level;
    if (level === 'gold' || level === 'silver' || level === 'bronze') summary[level]++;
    else if (level === 'unknown') summary.labelUnknown++;
    if (r.eccp.status === 'member') summary.eccpMembers++;
  }
  return summary;
}
