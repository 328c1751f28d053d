import { i18n } from '#i18n';
import { formatNumber } from '~/lib/intl-cache';
import { plural } from '~/utils/plural';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ClusterDetails } from '~/components/ClusterDetails';
import { labelName } from '~/components/LabelBadge';
import { countryName } from '~/lib/country-display';
import { labelStatus } from '~/lib/label-status';
import { recordsToListText } from '~/lib/search/result-list-text';
import { sortByName, sortContext, sortResults, type SortKey } from '~/lib/search/sort';
import { withLinks } from '~/lib/dataset/links';
import type { ClusterRecord, DatasetRecords } from '~/lib/dataset/model';
import { pageAccess } from '~/lib/page-access';
import { applyFilters, NO_FILTERS, noFacets, type Filters } from '~/lib/search/filters';
import type { ClusterSearch, PrebuiltSearchIndex, SearchHit } from '~/lib/search/search-index';
import { searchLoader } from '~/lib/search/search-loader';
import type { Settings } from '~/lib/settings';
import { isSiteEnabled } from '~/lib/site-rules';
import { formatPartialDate } from '~/lib/format-date';
import type { CountryMap } from './CountryMap';
import { FilterBar } from './FilterBar';
import { PagePanel, type PageState } from './PagePanel';
import { QuickToggles } from './QuickToggles';
import { optionId, ResultList } from './ResultList';
import { ResultsSummary } from './ResultsSummary';
import { ResultsTools } from './ResultsTools';

/** What the popup needs from the browser, so tests can give it stand-ins. */
export interface PopupEnv {
  locale: string;
  /**
   * The active dataset, every field of every record; `storedUnreadable`: an import could not be
   * read and the bundle stands in.
   */
  loadDataset: () => Promise<{ dataset: DatasetRecords; storedUnreadable: boolean }>;
  /** Offers text as a file download (no network). */
  saveFile: (text: string, fileName: string, type: string) => void;
  /** Puts text on the clipboard; rejects when the browser refuses. */
  copyText: (text: string) => Promise<void>;
  /** A query to start with ("Look up in Cluster Lens" on a selection), if any. */
  initialQuery?: () => Promise<string | null>;
  /**
   * A dataset known to be active already, to render at once: its records may hold only the
   * fields the list shows (lib/dataset/record-parts.ts) until `loadDataset`, which is then asked
   * just after the first results are painted, gives them whole.
   */
  initialDataset?: DatasetRecords;
  /**
   * The build's prebuilt search index, or null when it has none (the index is then built for
   * the dataset). Asked for just after the first results are painted, or at the first keystroke
   * if sooner: in the extension it is a chunk of its own, not loaded before that paint.
   */
  prebuiltIndex: () => Promise<PrebuiltSearchIndex | null>;
  loadSettings: () => Promise<Settings>;
  /** Applies a change to the user's own settings, saves them, and gives the settings in force. */
  updateSettings: (change: (user: Settings) => Settings) => Promise<Settings>;
  activeTab: () => Promise<{ id: number | undefined; url: string | undefined }>;
  requestDetections: (tabId: number) => Promise<PageState & { kind: 'found' | 'no-answer' }>;
  /**
   * Calls `listener` whenever a frame of the tab reports what it found (a scan finished, the
   * page changed); returns the function that stops listening.
   */
  watchPageReports?: (tabId: number, listener: () => void) => () => void;
  reveal: (tabId: number, id: string) => Promise<void>;
  close: () => void;
  openOptions: () => void;
  /** Called once the search box has focus and the first results are on screen. */
  onReady?: () => void;
}

const LIST_ID = 'cl-results';
/** Five rows: with the filters, sort and actions, the popup stays within Chrome's 600 px. */
const LIST_HEIGHT = 260;

/** A list as plain text, one organisation per line: name, label (and if expired), country. */
function listText(records: readonly ClusterRecord[], locale: string, today: Date): string {
  return recordsToListText(records, {
    label: (r) =>
      labelStatus(r.label, today).kind === 'expired'
        ? i18n.t('search.listExpired', [labelName(r.label.level)])
        : labelName(r.label.level),
    country: (r) => (r.country ? countryName(r.country, locale) : i18n.t('search.countryNone')),
    line: (name, label, country) => i18n.t('search.listLine', [name, label, country]),
  });
}

