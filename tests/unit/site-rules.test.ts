// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isSiteEnabled, normaliseSitePattern, siteMatches } from '~/lib/site-rules';

describe('normaliseSitePattern', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM. ', 'example.com'],
    ['*.example.com', '*.example.com'],
    ['https://www.example.com/path?q=1', 'www.example.com'],
    ['http://example.com:8080/', 'example.com'],
    ['example.com:8080', 'example.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['*.Bücher.de', '*.xn--bcher-kva.de'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
  ])('%j → %j', (input, pattern) => {
    expect(normaliseSitePattern(input)).toEqual({ ok: true, pattern });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['foo.*.com', 'wildcard-position'],
    ['*example.com', 'wildcard-position'],
    ['exa mple.com', 'invalid-host'],
    ['-bad-.com', 'invalid-host'],
    ['example..com', 'invalid-host'],
    ['999.1.1.1', 'invalid-host'],
    ['user@example.com', 'invalid-host'],
  ])('rejects %j (%s)', (input, reason) => {
    expect(normaliseSitePattern(input)).toEqual({ ok: false, reason });
  });
});

describe('siteMatches', () => {
  it('matches a host and its subdomains, but not look-alikes', () => {
    expect(siteMatches('example.com', 'example.com')).toBe(true);
    expect(siteMatches('example.com', 'news.example.com')).toBe(true);
    expect(siteMatches('example.com', 'EXAMPLE.com.')).toBe(true);
    expect(siteMatches('example.com', 'badexample.com')).toBe(false);
    expect(siteMatches('example.com', 'example.com.evil.net')).toBe(false);
  });
  it('matches only subdomains with a wildcard', () => {
    expect(siteMatches('*.example.com', 'a.b.example.com')).toBe(true);
    expect(siteMatches('*.example.com', 'example.com')).toBe(false);
    expect(siteMatches('*.example.com', 'notexample.com')).toBe(false);
  });
});

describe('isSiteEnabled', () => {
  const sites = ['example.com', '*.news.org'];
  it('ignores the list when enabled everywhere', () => {
    expect(isSiteEnabled({ siteMode: 'everywhere', sites }, 'example.com')).toBe(true);
  });
  it('runs only on listed sites', () => {
    expect(isSiteEnabled({ siteMode: 'only-listed', sites }, 'www.example.com')).toBe(true);
    expect(isSiteEnabled({ siteMode: 'only-listed', sites }, 'a.news.org')).toBe(true);
    expect(isSiteEnabled({ siteMode: 'only-listed', sites }, 'news.org')).toBe(false);
    expect(isSiteEnabled({ siteMode: 'only-listed', sites: [] }, 'example.com')).toBe(false);
  });
  it('runs everywhere except listed sites', () => {
    expect(isSiteEnabled({ siteMode: 'except-listed', sites }, 'example.com')).toBe(false);
    expect(isSiteEnabled({ siteMode: 'except-listed', sites }, 'other.com')).toBe(true);
  });
});
