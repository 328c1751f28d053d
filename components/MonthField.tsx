import { i18n } from '#i18n';
import { joinYearMonth, monthNames, splitYearMonth, yearsDown } from '~/lib/year-month';

/** Older than any Cluster Management Excellence label, so no dataset's date is out of reach. */
const OLDEST_YEAR = 2000;

export interface MonthFieldProps {
  id: string;
  legend: string;
  /** `YYYY-MM`. */
  value: string;
  /** The newest year offered. */
  newestYear: number;
  locale: string;
  invalid: boolean;
  describedBy: string;
  onChange: (value: string) => void;
}

/**
 * A month as a month select and a year select. `<input type="month">` is a calendar in
 * Chromium but a bare text box in Firefox, prefilled `2026-11` with no hint of the format;
 * two selects read the same everywhere and cannot hold a malformed month.
 */
export function MonthField({
  id,
  legend,
  value,
  newestYear,
  locale,
  invalid,
  describedBy,
  onChange,
}: MonthFieldProps) {
  const { year, month } = splitYearMonth(value) ?? { year: newestYear, month: 1 };
  return (
    <fieldset class="month-field" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <label>
        {i18n.t('options.data.asOfMonth')}
        <select
          id={`${id}-month`}
          value={String(month)}
          aria-invalid={invalid}
          onChange={(e) => onChange(joinYearMonth({ year, month: Number(e.currentTarget.value) }))}
        >
          {monthNames(locale).map((name, i) => (
            <option key={name} value={String(i + 1)}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {i18n.t('options.data.asOfYear')}
        <select
          id={`${id}-year`}
          value={String(year)}
          aria-invalid={invalid}
          onChange={(e) => onChange(joinYearMonth({ year: Number(e.currentTarget.value), month }))}
        >
          {yearsDown(Math.max(newestYear, year), Math.min(OLDEST_YEAR, year)).map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
