import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { formatPartialDate } from '~/lib/format-date';
import type { Settings } from '~/lib/settings';
import { bundledDataset, uiLocale } from '~/utils/dataset';
import { loadSettings, settingsItem } from '~/utils/settings';

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    void loadSettings().then(setSettings);
    // Another window (or the popup) may change settings while this page is open.
    return settingsItem.watch(() => void loadSettings().then(setSettings));
  }, []);

  const update = async (patch: Partial<Settings>) => {
    if (!settings) return;
    const next = { ...settings, ...patch };
    setSettings(next);
    await settingsItem.setValue(next);
    setStatus(i18n.t('options.saved'));
  };

  const { records, asOf } = bundledDataset;
  const locale = uiLocale();
  return (
    <main>
      <h1>{i18n.t('options.title')}</h1>
      <fieldset>
        <legend>{i18n.t('options.general')}</legend>
        <label>
          <input
            type="checkbox"
            checked={settings?.enabled ?? false}
            disabled={!settings}
            aria-describedby="enabled-help"
            onChange={(e) => void update({ enabled: e.currentTarget.checked })}
          />{' '}
          {i18n.t('options.enabled')}
        </label>
        <p class="help" id="enabled-help">
          {i18n.t('options.enabledHelp')}
        </p>
      </fieldset>
      <fieldset>
        <legend>{i18n.t('options.dataset')}</legend>
        <p>
          {i18n.t('dataset.organisations', records.length, [records.length.toLocaleString(locale)])}
          {' · '}
          {i18n.t('dataset.asOf', [formatPartialDate(asOf, locale)])}
        </p>
        <p class="help">{i18n.t('dataset.sourcesNote')}</p>
      </fieldset>
      <p class="status" role="status">
        {status}
      </p>
    </main>
  );
}
