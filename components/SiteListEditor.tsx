import { i18n } from '#i18n';
import { useId, useState } from 'preact/hooks';
import { SITE_MODES, type Settings } from '~/lib/settings';
import { parseSitePatterns, type SitePatternProblem } from '~/lib/site-rules';
import { LockedNote } from './LockedNote';
import { plural } from '~/utils/plural';

type SiteMode = Settings['siteMode'];

export interface SiteListEditorProps {
  siteMode: SiteMode;
  sites: readonly string[];
  modeLocked: boolean;
  sitesLocked: boolean;
  /** Saves the change; resolves false when it was refused (the reason is announced). */
  onChange: (patch: Partial<Pick<Settings, 'siteMode' | 'sites'>>) => Promise<boolean>;
  announce: (message: string) => void;
}

function modeLabel(mode: SiteMode): string {
  switch (mode) {
    case 'everywhere':
      return i18n.t('options.sites.everywhere');
    case 'only-listed':
      return i18n.t('options.sites.onlyListed');
    case 'except-listed':
      return i18n.t('options.sites.exceptListed');
  }
}

function problemText(input: string, reason: SitePatternProblem): string {
  switch (reason) {
    case 'empty':
      return i18n.t('options.sites.errorEmpty');
    case 'invalid-host':
      return i18n.t('options.sites.errorInvalid', [input]);
    case 'wildcard-position':
      return i18n.t('options.sites.errorWildcard', [input]);
    case 'too-broad':
      return i18n.t('options.sites.errorTooBroad', [input]);
    case 'too-long':
      return i18n.t('options.sites.errorTooLong', [input]);
  }
}

/** Where marks appear: everywhere, only on listed sites, or everywhere but listed sites. */
export function SiteListEditor(props: SiteListEditorProps) {
  const { siteMode, sites, modeLocked, sitesLocked, onChange, announce } = props;
  const id = useId();
  const [draft, setDraft] = useState('');
  const [errors, setErrors] = useState<string[]>([]);

  const add = async (event: Event) => {
    event.preventDefault();
    const parsed = parseSitePatterns(draft);
    if (parsed.length === 0) {
      setErrors([problemText('', 'empty')]);
      return;
    }
    const problems: string[] = [];
    const next = [...sites];
    const kept: string[] = [];
    for (const { input, result } of parsed) {
      if (!result.ok) problems.push(problemText(input, result.reason));
      else if (next.includes(result.pattern)) {
        problems.push(i18n.t('options.sites.duplicate', [result.pattern]));
      } else {
        next.push(result.pattern);
        kept.push(result.pattern);
      }
    }
    setErrors(problems);
    if (kept.length === 0) return;
    if (await onChange({ sites: next })) {
      // Only what could not be added stays in the field, to be corrected.
      setDraft(
        parsed
          .filter((p) => !p.result.ok)
          .map((p) => p.input)
          .join(' '),
      );
      announce(plural('options.sites.added', kept.length));
    }
  };

  const remove = async (pattern: string) => {
    if (await onChange({ sites: sites.filter((s) => s !== pattern) })) {
      announce(i18n.t('options.sites.removed', [pattern]));
    }
  };

  const errorId = `${id}-errors`;
  const helpId = `${id}-help`;
  const lockId = `${id}-lock`;
  const listLockId = `${id}-list-lock`;
  return (
    <>
      <fieldset
        class="site-mode"
        disabled={modeLocked}
        aria-describedby={modeLocked ? lockId : undefined}
      >
        <legend>{i18n.t('options.sites.legend')}</legend>
        {SITE_MODES.map((mode) => (
          <label key={mode} class="choice">
            <input
              type="radio"
              name={`${id}-mode`}
              value={mode}
              checked={siteMode === mode}
              onChange={() => void onChange({ siteMode: mode })}
            />{' '}
            {modeLabel(mode)}
          </label>
        ))}
        {modeLocked && <LockedNote id={lockId} />}
      </fieldset>
      <fieldset class="site-list" disabled={sitesLocked}>
        <legend>{i18n.t('options.sites.listLegend')}</legend>
        {sitesLocked && <LockedNote id={listLockId} />}
        {sites.length === 0 ? (
          <p class="help">{i18n.t('options.sites.empty')}</p>
        ) : (
          <ul class="sites" aria-label={i18n.t('options.sites.listLegend')}>
            {sites.map((site) => (
              <li key={site}>
                <span class="site">{site}</span>
                <button
                  type="button"
                  class="small"
                  aria-label={i18n.t('options.sites.remove', [site])}
                  onClick={() => void remove(site)}
                >
                  {i18n.t('options.sites.removeShort')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="add-site" onSubmit={(e) => void add(e)}>
          <label for={`${id}-input`}>{i18n.t('options.sites.addLabel')}</label>
          <div class="row">
            <input
              id={`${id}-input`}
              type="text"
              inputMode="url"
              spellcheck={false}
              autocomplete="off"
              value={draft}
              aria-invalid={errors.length > 0}
              aria-describedby={`${helpId}${errors.length > 0 ? ` ${errorId}` : ''}`}
              onInput={(e) => setDraft(e.currentTarget.value)}
            />
            <button type="submit">{i18n.t('options.sites.add')}</button>
          </div>
          <p class="help" id={helpId}>
            {i18n.t('options.sites.addHelp')}
          </p>
          {errors.length > 0 && (
            <ul class="errors" id={errorId} role="alert">
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
        </form>
      </fieldset>
    </>
  );
}
