import type { Settings } from './settings';
import { isSiteEnabled, normaliseHostname, siteMatches } from './site-rules';

/**
 * The popup's "not on this site" switch, as a change to the site list. What the list means
 * depends on siteMode: in `except-listed` it names the sites to skip, in `only-listed` the only
 * sites to mark; in `everywhere` it is unused, so skipping a site switches to `except-listed`
 * with just that site. The rule itself is lib/site-rules.ts, shared with the content script.
 */

type SiteSettings = Pick<Settings, 'siteMode' | 'sites'>;

/** The pattern the popup adds for a page's host: the host without a leading `www.`. */
export function siteOf(hostname: string): string {
  return normaliseHostname(hostname).replace(/^www\./, '');
}

/** Whether the settings mark pages on this host (the main switch aside). */
export function isMarkedOnHost(settings: SiteSettings, hostname: string): boolean {
  return isSiteEnabled(settings, hostname);
}

/** Settings that stop marking on this host and leave every other site as it was. */
export function skipHost<S extends SiteSettings>(settings: S, hostname: string): S {
  if (!isMarkedOnHost(settings, hostname)) return settings;
  switch (settings.siteMode) {
    case 'everywhere':
      return { ...settings, siteMode: 'except-listed', sites: [siteOf(hostname)] };
    case 'except-listed':
      return { ...settings, sites: [...settings.sites, siteOf(hostname)] };
    case 'only-listed':
      // Every entry that covers the host goes: a parent domain would go on marking it. That
      // also stops its other subdomains, which is the only way to leave this host out.
      return { ...settings, sites: settings.sites.filter((p) => !siteMatches(p, hostname)) };
  }
}

/** Settings that mark this host again: the reverse of `skipHost`. */
export function allowHost<S extends SiteSettings>(settings: S, hostname: string): S {
  if (isMarkedOnHost(settings, hostname)) return settings;
  switch (settings.siteMode) {
    case 'everywhere':
      return settings;
    case 'except-listed':
      return { ...settings, sites: settings.sites.filter((p) => !siteMatches(p, hostname)) };
    case 'only-listed':
      return { ...settings, sites: [...settings.sites, siteOf(hostname)] };
  }
}
