import type { Label } from './dataset/model';

/** ESCA's longest published validity: a first label lasts 2 years, a renewal 3. */
export const LONGEST_PUBLISHED_VALIDITY_YEARS = 3;

export type LabelStatus =
  /** validUntil is on or after the reference day. */
  | { kind: 'current'; validUntil: string; lastValidDay: string }
  /** validUntil is before the reference day. */
  | { kind: 'expired'; validUntil: string; lastValidDay: string }
  /**
   * No validity published. `mayHaveLapsed`: the award year is older than the longest validity
   * ESCA publishes, so the label may have lapsed or been renewed since (never a verdict).
   */
  | { kind: 'undated'; awardYear: number | null; mayHaveLapsed: boolean }
  /** No awarded level (`none` or `unknown`): there is no validity to speak of. */
  | { kind: 'not-labelled' };

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** `YYYY-MM-DD` of a date in UTC, so the status does not depend on the machine's time zone. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The last day a printed validity covers: `2027` → 2027-12-31, `2015-04` → 2015-04-30,
 * `2022-12-14` → itself. A validity printed to the month is read as running to that month's end.
 */
export function lastValidDay(validUntil: string): string {
  const m = DATE_PATTERN.exec(validUntil);
  if (!m) throw new Error(`Not a validity date: "${validUntil}"`);
  const [, y, mo, d] = m;
  if (d) return validUntil;
  const year = Number(y);
  const month = mo ? Number(mo) : 12;
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${y}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/** The status of a label on a given day (today by default). Derived, never stored. */
export function labelStatus(label: Label, on: Date = new Date()): LabelStatus {
  if (label.level === 'none' || label.level === 'unknown') return { kind: 'not-labelled' };
  const today = isoDay(on);
  if (label.validUntil) {
    const last = lastValidDay(label.validUntil);
    return today > last
      ? { kind: 'expired', validUntil: label.validUntil, lastValidDay: last }
      : { kind: 'current', validUntil: label.validUntil, lastValidDay: last };
  }
  const mayHaveLapsed =
    label.year !== null && on.getUTCFullYear() - label.year > LONGEST_PUBLISHED_VALIDITY_YEARS;
  return { kind: 'undated', awardYear: label.year, mayHaveLapsed };
}
