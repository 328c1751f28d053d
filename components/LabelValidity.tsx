import { i18n } from '#i18n';
import type { Label } from '~/lib/dataset/model';
import { formatPartialDate } from '~/lib/format-date';
import { labelStatus } from '~/lib/label-status';
import { LabelBadge } from './LabelBadge';

/**
 * A label with what is known of its validity on `today`: current with its end, a clear
 * Expired, or only an award year (and that it may have lapsed). Never more than the data says.
 */
export function LabelValidity({
  label,
  today,
  locale,
}: {
  label: Label;
  today: Date;
  locale: string;
}) {
  const status = labelStatus(label, today);
  const awarded = label.year !== null ? i18n.t('details.awarded', [String(label.year)]) : null;
  return (
    <div class="cl-details__label" data-status={status.kind}>
      <p class="cl-details__badges">
        <LabelBadge level={label.level} />
        {status.kind === 'expired' && (
          <span class="cl-badge cl-badge--expired">{i18n.t('details.expiredBadge')}</span>
        )}
      </p>
      {status.kind === 'current' && (
        <p>
          {awarded && <>{awarded} · </>}
          {i18n.t('details.validUntil', [formatPartialDate(status.validUntil, locale)])}
        </p>
      )}
      {status.kind === 'expired' && (
        <p>
          {awarded && <>{awarded} · </>}
          <strong>
            {i18n.t('details.expiredSince', [formatPartialDate(status.validUntil, locale)])}
          </strong>
        </p>
      )}
      {status.kind === 'undated' && (
        <p>
          {status.awardYear !== null
            ? i18n.t('details.undated', [String(status.awardYear)])
            : i18n.t('details.undatedNoYear')}
          {status.mayHaveLapsed && <> {i18n.t('details.mayHaveLapsed')}</>}
        </p>
      )}
      {status.kind === 'not-labelled' && (
        <p class="cl-details__note">
          {label.level === 'none' ? i18n.t('details.labelNone') : i18n.t('details.labelUnknown')}
        </p>
      )}
    </div>
  );
}
