import type { Settings } from './settings';

/**
 * Site patterns of the options page and the rule the content script applies with them.
 *
 *   example.com     that host and every subdomain of it (www.example.com, a.b.example.com)
 *   *.example.com   subdomains only, not example.com itself
 *
 * A pattern is stored in one canonical form: lower case, ASCII (IDN hosts in punycode), no
 * port, path or trailing dot, so `https://Bücher.example/x` and `xn--bcher-kva.example` are
 * the same rule and a list never holds one site twice.
 */

export type SitePatternProblem =
  /** Nothing left after trimming. */
  | 'empty'
  /** Characters no host name can have, or not a host at all. */
  | 'invalid-host'
  /** `*` anywhere but a leading `*.`. */
  | 'wildcard-position'
  /** `*.com`, `*.` or an IP address with a wildcard: it would cover whole top-level domains. */
  | 'too-broad'
  /** Over 253 characters, or a label over 63. */
  | 'too-long';

export type SitePatternResult =
  { ok: true; pattern: string } | { ok: false; reason: SitePatternProblem };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const MAX_HOST_LENGTH = 253;

/** Turns what a person typed or pasted (a host, a pattern or a whole URL) into a pattern. */
export function normaliseSitePattern(input: string): SitePatternResult {
  let text = input.trim().toLowerCase();
  if (text === '') return { ok: false, reason: 'empty' };

  let wildcard = false;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    // A pasted URL: only its host counts.
    const host = hostOfUrl(text);
    if (host === null) return { ok: false, reason: 'invalid-host' };
    text = host;
  } else {
    if (text.startsWith('*.')) {
      wildcard = true;
      text = text.slice(2);
    }
    // A path, query or fragment after the host, as in `example.com/news`.
    text = text.replace(/[/?#].*$/, '');
  }
  if (text.includes('*')) return { ok: false, reason: 'wildcard-position' };
  if (text === '') return { ok: false, reason: wildcard ? 'too-broad' : 'empty' };

  const host = hostOfUrl(`http://${text}`);
  if (host === null) return { ok: false, reason: 'invalid-host' };
  if (host.startsWith('[')) {
    return wildcard ? { ok: false, reason: 'too-broad' } : { ok: true, pattern: host };
  }
  if (host.length > MAX_HOST_LENGTH) return { ok: false, reason: 'too-long' };
  const labels = host.split('.');
  if (labels.some((l) => l.length > 63)) return { ok: false, reason: 'too-long' };
  if (!labels.every((l) => LABEL.test(l))) return { ok: false, reason: 'invalid-host' };
  if (IPV4.test(host)) {
    return wildcard ? { ok: false, reason: 'too-broad' } : { ok: true, pattern: host };
  }
  if (wildcard && labels.length < 2) return { ok: false, reason: 'too-broad' };
  return { ok: true, pattern: wildcard ? `*.${host}` : host };
}

/**
 * The host of a URL as the browser canonicalises it (punycode, lower case, IPv4 numbers
 * normalised), without the trailing dot of a fully qualified name. Null when it is no URL, or
 * carries user info (`user@host` is how phishing links disguise a host).
 */
function hostOfUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  const host = url.hostname.replace(/\.+$/, '');
  return host === '' ? null : host;
}

/** Canonical form of a page's host name (`location.hostname`), or '' when it has none. */
export function normaliseHostname(hostname: string): string {
  const text = hostname.trim();
  if (text === '') return '';
  const bracketed = text.includes(':') && !text.startsWith('[') ? `[${text}]` : text;
  return hostOfUrl(`http://${bracketed}`) ?? text.toLowerCase().replace(/\.+$/, '');
}

/** Whether a canonical pattern covers a canonical host name. */
function coversHost(pattern: string, host: string): boolean {
  if (host === '') return false;
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
  return host === pattern || host.endsWith(`.${pattern}`);
}

/**
 * Whether a pattern (as stored, typed by hand or set by a policy) covers a page's host name.
 * Both are normalised first; a pattern that is not valid covers nothing.
 */
export function siteMatches(pattern: string, hostname: string): boolean {
  const result = normaliseSitePattern(pattern);
  return result.ok && coversHost(result.pattern, normaliseHostname(hostname));
}

/**
 * Whether Cluster Lens marks pages of this host, from the site mode and the list (and the main
 * switch, when given). Stored patterns are normalised again, so a list written by hand or by a
 * policy still works; a pattern that is not valid matches nothing. A page without a host (a
 * file, about:blank) is never on the list.
 */
export function isSiteEnabled(
  settings: Pick<Settings, 'siteMode' | 'sites'> & { enabled?: boolean },
  hostname: string,
): boolean {
  if (settings.enabled === false) return false;
  if (settings.siteMode === 'everywhere') return true;
  const host = normaliseHostname(hostname);
  const listed = settings.sites.some((site) => {
    const result = normaliseSitePattern(site);
    return result.ok && coversHost(result.pattern, host);
  });
  return settings.siteMode === 'only-listed' ? listed : !listed;
}

/**
 * Patterns from free text: one per line, or separated by commas or spaces, as pasted from a
 * spreadsheet or a mail. Each comes back with its own result, in input order.
 */
export function parseSitePatterns(text: string): { input: string; result: SitePatternResult }[] {
  return text
    .split(/[\s,;]+/)
    .filter((part) => part !== '')
    .map((input) => ({ input, result: normaliseSitePattern(input) }));
}
