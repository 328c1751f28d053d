import { i18n } from '#i18n';
import { LabelBadge } from '~/components/LabelBadge';
import type { LabelLevel } from '~/lib/dataset/model';
import { formatPartialDate } from '~/lib/format-date';
import { bundledDataset, uiLocale } from '~/utils/dataset';

const LEVELS: LabelLevel[] = ['gold', 'silver', 'bronze', 'unknown', 'none'];

export function App() {
  const { records, asOf } = bundledDataset;
  const locale = uiLocale();
  const count = (level: LabelLevel) => records.filter((r) => r.label.level === level).length;
  return (
    <main>
      <h1>{i18n.t('popup.heading')}</h1>
      <p class="muted">{i18n.t('popup.summary')}</p>
      <p>
        {i18n.t('dataset.organisations', records.length, [records.length.toLocaleString(locale)])}
        {' · '}
        {i18n.t('dataset.asOf', [formatPartialDate(asOf, locale)])}
      </p>
      <ul class="counts">
        {LEVELS.map((level) => (
          <li key={level}>
            <LabelBadge level={level} /> {count(level).toLocaleString(locale)}
          </li>
        ))}
      </ul>
      <button
        type="button"
        class="link-button"
        onClick={() => void browser.runtime.openOptionsPage()}
      >
        {i18n.t('popup.openOptions')}
      </button>
    </main>
  );
}
