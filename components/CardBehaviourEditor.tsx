import { i18n } from '#i18n';
import { useEffect, useId, useState } from 'preact/hooks';
import { ACRONYM_STRICTNESS, CARD_THEMES, MODIFIER_KEYS, type Settings } from '~/lib/settings';

type Patch = Partial<
  Pick<Settings, 'hoverDelayMs' | 'modifierKey' | 'acronymStrictness' | 'cardTheme'>
>;

export interface CardBehaviourEditorProps {
  settings: Pick<Settings, 'hoverDelayMs' | 'modifierKey' | 'acronymStrictness' | 'cardTheme'>;
  onChange: (patch: Patch) => void;
}

const MAX_DELAY = 2000;

function modifierName(key: Settings['modifierKey']): string {
  switch (key) {
    case 'none':
      return i18n.t('options.card.modifier.none');
    case 'alt':
      return i18n.t('options.card.modifier.alt');
    case 'ctrl':
      return i18n.t('options.card.modifier.ctrl');
    case 'shift':
      return i18n.t('options.card.modifier.shift');
    case 'meta':
      return i18n.t('options.card.modifier.meta');
  }
}

function themeName(theme: Settings['cardTheme']): string {
  switch (theme) {
    case 'auto':
      return i18n.t('options.card.themes.auto');
    case 'light':
      return i18n.t('options.card.themes.light');
    case 'dark':
      return i18n.t('options.card.themes.dark');
  }
}

function strictnessName(level: Settings['acronymStrictness']): string {
  switch (level) {
    case 'strict':
      return i18n.t('options.acronyms.strict');
    case 'balanced':
      return i18n.t('options.acronyms.balanced');
    case 'off':
      return i18n.t('options.acronyms.off');
  }
}

/** When and how the hover card opens, and how readily acronyms are marked. */
export function CardBehaviourEditor({ settings, onChange }: CardBehaviourEditorProps) {
  const id = useId();
  const [delay, setDelay] = useState(String(settings.hoverDelayMs));
  useEffect(() => setDelay(String(settings.hoverDelayMs)), [settings.hoverDelayMs]);
  const delayValue = Number(delay);
  const delayValid =
    delay.trim() !== '' &&
    Number.isInteger(delayValue) &&
    delayValue >= 0 &&
    delayValue <= MAX_DELAY;

  return (
    <>
      <fieldset>
        <legend>{i18n.t('options.card.legend')}</legend>
        <div class="field">
          <label for={`${id}-delay`}>{i18n.t('options.card.hoverDelay')}</label>
          <input
            id={`${id}-delay`}
            type="number"
            min={0}
            max={MAX_DELAY}
            step={50}
            value={delay}
            aria-invalid={!delayValid}
            aria-describedby={`${id}-delay-help`}
            onInput={(e) => setDelay(e.currentTarget.value)}
            onChange={() => {
              if (delayValid && delayValue !== settings.hoverDelayMs) {
                onChange({ hoverDelayMs: delayValue });
              }
            }}
          />
          <p class="help" id={`${id}-delay-help`}>
            {delayValid
              ? i18n.t('options.card.hoverDelayHelp')
              : i18n.t('options.card.hoverDelayInvalid')}
          </p>
        </div>
        <div class="field">
          <label for={`${id}-modifier`}>{i18n.t('options.card.modifierKey')}</label>
          <select
            id={`${id}-modifier`}
            value={settings.modifierKey}
            onChange={(e) =>
              onChange({ modifierKey: e.currentTarget.value as Settings['modifierKey'] })
            }
          >
            {MODIFIER_KEYS.map((k) => (
              <option key={k} value={k}>
                {modifierName(k)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${id}-theme`}>{i18n.t('options.card.theme')}</label>
          <select
            id={`${id}-theme`}
            value={settings.cardTheme}
            onChange={(e) =>
              onChange({ cardTheme: e.currentTarget.value as Settings['cardTheme'] })
            }
          >
            {CARD_THEMES.map((t) => (
              <option key={t} value={t}>
                {themeName(t)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <fieldset>
        <legend>{i18n.t('options.acronyms.legend')}</legend>
        {ACRONYM_STRICTNESS.map((level) => (
          <label key={level} class="choice">
            <input
              type="radio"
              name={`${id}-acronyms`}
              value={level}
              checked={settings.acronymStrictness === level}
              onChange={() => onChange({ acronymStrictness: level })}
            />{' '}
            {strictnessName(level)}
          </label>
        ))}
      </fieldset>
    </>
  );
}
