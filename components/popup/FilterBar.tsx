import { i18n } from '#i18n';
import { collator, formatNumber } from '~/lib/intl-cache';
import { labelName } from '~/components/LabelBadge';
import { countryName } from '~/lib/country-display';
import type { EccpStatus, LabelLevel } from '~/lib/dataset/model';
import type { LabelStatus } from '~/lib/label-status';
import { NO_FILTERS, type Facets, type FilterName, type Filters } from '~/lib/search/filters';

const LEVELS: LabelLevel[] = ['gold', 'silver', 'bronze', 'unknown', 'none'];
const VALIDITY: LabelStatus['kind'][] = ['current', 'expired', 'undated', 'not-labelled'];
const ECCP: EccpStatus[] = ['member', 'implied', 'unknown'];

function validityName(kind: LabelStatus['kind']): string {
  switch (kind) {
    case 'current':
      return i18n.t('search.validityCurrent');
    case 'expired':
      return i18n.t('search.validityExpired');
    case 'undated':
      return i18n.t('search.validityUndated');
    case 'not-labelled':
      return i18n.t('search.validityNone');
  }
}

function eccpName(status: EccpStatus): string {
  switch (status) {
    case 'member':
      return i18n.t('search.eccpMember');
    case 'implied':
      return i18n.t('search.eccpImplied');
    case 'unknown':
      return i18n.t('search.eccpUnknown');
  }
}

interface FilterBarProps {
  filters: Filters;
  facets: Facets;
  locale: string;
  /** false: the sector and region selects offer only "any" and the chosen value, for now. */
  longLists?: boolean;
  onChange: (filters: Filters) => void;
}

/** One select per filter; each option says how many results choosing it would give. */
export function FilterBar({ filters, facets, locale, longLists = true, onChange }: FilterBarProps) {
  const number = (n: number) => formatNumber(n, locale);
  const select = <K extends FilterName>(
    name: K,
    label: string,
    values: NonNullable<Filters[K]>[],
    nameOf: (value: NonNullable<Filters[K]>) => string,
  ) => {
    const counts = facets[name] as Map<string, number>;
    const shown = values.filter((v) => (counts.get(v) ?? 0) > 0 || filters[name] === v);
    return (
      <label class="cl-filter">
        <span>{label}</span>
        <select
          value={filters[name] ?? ''}
          onChange={(e) => {
            const value = e.currentTarget.value;
            onChange({ ...filters, [name]: value === '' ? null : value });
          }}
        >
          <option value="">{i18n.t('search.any')}</option>
          {shown.map((v) => (
            <option key={v} value={v}>
              {i18n.t('search.option', [nameOf(v), number(counts.get(v) ?? 0)])}
            </option>
          ))}
        </select>
      </label>
    );
  };
  const countries = [...facets.country.keys()]
    .concat(filters.country && !facets.country.has(filters.country) ? [filters.country] : [])
    .sort((a, b) => collator(locale).compare(countryName(a, locale), countryName(b, locale)));
  /** The values the results have (and the chosen one, even if none has it now), by name. */
  const byName = (name: 'sector' | 'region') =>
    (longLists ? [...facets[name].keys()] : [])
      .concat(filters[name] && !facets[name].has(filters[name]) ? [filters[name]] : [])
      .sort(collator(locale).compare);
  const any = Object.values(filters).some((v) => v !== null);
  return (
    <fieldset class="cl-filters">
      <legend class="cl-visually-hidden">{i18n.t('search.filters')}</legend>
      {select('level', i18n.t('search.level'), LEVELS, labelName)}
      {select('validity', i18n.t('search.validity'), VALIDITY, validityName)}
      {select('eccp', i18n.t('search.eccp'), ECCP, eccpName)}
      {select('country', i18n.t('search.country'), countries, (c) => countryName(c, locale))}
      {select('region', i18n.t('search.region'), byName('region'), (v) => v)}
      {select('sector', i18n.t('search.sector'), byName('sector'), (v) => v)}
      {any && (
        <button type="button" class="cl-link-button" onClick={() => onChange(NO_FILTERS)}>
          {i18n.t('search.clearFilters')}
        </button>
      )}
    </fieldset>
  );
}
