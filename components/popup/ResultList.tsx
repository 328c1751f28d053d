import { useEffect, useRef, useState } from 'preact/hooks';
import { LabelBadge } from '~/components/LabelBadge';
import { countryName } from '~/lib/country-display';
import { CountryFlag } from '../CountryFlag';
import type { ClusterRecord } from '~/lib/dataset/model';
import { labelStatus } from '~/lib/label-status';
import { i18n } from '#i18n';

/** Rows are a fixed height so only the visible ones need to exist, however long the list. */
export const ROW_HEIGHT = 52;
const OVERSCAN = 6;

export interface ResultListProps {
  id: string;
  label: string;
  records: readonly ClusterRecord[];
  active: number;
  locale: string;
  today: Date;
  height: number;
  /** Kept in the document (the search box points at it) while the country map shows. */
  hidden?: boolean;
  /** The results of the query typed are still coming (the search's code is loading). */
  busy?: boolean;
  onOpen: (index: number) => void;
  onActive: (index: number) => void;
}

export function optionId(listId: string, index: number): string {
  return `${listId}-${index}`;
}

/** A virtualised listbox of results: badge, name, country and city per row. */
export function ResultList(props: ResultListProps) {
  const { id, records, active, height } = props;
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);

  // Keep the active row in view as arrow keys move it.
  useEffect(() => {
    const el = box.current;
    if (!el || active < 0) return;
    const top = active * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + height) el.scrollTop = top + ROW_HEIGHT - height;
    setScrollTop(el.scrollTop);
  }, [active, height]);

  useEffect(() => {
    if (box.current) box.current.scrollTop = 0;
    setScrollTop(0);
  }, [records]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(records.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const rows = [];
  for (let i = first; i < last; i++) {
    const record = records[i]!;
    const expired = labelStatus(record.label, props.today).kind === 'expired';
    rows.push(
      <div
        key={record.id}
        id={optionId(id, i)}
        role="option"
        aria-selected={i === active}
        aria-setsize={records.length}
        aria-posinset={i + 1}
        class="cl-result"
        style={{ top: `${i * ROW_HEIGHT}px` }}
        onClick={() => props.onOpen(i)}
        onMouseMove={() => i !== active && props.onActive(i)}
      >
        <span class="cl-result__name">{record.name}</span>
        <span class="cl-result__meta">
          <LabelBadge level={record.label.level} />
          {expired && (
            <span class="cl-badge cl-badge--expired">{i18n.t('details.expiredBadge')}</span>
          )}
          <span class="cl-result__place">
            {record.country ? (
              <>
                <CountryFlag code={record.country} /> {countryName(record.country, props.locale)}
              </>
            ) : (
              i18n.t('search.countryNone')
            )}
            {record.city && <> · {record.city}</>}
          </span>
        </span>
      </div>,
    );
  }
  return (
    <div
      ref={box}
      id={id}
      role="listbox"
      aria-label={props.label}
      aria-busy={props.busy || undefined}
      class="cl-results"
      hidden={props.hidden}
      style={{ height: `${height}px` }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div class="cl-results__spacer" style={{ height: `${records.length * ROW_HEIGHT}px` }}>
        {rows}
      </div>
    </div>
  );
}
