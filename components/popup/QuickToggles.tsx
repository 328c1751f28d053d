import { i18n } from '#i18n';
import type { Settings } from '~/lib/settings';
import { allowHost, isMarkedOnHost, siteOf, skipHost } from '~/lib/site-toggle';

interface QuickTogglesProps {
  settings: Settings;
  /** The active page's host, when it is a page Cluster Lens can mark. */
  hostname: string | null;
  /** A change to apply to the user's settings (a policy may still override the result). */
  onChange: (change: (settings: Settings) => Settings) => void;
}

/** The main switch, and "not on this site" for the active page's host. */
export function QuickToggles({ settings, hostname, onChange }: QuickTogglesProps) {
  return (
    <div class="cl-toggles">
      <label>
        <input
          type="checkbox"
          checked={settings.enabled}
          onChange={(e) => {
            const enabled = e.currentTarget.checked;
            onChange((s) => ({ ...s, enabled }));
          }}
        />
        {i18n.t('popup.enabled')}
      </label>
      {hostname && (
        <label>
          <input
            type="checkbox"
            checked={!isMarkedOnHost(settings, hostname)}
            disabled={!settings.enabled}
            onChange={(e) => {
              const skip = e.currentTarget.checked;
              onChange((s) => (skip ? skipHost(s, hostname) : allowHost(s, hostname)));
            }}
          />
          {i18n.t('popup.skipSite', [siteOf(hostname)])}
        </label>
      )}
    </div>
  );
}
