import { i18n } from '#i18n';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { CardBehaviourEditor } from '~/components/CardBehaviourEditor';
import { DatasetImport } from '~/components/DatasetImport';
import { LockedNote } from '~/components/LockedNote';
import { MarkStyleEditor } from '~/components/MarkStyleEditor';
import { SiteListEditor } from '~/components/SiteListEditor';
import { SuppressedList } from '~/components/SuppressedList';
import type { Dataset } from '~/lib/dataset/model';
import { applyManagedPolicy, isLocked, type ManagedPolicy } from '~/lib/managed-policy';
import { MARK_CATEGORIES, type Settings } from '~/lib/settings';
import {
  readActiveDataset,
  setImportedDataset,
  watchActiveDataset,
  type ActiveDataset,
} from '~/utils/active-dataset';
import { uiLocale } from '~/utils/locale';
import { downloadText } from '~/utils/download';
import {
  loadManagedPolicy,
  loadUserSettings,
  saveUserSettings,
  settingsItem,
  watchManagedPolicy,
} from '~/utils/settings';
import { readSettings } from '~/lib/settings';
import { WELCOME_PATH } from '~/utils/welcome-page';

export function App() {
  const [user, setUser] = useState<Settings | null>(null);
  const [policy, setPolicy] = useState<ManagedPolicy>({});
  const [active, setActive] = useState<ActiveDataset | null>(null);
  const dataset = active?.dataset ?? null;
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    void loadUserSettings().then(setUser);
    void loadManagedPolicy().then(setPolicy);
    void readActiveDataset().then(setActive);
    // Another window, the popup or a card may change these while the page is open.
    const unwatch = [
      settingsItem.watch((value) => setUser(readSettings(value))),
      watchManagedPolicy(() => void loadManagedPolicy().then(setPolicy)),
      watchActiveDataset(setActive),
    ];
    return () => unwatch.forEach((u) => u());
  }, []);

  const announce = useCallback((message: string) => {
    setError('');
    setStatus(message);
  }, []);
  const fail = useCallback((message: string) => {
    setStatus('');
    setError(message);
  }, []);

  /** Saves a change of the user's settings; false when it was refused (and says why). */
  const update = async (patch: Partial<Settings>): Promise<boolean> => {
    if (!user) return false;
    const next = { ...user, ...patch };
    const result = await saveUserSettings(next);
    if (!result.ok) {
      const locale = uiLocale();
      fail(
        result.reason === 'quota'
          ? i18n.t('options.quotaExceeded', [
              result.bytes.toLocaleString(locale),
              result.limit.toLocaleString(locale),
            ])
          : i18n.t('options.saveFailed', [result.message]),
      );
      return false;
    }
    setUser(next);
    announce(i18n.t('options.saved'));
    return true;
  };

  const applyDataset = async (next: Dataset): Promise<boolean> => {
    try {
      await setImportedDataset(next);
      setActive({ dataset: next, storedUnreadable: false });
      return true;
    } catch (e) {
      fail(i18n.t('options.data.applyFailed', [e instanceof Error ? e.message : String(e)]));
      return false;
    }
  };

  const resetDataset = async () => {
    await setImportedDataset(null);
    setActive(await readActiveDataset());
    announce(i18n.t('options.data.resetDone'));
  };

  if (!user || !dataset) {
    return (
      <main>
        <h1>{i18n.t('options.title')}</h1>
      </main>
    );
  }

  const settings = applyManagedPolicy(user, policy);
  const enabledLocked = isLocked(policy, 'enabled');
  const anyLocked = enabledLocked || isLocked(policy, 'siteMode') || isLocked(policy, 'sites');
  const locale = uiLocale();
  const names = new Map(dataset.records.map((r) => [r.id, r.name]));

  return (
    <main>
      <h1>{i18n.t('options.title')}</h1>
      <p class="intro-link">
        <a href={browser.runtime.getURL(WELCOME_PATH)} target="_blank" rel="noopener">
          {i18n.t('options.showIntro')}
        </a>
      </p>
      {anyLocked && <p class="managed-note">{i18n.t('options.managedNote')}</p>}

      <fieldset>
        <legend>{i18n.t('options.general')}</legend>
        <label class="choice">
          <input
            type="checkbox"
            checked={settings.enabled}
            disabled={enabledLocked}
            aria-describedby={enabledLocked ? 'enabled-help enabled-lock' : 'enabled-help'}
            onChange={(e) => void update({ enabled: e.currentTarget.checked })}
          />{' '}
          {i18n.t('options.enabled')}
        </label>
        <p class="help" id="enabled-help">
          {i18n.t('options.enabledHelp')}
        </p>
        {enabledLocked && <LockedNote id="enabled-lock" />}
        <SiteListEditor
          siteMode={settings.siteMode}
          sites={settings.sites}
          modeLocked={isLocked(policy, 'siteMode')}
          sitesLocked={isLocked(policy, 'sites')}
          onChange={update}
          announce={announce}
        />
      </fieldset>

      <fieldset>
        <legend>{i18n.t('options.marks.legend')}</legend>
        <p class="help">{i18n.t('options.marks.help')}</p>
        <div class="mark-styles">
          {MARK_CATEGORIES.map((category) => (
            <MarkStyleEditor
              key={category}
              category={category}
              shown={settings.mark[category]}
              style={settings.styles[category]}
              onShownChange={(shown) => void update({ mark: { ...user.mark, [category]: shown } })}
              onStyleChange={(style) =>
                void update({ styles: { ...user.styles, [category]: style } })
              }
            />
          ))}
        </div>
      </fieldset>

      <CardBehaviourEditor settings={settings} onChange={(patch) => void update(patch)} />

      <SuppressedList
        suppressed={settings.suppressed}
        nameOf={(id) => names.get(id)}
        onRemove={(entry) =>
          void update({
            suppressed: user.suppressed.filter(
              (s) => !(s.site === entry.site && s.alias === entry.alias && s.id === entry.id),
            ),
          })
        }
      />

      <fieldset>
        <legend>{i18n.t('options.dataset')}</legend>
        <DatasetImport
          active={dataset}
          storedUnreadable={active?.storedUnreadable ?? false}
          locale={locale}
          onApply={applyDataset}
          onReset={resetDataset}
          onExport={(text, fileName, type) => {
            downloadText(text, fileName, type);
            announce(i18n.t('options.data.exported', [fileName]));
          }}
          announce={announce}
        />
      </fieldset>

      <div class={status || error ? 'announcer has-message' : 'announcer'}>
        <p class="status" role="status">
          {status}
        </p>
        <p class="error" role="alert">
          {error}
        </p>
      </div>
    </main>
  );
}
