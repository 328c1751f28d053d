import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { categoryName, markPreviewStyle, underlineName } from '~/components/MarkStyleEditor';
import { DEFAULT_SETTINGS, MARK_CATEGORIES, type Settings } from '~/lib/settings';
import { WELCOME_SAMPLE } from '~/lib/welcome-sample';
import { loadPageSettings, watchPageStorage } from '../content/page-settings';

/** The keyboard commands the manifest declares (wxt.config.ts), as the browser has them now. */
const COMMANDS = ['next-mention', 'previous-mention'] as const;

/** The sample: the organisations' names in a sentence of the reader's language, plain text. */
function SampleParagraph() {
  const name = (i: number) => WELCOME_SAMPLE[i]?.name ?? '';
  return (
    <p class="sample">{i18n.t('welcome.sample', [name(0), name(1), name(2), name(3), name(4)])}</p>
  );
}

function Legend({ settings }: { settings: Settings }) {
  return (
    <ul class="legend">
      {MARK_CATEGORIES.map((category) => (
        <li key={category} data-category={category}>
          <span class="legend__mark" style={markPreviewStyle(settings.styles[category])}>
            {categoryName(category)}
          </span>
          <span class="legend__how">
            {settings.mark[category]
              ? i18n.t('welcome.underline', [underlineName(settings.styles[category].underline)])
              : i18n.t('welcome.notMarked')}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Where the keyboard shortcuts are changed: a page of the browser, opened in a tab. */
async function openShortcutSettings() {
  if (import.meta.env.FIREFOX) {
    // Firefox opens its own Manage Extension Shortcuts view; about: pages cannot be opened.
    // (Firefox 137 and later; the polyfill's types do not know it yet.)
    const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
    await commands.openShortcutSettings?.();
  } else {
    await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  }
}

export function WelcomeApp() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [shortcuts, setShortcuts] = useState<Record<string, string>>({});

  useEffect(() => {
    void loadPageSettings().then(setSettings);
    const unwatch = watchPageStorage({ settings: setSettings, dataset: () => {} });
    void browser.commands
      .getAll()
      .then((all) =>
        setShortcuts(Object.fromEntries(all.map((c) => [c.name ?? '', c.shortcut ?? '']))),
      )
      .catch(() => undefined);
    return unwatch;
  }, []);

  const keyOf = (command: (typeof COMMANDS)[number]) =>
    shortcuts[command] || i18n.t('welcome.shortcutNone');

  return (
    <main>
      <h1>{i18n.t('welcome.title')}</h1>
      <p class="lead">{i18n.t('welcome.intro')}</p>

      <section aria-labelledby="try">
        <h2 id="try">{i18n.t('welcome.tryHeading')}</h2>
        <p>{i18n.t('welcome.tryHelp')}</p>
        <SampleParagraph />
        <p class="note">{i18n.t('welcome.sampleNote')}</p>
      </section>

      <section aria-labelledby="marks">
        <h2 id="marks">{i18n.t('welcome.marksHeading')}</h2>
        <Legend settings={settings} />
        <p class="note">{i18n.t('welcome.marksHelp')}</p>
      </section>

      <section aria-labelledby="privacy">
        <h2 id="privacy">{i18n.t('welcome.privacyHeading')}</h2>
        <p class="privacy">
          {i18n.t('welcome.privacyNetwork')}
          <br />
          {i18n.t('welcome.privacyLocal')}
        </p>
      </section>

      <section aria-labelledby="settings">
        <h2 id="settings">{i18n.t('welcome.settingsHeading')}</h2>
        <p>{i18n.t('welcome.settingsHelp')}</p>
        <p>
          {COMMANDS.some((c) => shortcuts[c])
            ? i18n.t('welcome.shortcutsHelp', [keyOf(COMMANDS[0]), keyOf(COMMANDS[1])])
            : i18n.t('welcome.shortcutsUnset')}
        </p>
        <p class="actions">
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
            {i18n.t('welcome.openSettings')}
          </button>
          <button type="button" onClick={() => void openShortcutSettings().catch(() => undefined)}>
            {i18n.t('welcome.openShortcuts')}
          </button>
        </p>
      </section>
    </main>
  );
}
