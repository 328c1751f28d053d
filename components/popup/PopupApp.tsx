import { i18n } from '#i18n';
import { collator, formatNumber } from '~/lib/intl-cache';
import { pageDetectionsToCsv, pageExportFileName } from '~/lib/page-export';
import { plural } from '~/utils/plural';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ClusterDetails } from '~/components/ClusterDetails';
import { withLinks } from '~/lib/dataset/links';
import type { ClusterRecord, Dataset } from '~/lib/dataset/model';
import { pageAccess } from '~/lib/page-access';
import { applyFilters, NO_FILTERS, type Filters } from '~/lib/search/filters';
import { ClusterSearch, type PrebuiltSearchIndex } from '~/lib/search/search-index';
import type { Settings } from '~/lib/settings';
import { isSiteEnabled } from '~/lib/site-rules';
import { formatPartialDate } from '~/lib/format-date';
import { FilterBar } from './FilterBar';
import { PagePanel, type PageState } from './PagePanel';
import { QuickToggles } from './QuickToggles';
import { optionId, ResultList } from './ResultList';

/** What the popup needs from the browser, so tests can give it stand-ins. */
export interface PopupEnv {
  locale: string;
  /** The active dataset; `storedUnreadable`: an import could not be read and the bundle stands in. */
  loadDataset: () => Promise<{ dataset: Dataset; storedUnreadable: boolean }>;
  /** Offers text as a file download (no network). */
  saveFile: (text: string, fileName: string, type: string) => void;
  /** A query to start with ("Look up in Cluster Lens" on a selection), if any. */
  initialQuery?: () => Promise<string | null>;
  /** A dataset known to be active already, to render at once (storage is still read after). */
  initialDataset?: Dataset;
  prebuiltIndex: PrebuiltSearchIndex | null;
  loadSettings: () => Promise<Settings>;
  /** Applies a change to the user's own settings, saves them, and gives the settings in force. */
  updateSettings: (change: (user: Settings) => Settings) => Promise<Settings>;
  activeTab: () => Promise<{ id: number | undefined; url: string | undefined }>;
  requestDetections: (tabId: number) => Promise<PageState & { kind: 'found' | 'no-answer' }>;
  reveal: (tabId: number, id: string) => Promise<void>;
  close: () => void;
  openOptions: () => void;
  /** Called once the search box has focus and the first results are on screen. */
  onReady?: () => void;
}

const LIST_ID = 'cl-results';
const LIST_HEIGHT = 312;

type View =
  | { kind: 'search' }
  | { kind: 'page' }
  | { kind: 'details'; record: ClusterRecord; from: 'search' | 'page' };

export function PopupApp({ env }: { env: PopupEnv }) {
  const { locale } = env;
  const today = useMemo(() => new Date(), []);
  const input = useRef<HTMLInputElement>(null);
  const [dataset, setDataset] = useState<Dataset | null>(env.initialDataset ?? null);
  const [storedUnreadable, setStoredUnreadable] = useState(false);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [tab, setTab] = useState<{ id: number | undefined; url: string | undefined } | null>(null);
  const [page, setPage] = useState<PageState>({ kind: 'loading' });
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [active, setActive] = useState(0);
  const [view, setView] = useState<View>({ kind: 'search' });

  useEffect(() => {
    input.current?.focus();
    void env.loadDataset().then((active) => {
      setDataset(active.dataset);
      setStoredUnreadable(active.storedUnreadable);
    });
    void env.loadSettings().then(setSettings);
    void env.activeTab().then(setTab);
    void env.initialQuery?.().then((q) => q && setQuery(q));
  }, [env]);

  const search = useMemo(
    () => (dataset ? ClusterSearch.forDataset(dataset, locale, env.prebuiltIndex) : null),
    [dataset, locale, env.prebuiltIndex],
  );
  const byName = useMemo(
    () =>
      dataset
        ? [...dataset.records]
            .sort((a, b) => collator(locale).compare(a.name, b.name))
            .map((record) => ({ record, score: 0 }))
        : [],
    [dataset, locale],
  );
  const hits = useMemo(
    () => (search && query.trim() !== '' ? search.search(query) : byName),
    [search, query, byName],
  );
  const { items, facets } = useMemo(
    () => applyFilters(hits, filters, today),
    [hits, filters, today],
  );
  const records = useMemo(() => items.map((h) => h.record), [items]);
  const recordsById = useMemo(
    () => new Map((dataset?.records ?? []).map((r) => [r.id, r])),
    [dataset],
  );
  const access = pageAccess(tab?.url);
  const hostname = access.kind === 'scannable' ? access.hostname : null;

  useEffect(() => setActive(0), [records]);

  // Ready: the search box has focus and the first results are on screen.
  const readyReported = useRef(false);
  useEffect(() => {
    if (!dataset || readyReported.current) return;
    readyReported.current = true;
    env.onReady?.();
  }, [dataset, env]);

  // The page's detections, once the tab and settings are known.
  useEffect(() => {
    if (!tab || !settings) return;
    if (tab.id === undefined || access.kind !== 'scannable') {
      setPage({ kind: 'not-scannable' });
      return;
    }
    if (!settings.enabled) return setPage({ kind: 'off' });
    if (!isSiteEnabled(settings, access.hostname)) return setPage({ kind: 'site-skipped' });
    let current = true;
    void env.requestDetections(tab.id).then((state) => current && setPage(state));
    return () => {
      current = false;
    };
  }, [tab, settings?.enabled, settings && isSiteEnabled(settings, hostname ?? '')]);

  // Details replace the list or the search box that had focus. The autofocus attribute acts
  // only on a page's first focus, so a keyboard user would be left on <body>: focus "Back".
  const backButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (view.kind === 'details') backButton.current?.focus();
  }, [view]);

  const openDetails = (record: ClusterRecord, from: 'search' | 'page') =>
    setView({ kind: 'details', record, from });
  const back = () => {
    if (view.kind !== 'details') return;
    setView({ kind: view.from });
    if (view.from === 'search') requestAnimationFrame(() => input.current?.focus());
  };
  const changeSettings = (change: (s: Settings) => Settings) => {
    if (settings) setSettings(change(settings));
    void env.updateSettings(change).then(setSettings);
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
            <FilterBar filters={filters} facets={facets} locale={locale} onChange={setFilters} />
          )}
          <p class="cl-status" role="status">
            {dataset &&
              (dataset.records.length === 0
                ? i18n.t('search.emptyDataset')
                : records.length === 0 && query.trim() !== ''
                  ? i18n.t('search.noResults', [query.trim()])
                  : plural('search.results', records.length, [
                      formatNumber(records.length, locale),
                    ]))}
          </p>
          <ResultList
            id={LIST_ID}
            label={i18n.t('search.label')}
            records={records}
            active={active}
            locale={locale}
            today={today}
            height={LIST_HEIGHT}
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
            onExport={
              page.kind === 'found' && tab?.url && dataset
                ? () =>
                    env.saveFile(
                      pageDetectionsToCsv(
                        page.detections,
                        recordsById,
                        tab.url!,
                        dataset.asOf,
                        today,
                      ),
                      pageExportFileName(tab.url!, today),
                      'text/csv',
                    )
                : undefined
            }
          />
        )}

        {view.kind === 'details' && dataset && (
          <div class="cl-details-view">
            <button type="button" class="cl-back" onClick={back} ref={backButton}>
              <span aria-hidden="true">←</span> {i18n.t('popup.back')}
            </button>
            <ClusterDetails
              record={withLinks(dataset.records, view.record)}
              asOf={dataset.asOf}
              today={today}
              locale={locale}
            />
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
