import { i18n } from '#i18n';
import type { Ref } from 'preact';
import type { CardScheme } from '~/lib/card-theme';
import type { ClusterRecord } from '~/lib/dataset/model';
import type { SuppressResult } from '~/lib/messages';
import { isolate } from '~/lib/display-text';
import type { Evidence } from '~/lib/matcher/evidence';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { CardFacts, CardSources, sourcesSummary } from './CardFacts';

export type CardContent =
  | { kind: 'loading' }
  | { kind: 'ready'; record: ClusterRecord; asOf: string }
  /** The active dataset no longer has the organisation (it changed since the page was scanned). */
  | { kind: 'missing' }
  /** The background did not answer (the extension was updated or reloaded). */
  | { kind: 'failed' };

export interface ClusterCardProps {
  /** The organisation's name as the page data has it: the dialog's name, also while loading. */
  name: string;
  content: CardContent;
  scheme: CardScheme;
  pinned: boolean;
  locale: string;
  today?: Date;
  onTogglePin: () => void;
  onClose: () => void;
  /**
   * "Not this organisation": stop marking this page text as this organisation on this site.
   * `matched` is the text as the page wrote it; absent where the card cannot offer it.
   */
  notThis?: {
    matched: string;
    site: string;
    onConfirm: () => void;
    /** The choice was not saved, and why (shown instead of failing silently). */
    refused?: Exclude<SuppressResult, { saved: true }>;
  };
  /** Why the scan counted the mention (an Evidence kind), shown with the sources. */
  evidence?: Evidence | null;
  /** The card's height changed (sources or "Not this" opened): place it again. */
  onLayoutChange?: () => void;
  /** The dialog element, which the content script positions and focuses. */
  dialogRef?: Ref<HTMLDivElement>;
}

/**
 * The hover card: a non-modal dialog named after the organisation. The name shares its line
 * with the pin and close buttons; the label and ECCP lines follow at once (CardFacts); "Not
 * this organisation" waits behind a small "Wrong match?" button at the bottom. Positioning and
 * focus are the content script's.
 */
export function ClusterCard({
  name,
  content,
  scheme,
  pinned,
  locale,
  today,
  onTogglePin,
  onClose,
  notThis,
  evidence,
  onLayoutChange,
  dialogRef,
}: ClusterCardProps) {
  const record = content.kind === 'ready' ? content.record : null;
  return (
    <div
      ref={dialogRef}
      class="cl-card cl-details"
      role="dialog"
      aria-modal="false"
      aria-label={name}
      data-theme={scheme}
      data-pinned={pinned ? 'true' : 'false'}
      tabIndex={-1}
    >
      <div class="cl-card__head">
        <div class="cl-card__actions">
          <button
            type="button"
            class="cl-card__button cl-card__pin"
            aria-pressed={pinned}
            aria-label={i18n.t('card.pin')}
            title={pinned ? i18n.t('card.unpin') : i18n.t('card.pin')}
            onClick={trusted(onTogglePin)}
          >
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
              <path d="M6 1.5h4l-.6 4.2 2.6 2.3v1.5H8.75V15h-1.5V9.5H4V8l2.6-2.3z" />
            </svg>
          </button>
          <button
            type="button"
            class="cl-card__button cl-card__close"
            aria-label={i18n.t('card.close')}
            title={i18n.t('card.close')}
            onClick={trusted(onClose)}
          >
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
              <path
                d="M3.5 3.5l9 9m0-9l-9 9"
                stroke="currentColor"
                stroke-width="1.75"
                fill="none"
              />
            </svg>
          </button>
        </div>
        {record ? (
          <h2 class="cl-card__name" data-long={isLongName(record) ? '' : undefined}>
            {record.name}
            {record.acronym && record.acronym !== record.name && (
              <span class="cl-card__acronym"> ({record.acronym})</span>
            )}
          </h2>
        ) : (
          <p class="cl-card__name">{name}</p>
        )}
      </div>
      {/* Keyed by the mention: another card starts with its sources and "Not this" closed. */}
      <CardBody
        key={`${name}\u0000${notThis?.matched ?? ''}\u0000${notThis?.site ?? ''}`}
        content={content}
        locale={locale}
        today={today}
        notThis={notThis}
        evidence={evidence}
        onLayoutChange={onLayoutChange}
      />
    </div>
  );
}

