import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '~/lib/settings';
import { allowHost, isMarkedOnHost, siteOf, skipHost } from '~/lib/site-toggle';

const with_ = (siteMode: Settings['siteMode'], sites: string[]): Settings => ({
  ...DEFAULT_SETTINGS,
  siteMode,
  sites,
});

describe('"not on this site"', () => {
  it('everywhere → except-listed with just this site', () => {
    const next = skipHost(with_('everywhere', []), 'www.example.com');
    expect(next).toMatchObject({ siteMode: 'except-listed', sites: ['example.com'] });
    expect(isMarkedOnHost(next, 'www.example.com')).toBe(false);
    expect(isMarkedOnHost(next, 'other.org')).toBe(true);
  });
  it('except-listed: adds the site, and allowing removes it again', () => {
    const skipped = skipHost(with_('except-listed', ['a.org']), 'news.example.com');
    expect(skipped.sites).toEqual(['a.org', 'news.example.com']);
    expect(allowHost(skipped, 'news.example.com').sites).toEqual(['a.org']);
  });
  it('only-listed: removes every entry covering the host, parent domains included', () => {
    const next = skipHost(with_('only-listed', ['example.com', 'a.org']), 'www.example.com');
    expect(next.sites).toEqual(['a.org']);
    expect(isMarkedOnHost(next, 'www.example.com')).toBe(false);
    expect(allowHost(next, 'www.example.com').sites).toEqual(['a.org', 'example.com']);
  });
  it('changes nothing when the host is already skipped', () => {
    const settings = with_('except-listed', ['example.com']);
    expect(skipHost(settings, 'example.com')).toBe(settings);
  });
  it('names the site without www.', () => {
    expect(siteOf('WWW.Example.COM')).toBe('example.com');
  });
});
