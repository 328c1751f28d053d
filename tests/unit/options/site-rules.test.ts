// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '~/lib/settings';
import {
  isSiteEnabled,
  normaliseHostname,
  normaliseSitePattern,
  parseSitePatterns,
  siteMatches,
} from '~/lib/site-rules';

describe('normaliseSitePattern, beyond the basics', () => {
  it.each([
    ['HTTPS://WWW.Example.COM:443/a/b#c', 'www.example.com'],
    ['example.com./news', 'example.com'],
    ['example.com?x=1', 'example.com'],
    ['*.EXAMPLE.com.', '*.example.com'],
    ['münchen.de', 'xn--mnchen-3ya.de'],
    ['xn--mnchen-3ya.de', 'xn--mnchen-3ya.de'],
    ['https://[::1]:8080/', '[::1]'],
    ['*.co.uk', '*.co.uk'],
    ['ftp://files.example.org/pub', 'files.example.org'],
  ])('%j → %j', (input, pattern) => {
    expect(normaliseSitePattern(input)).toEqual({ ok: true, pattern });
  });

  it.each([
    ['*.com', 'too-broad'],
    ['*.', 'too-broad'],
    ['*.127.0.0.1', 'too-broad'],
    ['**.example.com', 'wildcard-position'],
    ['example.*', 'wildcard-position'],
    ['https://user:pw@example.com/', 'invalid-host'],
    ['exa_mple.com', 'invalid-host'],
    [`${'a'.repeat(64)}.com`, 'too-long'],
    [`${'abcdefghi.'.repeat(26)}com`, 'too-long'],
    ['javascript:alert(1)', 'invalid-host'],
  ])('rejects %j (%s)', (input, reason) => {
    expect(normaliseSitePattern(input)).toEqual({ ok: false, reason });
  });
});

describe('host names as pages report them', () => {
  it('lower-cases, converts IDN to punycode and drops the trailing dot', () => {
    expect(normaliseHostname('WWW.München.DE.')).toBe('www.xn--mnchen-3ya.de');
    expect(normaliseHostname('')).toBe('');
    expect(normaliseHostname('::1')).toBe('[::1]');
  });
  it('matches an IDN pattern typed in Unicode against the punycode host', () => {
    expect(siteMatches('münchen.de', 'www.xn--mnchen-3ya.de')).toBe(true);
    expect(siteMatches('*.münchen.de', 'xn--mnchen-3ya.de')).toBe(false);
  });
  it('never matches with an invalid pattern', () => {
    expect(siteMatches('exa mple.com', 'exa mple.com')).toBe(false);
    expect(siteMatches('', 'example.com')).toBe(false);
  });
});

describe('isSiteEnabled with the whole settings object', () => {
  const base = { ...DEFAULT_SETTINGS, sites: ['example.com', 'https://Blog.Other.org/x'] };
  it('is off everywhere when the main switch is off', () => {
    expect(isSiteEnabled({ ...base, enabled: false }, 'example.com')).toBe(false);
    expect(isSiteEnabled({ ...base, enabled: false, siteMode: 'except-listed' }, 'x.net')).toBe(
      false,
    );
  });
  it('normalises stored patterns that were written by hand or by a policy', () => {
    const only = { ...base, siteMode: 'only-listed' as const };
    expect(isSiteEnabled(only, 'blog.other.org')).toBe(true);
    expect(isSiteEnabled(only, 'other.org')).toBe(false);
    expect(isSiteEnabled(only, 'EXAMPLE.COM.')).toBe(true);
  });
  it('treats a page without a host as not listed', () => {
    expect(isSiteEnabled({ ...base, siteMode: 'only-listed' }, '')).toBe(false);
    expect(isSiteEnabled({ ...base, siteMode: 'except-listed' }, '')).toBe(true);
  });
});

describe('parseSitePatterns', () => {
  it('splits pasted text on spaces, commas, semicolons and new lines, keeping each result', () => {
    expect(parseSitePatterns(' a.com, *.b.org;\nhttps://c.net/x  bad_host ')).toEqual([
      { input: 'a.com', result: { ok: true, pattern: 'a.com' } },
      { input: '*.b.org', result: { ok: true, pattern: '*.b.org' } },
      { input: 'https://c.net/x', result: { ok: true, pattern: 'c.net' } },
      { input: 'bad_host', result: { ok: false, reason: 'invalid-host' } },
    ]);
  });
});