function CardBody({
  content,
  locale,
  today = new Date(),
  notThis,
  evidence,
  onLayoutChange,
}: Pick<
  ClusterCardProps,
  'content' | 'locale' | 'today' | 'notThis' | 'evidence' | 'onLayoutChange'
>) {
  const [askNotThis, setAskNotThis] = useState(false);
  const [sourcesOpen, setSourcesOpen] = useState(false);
  const id = useId();
  // A refusal is shown whatever the reader did since: it must not go unseen.
  const notThisOpen = askNotThis || notThis?.refused !== undefined;
  const shown = useRef(`${sourcesOpen} ${notThisOpen}`);
  useLayoutEffect(() => {
    const now = `${sourcesOpen} ${notThisOpen}`;
    if (shown.current === now) return;
    shown.current = now;
    onLayoutChange?.();
  }, [sourcesOpen, notThisOpen, onLayoutChange]);
  const ready = content.kind === 'ready' ? content : null;
  return (
    <div class="cl-card__body">
      {ready ? (
        <CardFacts record={ready.record} today={today} locale={locale} />
      ) : (
        <p class="cl-card__status" role="status">
          {content.kind === 'loading'
            ? i18n.t('card.loading')
            : content.kind === 'missing'
              ? i18n.t('card.missing')
              : i18n.t('card.failed')}
        </p>
      )}
      {(ready || notThis) && (
        <div class="cl-card__row">
          {ready && (
            <button
              type="button"
              class="cl-card__sources-toggle"
              aria-expanded={sourcesOpen}
              aria-controls={`${id}-sources`}
              onClick={trusted(() => setSourcesOpen(!sourcesOpen))}
            >
              {sourcesSummary(ready.record, ready.asOf, locale)}
            </button>
          )}
          {notThis && (
            <button
              type="button"
              class="cl-card__wrong"
              aria-expanded={notThisOpen}
              aria-controls={`${id}-not-this`}
              onClick={trusted(() => setAskNotThis(!askNotThis))}
            >
              {i18n.t('card.notThisMenu')}
            </button>
          )}
        </div>
      )}
      {ready && sourcesOpen && (
        <div class="cl-card__sources" id={`${id}-sources`}>
          <CardSources record={ready.record} today={today} evidence={evidence} />
        </div>
      )}
      {notThis && (
        <>
          {notThisOpen && (
            <div class="cl-card__footer" id={`${id}-not-this`}>
              <p class="cl-card__hint">
                {i18n.t('card.notThisHint', [isolate(notThis.matched), notThis.site])}
              </p>
              <button type="button" class="cl-card__not-this" onClick={trusted(notThis.onConfirm)}>
                {i18n.t('card.notThis')}
              </button>
              {notThis.refused && (
                <p class="cl-card__refused" role="alert">
                  {notThis.refused.reason === 'site-limit'
                    ? i18n.t('card.notThisSiteLimit', [String(notThis.refused.limit), notThis.site])
                    : notThis.refused.reason === 'quota'
                      ? i18n.t('card.notThisQuota')
                      : i18n.t('card.notThisFailed')}
                </p>
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}

/** Names (with the acronym) this long would wrap to a fourth line at the card's usual size. */
const LONG_NAME = 64;

function isLongName(record: ClusterRecord): boolean {
  const acronym = record.acronym && record.acronym !== record.name ? record.acronym.length + 3 : 0;
  return record.name.length + acronym > LONG_NAME;
}

/**
 * A button's action, run only for the reader's own click (or Enter/Space on the button, which
 * the browser turns into a trusted click), never for a click page script dispatches.
 */
function trusted(action: () => void) {
  return (event: Event) => {
    if (event.isTrusted) action();
  };
}
