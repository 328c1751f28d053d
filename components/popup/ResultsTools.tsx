import { i18n } from '#i18n';
import { SORT_KEYS, type SortKey } from '~/lib/search/sort';

function sortName(key: SortKey): string {
  switch (key) {
    case 'relevance':
      return i18n.t('search.sortRelevance');
    case 'name':
      return i18n.t('search.sortName');
    case 'label':
      return i18n.t('search.sortLabel');
    case 'validity':
      return i18n.t('search.sortValidity');
    case 'country':
      return i18n.t('search.sortCountry');
  }
}

interface ResultsToolsProps {
  sort: SortKey;
  /** Relevance is a choice only while there is a query. */
  searching: boolean;
  onSort: (sort: SortKey) => void;
  showMap: boolean;
  onShowMap: (show: boolean) => void;
  /** Save the results as CSV; copy them as a plain list. */
  onExport: () => void;
  onCopy: () => void;
  /** What the last copy did. */
  copyNote: string;
}

/** The order of the results, what to do with them, and the switch to the country map. */
export function ResultsTools(props: ResultsToolsProps) {
  const { sort, searching, onSort, showMap, onShowMap } = props;
  return (
    <div class="cl-tools">
      {/* Not wrapped in its label, whose text would then hold every option's name. */}
      <span class="cl-sort">
        <label for="cl-sort">{i18n.t('search.sort')}</label>
        <select
          id="cl-sort"
          value={sort}
          onChange={(e) => onSort(e.currentTarget.value as SortKey)}
        >
          {SORT_KEYS.filter((k) => k !== 'relevance' || searching).map((k) => (
            <option key={k} value={k}>
              {sortName(k)}
            </option>
          ))}
        </select>
      </span>
      <span class="cl-tools__actions">
        <button type="button" class="cl-export" onClick={props.onExport}>
          {i18n.t('popup.exportPage')}
        </button>
        <button type="button" class="cl-export" onClick={props.onCopy}>
          {i18n.t('search.copyList')}
        </button>
        <button
          type="button"
          class="cl-export cl-map-toggle"
          aria-pressed={showMap}
          onClick={() => onShowMap(!showMap)}
        >
          {i18n.t('search.map')}
        </button>
      </span>
      <span class="cl-copy-note" aria-live="polite">
        {props.copyNote}
      </span>
    </div>
  );
}