/**
 * A component whose code is a chunk of its own (what only a click shows: the details view, the
 * map), loaded when `wanted` first holds; null until it has come.
 */
function useLazyComponent<C>(wanted: boolean, load: () => Promise<C>): C | null {
  const [component, setComponent] = useState<{ value: C } | null>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (!wanted || asked.current) return;
    asked.current = true;
    void load().then((value) => setComponent({ value }));
  }, [wanted]);
  return component?.value ?? null;
}

type View =
  | { kind: 'search' }
  | { kind: 'page' }
  | { kind: 'details'; record: ClusterRecord; from: 'search' | 'page' };

export function PopupApp({ env }: { env: PopupEnv }) {
  const { locale } = env;
  const today = useMemo(() => new Date(), []);
  const input = useRef<HTMLInputElement>(null);
  const [dataset, setDataset] = useState<DatasetRecords | null>(env.initialDataset ?? null);
  const [storedUnreadable, setStoredUnreadable] = useState(false);
  /** The dataset as `loadDataset` gave it, every field there: for details and the CSV export. */
  const [whole, setWhole] = useState<DatasetRecords | null>(null);
  const loading = useRef<Promise<DatasetRecords> | null>(null);
  const loadWhole = () =>
    (loading.current ??= env.loadDataset().then((active) => {
      setDataset(active.dataset);
      setWhole(active.dataset);
      setStoredUnreadable(active.storedUnreadable);
      return active.dataset;
    }));
  const [settings, setSettings] = useState<Settings | null>(null);
  const [tab, setTab] = useState<{ id: number | undefined; url: string | undefined } | null>(null);
  const [page, setPage] = useState<PageState>({ kind: 'loading' });
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<SortKey>('relevance');
  const [showMap, setShowMap] = useState(false);
  /** What the last copy did, said next to the buttons. */
  const [copyNote, setCopyNote] = useState('');
  const [active, setActive] = useState(0);
  const [view, setView] = useState<View>({ kind: 'search' });

  useEffect(() => {
    input.current?.focus();
    // With a dataset to show already, the rest of it is read once its first results are painted.
    if (!env.initialDataset) void loadWhole();
    void env.loadSettings().then(setSettings);
    void env.activeTab().then(setTab);
    void env.initialQuery?.().then((q) => q && setQuery(q));
  }, [env]);

  // Made when first needed: the first results are in name order and need no search, so the
  // popup opens without it (or its code), and makes it just after (see below) or at the first
  // keystroke.
  const search = useMemo(
    () => (dataset ? searchLoader(dataset, locale, env.prebuiltIndex) : null),
    [dataset, locale, env.prebuiltIndex],
  );
  const [made, setMade] = useState<{ of: typeof search; search: ClusterSearch } | null>(null);
  const searcher = made && made.of === search ? made.search : null;
  const namesSorted = useMemo(
    () => (dataset ? sortByName(dataset.records, locale) : []),
    [dataset, locale],
  );
  const byName = useMemo(() => namesSorted.map((record) => ({ record, score: 0 })), [namesSorted]);
  const ordering = useMemo(
    () => sortContext(namesSorted, locale, today),
    [namesSorted, locale, today],
  );
  const searching = query.trim() !== '';
  // A query typed before the search has come waits for it: until then the list stays as it
  // was (a few milliseconds, the search being local).
  const waiting = searching && searcher === null;
  const shownHits = useRef<SearchHit[]>([]);
  const hits = useMemo(
    () => (waiting ? shownHits.current : searcher && searching ? searcher.search(query) : byName),
    [searcher, searching, waiting, query, byName],
  );
  shownHits.current = hits;
  // The filters' lists and their counts are not needed to start typing: they are filled in
  // just after the first results are painted (the sector and region lists hold hundreds, and
  // counting means working out every record's label status). Until then, no filter is set.
  const [longLists, setLongLists] = useState(false);
  const counting = longLists || Object.values(filters).some((v) => v !== null);
  const { items, facets } = useMemo(
    () => (counting ? applyFilters(hits, filters, today) : { items: hits, facets: noFacets() }),
    [hits, filters, today, counting],
  );
  // Without a query there is no relevance: the list is in name order (as `byName` already is).
  const sortBy: SortKey = sort === 'relevance' && !searching ? 'name' : sort;
  const sorted = useMemo(
    () => (sortBy === 'name' && !searching ? items : sortResults(items, sortBy, ordering)),
    [items, sortBy, searching, ordering],
  );
  const records = useMemo(() => sorted.map((h) => h.record), [sorted]);
  const recordsById = useMemo(
    () => new Map((dataset?.records ?? []).map((r) => [r.id, r])),
    [dataset],
  );
  const access = pageAccess(tab?.url);
  const hostname = access.kind === 'scannable' ? access.hostname : null;

  useEffect(() => setActive(0), [records]);
  useEffect(() => setCopyNote(''), [records, view.kind]);

  // Ready: the search box has focus and the first results are on screen.
  const readyReported = useRef(false);
  useEffect(() => {
    if (!dataset || readyReported.current) return;
    readyReported.current = true;
    env.onReady?.();
    requestAnimationFrame(() =>
      setTimeout(() => {
        setLongLists(true);
        void loadWhole();
      }, 0),
    );
  }, [dataset, env]);
  // The search, once the first results are on screen, so the first keystroke does not wait;
  // sooner if a query comes first.
  useEffect(() => {
    if (!search || searcher || !(longLists || searching)) return;
    let current = true;
    search().then(
      (loaded) => current && setMade({ of: search, search: loaded }),
      // Asked again at the next keystroke (see searchLoader); the list stays as it is.
      (error: unknown) => console.error(error),
    );
    return () => {
      current = false;
    };
  }, [search, searcher, longLists, searching && query]);

  // The page's detections, once the tab and settings are known.
  useEffect(() => {
    if (!tab || !settings) return;
    if (tab.id === undefined || access.kind !== 'scannable') {
      setPage({ kind: 'not-scannable' });
      return;
    }
    if (!settings.enabled) return setPage({ kind: 'off' });
    if (!isSiteEnabled(settings, access.hostname)) return setPage({ kind: 'site-skipped' });
    // Asked again whenever the page reports: a page switched back on, or allowed again on this
    // site, is scanned afresh while the popup is open, and its first answer is still empty.
    const tabId = tab.id;
    let current = true;
    let asking = false;
    let askAgain = false;
    const ask = () => {
      if (asking) {
        askAgain = true;
        return;
      }
      asking = true;
      void env.requestDetections(tabId).then((state) => {
        asking = false;
        if (!current) return;
        setPage(state);
        if (askAgain) {
          askAgain = false;
          ask();
        }
      });
    };
    ask();
    const stopWatching = env.watchPageReports?.(tabId, ask);
    return () => {
      current = false;
      stopWatching?.();
    };
  }, [tab, settings?.enabled, settings && isSiteEnabled(settings, hostname ?? '')]);

  // Details replace the list or the search box that had focus. The autofocus attribute acts
  // only on a page's first focus, so a keyboard user would be left on <body>: focus "Back".
  const backButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (view.kind === 'details') backButton.current?.focus();
  }, [view]);

  const openDetails = (record: ClusterRecord, from: 'search' | 'page') => {
    void loadWhole();
    setView({ kind: 'details', record, from });
  };
  const back = () => {
    if (view.kind !== 'details') return;
    setView({ kind: view.from });
    if (view.from === 'search') requestAnimationFrame(() => input.current?.focus());
  };
  const changeSettings = (change: (s: Settings) => Settings) => {
    if (settings) setSettings(change(settings));
    void env.updateSettings(change).then(setSettings);
  };
  const copyList = (list: readonly ClusterRecord[]) => {
    env.copyText(listText(list, locale, today)).then(
      () => setCopyNote(plural('search.copied', list.length, [formatNumber(list.length, locale)])),
      () => setCopyNote(i18n.t('search.copyFailed')),
    );
  };
  const reveal = (id: string) => {
    if (tab?.id === undefined) return;
    void env.reveal(tab.id, id).then(() => env.close());
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing =
        target?.tagName === 'INPUT' ||
        target?.tagName === 'SELECT' ||
        target?.tagName === 'TEXTAREA';
      if (e.key === '/' && !typing) {
        e.preventDefault();
        setView({ kind: 'search' });
        requestAnimationFrame(() => input.current?.focus());
      } else if (e.key === 'Escape' && view.kind === 'details') {
        e.preventDefault();
        back();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const onSearchKey = (e: KeyboardEvent) => {
    const move = (to: number) => {
      e.preventDefault();
      setActive(Math.max(0, Math.min(records.length - 1, to)));
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(active + 1);
      case 'ArrowUp':
        return move(active - 1);
      case 'PageDown':
        return move(active + 6);
      case 'PageUp':
        return move(active - 6);
      case 'Enter': {
        const record = records[active];
        if (record) {
          e.preventDefault();
          openDetails(record, 'search');
        }
        return;
      }
      case 'Escape':
        if (query !== '') {
          e.preventDefault();
          e.stopPropagation();
          setQuery('');
        }
        return;
    }
  };

  const tabButton = (kind: 'search' | 'page', label: string) => {
    const selected = view.kind === kind || (view.kind === 'details' && view.from === kind);
    return (
      <button
        type="button"
        role="tab"
        id={`cl-tab-${kind}`}
        aria-selected={selected}
        aria-controls="cl-panel"
        class="cl-tab"
        onClick={() => {
          setView({ kind });
          if (kind === 'search') requestAnimationFrame(() => input.current?.focus());
        }}
      >
        {label}
      </button>
    );
  };
  const pageCount = page.kind === 'found' ? page.detections.length : null;
  // Not in what the first paint waits for: their code is loaded just after it (or at once, if
  // asked for sooner), so that a click shows them without a wait.
  const DetailsView: typeof ClusterDetails | null = useLazyComponent(
    longLists || view.kind === 'details',
    () => import('~/components/ClusterDetails').then((m) => m.ClusterDetails),
  );
  const MapView: typeof CountryMap | null = useLazyComponent(longLists || showMap, () =>
    import('./CountryMap').then((m) => m.CountryMap),
  );

  return (
    <main class="cl-popup">
      <header class="cl-header">
        <h1>{i18n.t('popup.heading')}</h1>
        <div role="tablist" class="cl-tabs">
          {tabButton('search', i18n.t('popup.searchTab'))}
          {tabButton(
            'page',
            pageCount === null
              ? i18n.t('popup.pageTab')
              : i18n.t('search.option', [i18n.t('popup.pageTab'), formatNumber(pageCount, locale)]),
          )}
        </div>
      </header>

      {storedUnreadable && (
        <p class="cl-stored-problem" role="alert">
          {i18n.t('popup.storedUnreadable')}
        </p>
      )}

      <section
        id="cl-panel"
        role="tabpanel"
        aria-labelledby={`cl-tab-${view.kind === 'details' ? view.from : view.kind}`}
        class="cl-panel"
      >
        <div class="cl-search" hidden={view.kind !== 'search'}>
          <input
            ref={input}
            type="search"
            role="combobox"
            aria-expanded="true"
            aria-controls={LIST_ID}
            aria-autocomplete="list"
            aria-activedescendant={records.length > 0 ? optionId(LIST_ID, active) : undefined}
            aria-label={i18n.t('search.label')}
            aria-describedby="cl-search-hint"
            placeholder={i18n.t('search.placeholder')}
            autocomplete="off"
            spellcheck={false}
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
            onKeyDown={onSearchKey}
          />
          <p id="cl-search-hint" class="cl-visually-hidden">
            {i18n.t('search.keyboardHint')}
          </p>
          {dataset && (
            <FilterBar
              filters={filters}
              facets={facets}
              locale={locale}
              longLists={longLists}
              onChange={setFilters}
            />
          )}
          {dataset && dataset.records.length > 0 && (
            <ResultsTools
              sort={sortBy}
              searching={searching}
              onSort={setSort}
              showMap={showMap}
              onShowMap={setShowMap}
              onExport={() => {
                // Every column: waits for the records' other fields if they are still coming
                // (a few milliseconds after opening), unless the list then changes under it.
                // The CSV writer is a chunk of its own, loaded at the first export.
                const shown = dataset;
                void Promise.all([loadWhole(), import('~/lib/dataset/export')]).then(
                  ([full, csv]) => {
                    if (full === shown) {
                      env.saveFile(
                        csv.recordsToCsv(records),
                        csv.resultsExportFileName(today),
                        'text/csv',
                      );
                    }
                  },
                );
              }}
              onCopy={() => copyList(records)}
              copyNote={view.kind === 'search' ? copyNote : ''}
            />
          )}
          <p class="cl-results-line">
            {/* Only the count is announced as it changes; the breakdown is there to read. */}
            <span class="cl-status" role="status">
              {dataset &&
                (dataset.records.length === 0
                  ? i18n.t('search.emptyDataset')
                  : records.length === 0 && searching
                    ? i18n.t('search.noResults', [query.trim()])
                    : plural('search.results', records.length, [
                        formatNumber(records.length, locale),
                      ]))}
            </span>
            {records.length > 0 && <ResultsSummary records={records} locale={locale} />}
          </p>
          {showMap && MapView && (
            <MapView
              counts={facets.country}
              selected={filters.country}
              locale={locale}
              onSelect={(country) => setFilters({ ...filters, country })}
            />
          )}
          <ResultList
            id={LIST_ID}
            label={i18n.t('search.label')}
            records={records}
            active={active}
            locale={locale}
            today={today}
            height={LIST_HEIGHT}
            hidden={showMap}
            busy={waiting}
            onActive={setActive}
            onOpen={(i) => {
              setActive(i);
              const record = records[i];
              if (record) openDetails(record, 'search');
            }}
          />
        </div>

        {view.kind === 'page' && (
          <PagePanel
            state={page}
            records={recordsById}
            locale={locale}
            onReveal={reveal}
            onCopy={
              page.kind === 'found'
                ? () =>
                    copyList(
                      page.detections.flatMap((d) => {
                        const record = recordsById.get(d.id);
                        return record ? [record] : [];
                      }),
                    )
                : undefined
            }
            copyNote={copyNote}
            onExport={
              page.kind === 'found' && tab?.url && dataset
                ? () => {
                    const { detections } = page;
                    const url = tab.url!;
                    void import('~/lib/page-export').then((csv) =>
                      env.saveFile(
                        csv.pageDetectionsToCsv(detections, recordsById, url, dataset.asOf, today),
                        csv.pageExportFileName(url, today),
                        'text/csv',
                      ),
                    );
                  }
                : undefined
            }
          />
        )}

        {view.kind === 'details' && dataset && (
          <div class="cl-details-view">
            <button type="button" class="cl-back" onClick={back} ref={backButton}>
              <span aria-hidden="true">←</span> {i18n.t('popup.back')}
            </button>
            {/* Shown once the record is whole (at once, but for a click in the first moments). */}
            {whole === dataset && DetailsView && (
              <DetailsView
                record={withLinks(whole.records, view.record)}
                asOf={whole.asOf}
                today={today}
                locale={locale}
              />
            )}
          </div>
        )}
      </section>

      <footer class="cl-footer">
        {settings && (
          <QuickToggles settings={settings} hostname={hostname} onChange={changeSettings} />
        )}
        <p class="cl-footer__line">
          {/* The details view says "as of" itself. */}
          {dataset && view.kind !== 'details' && (
            <span>{i18n.t('dataset.asOf', [formatPartialDate(dataset.asOf, locale)])}</span>
          )}
          <button type="button" class="cl-link-button" onClick={env.openOptions}>
            {i18n.t('popup.openOptions')}
          </button>
        </p>
      </footer>
    </main>
  );
}
