import { i18n } from '#i18n';
import { formatNumber } from '~/lib/intl-cache';
import { plural } from '~/utils/plural';
import { LabelBadge } from '~/components/LabelBadge';
import type { ClusterRecord } from '~/lib/dataset/model';
import type { Detection } from '~/lib/messages';

/** What the popup knows about the active tab's page. */
export type PageState =
  | { kind: 'loading' }
  /** Browser pages, stores, files: no content script can run there. */
  | { kind: 'not-scannable' }
  /** A web page whose content script did not answer (opened before install, or still loading). */
  | { kind: 'no-answer' }
  | { kind: 'off' | 'site-skipped' }
  | { kind: 'found'; detections: Detection[] };

interface PagePanelProps {
  state: PageState;
  records: ReadonlyMap<string, ClusterRecord>;
  locale: string;
  onReveal: (id: string) => void;
  /** Saves the list as a CSV file. */
  onExport?: () => void;
  /** Copies the list as plain text, one organisation per line. */
  onCopy?: () => void;
  /** What the last copy did. */
  copyNote?: string;
}

/** The organisations the page mentions, most mentioned first; choosing one shows it there. */
export function PagePanel(props: PagePanelProps) {
  const { state, records, locale, onReveal, onExport, onCopy } = props;
  switch (state.kind) {
    case 'loading':
      return <p class="cl-state" aria-busy="true" />;
    case 'not-scannable':
      return <p class="cl-state">{i18n.t('popup.notScannable')}</p>;
    case 'no-answer':
      return <p class="cl-state">{i18n.t('popup.noAnswer')}</p>;
    case 'off':
      return <p class="cl-state">{i18n.t('popup.markingOff')}</p>;
    case 'site-skipped':
      return <p class="cl-state">{i18n.t('popup.siteSkipped')}</p>;
    case 'found':
      break;
  }
  const { detections } = state;
  if (detections.length === 0) return <p class="cl-state">{i18n.t('popup.nothingFound')}</p>;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const items = [
      ...(e.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('button'),
    ];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      items[Math.max(0, Math.min(items.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
    next?.focus();
    e.preventDefault();
  };
  return (
    <>
      <p class="cl-status">
        {plural('popup.foundOnPage', detections.length, [formatNumber(detections.length, locale)])}
      </p>
      {(onExport || onCopy) && (
        <p class="cl-actions">
          {onExport && (
            <button type="button" class="cl-export" onClick={onExport}>
              {i18n.t('popup.exportPage')}
            </button>
          )}
          {onCopy && (
            <button type="button" class="cl-export" onClick={onCopy}>
              {i18n.t('search.copyList')}
            </button>
          )}
          <span class="cl-copy-note" aria-live="polite">
            {props.copyNote}
          </span>
        </p>
      )}
      <ul class="cl-page-list" onKeyDown={onKeyDown}>
        {detections.map((d) => {
          const record = records.get(d.id);
          return (
            <li key={d.id}>
              <button
                type="button"
                class="cl-page-item"
                title={i18n.t('popup.revealHint')}
                onClick={() => onReveal(d.id)}
              >
                <span class="cl-result__name">{record?.name ?? d.name}</span>
                <span class="cl-result__meta">
                  {record ? (
                    <LabelBadge level={record.label.level} />
                  ) : (
                    <span class="cl-muted">{i18n.t('popup.notInDataset')}</span>
                  )}
                  <span class="cl-page-item__count">
                    {plural('popup.mentions', d.count, [formatNumber(d.count, locale)])}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
