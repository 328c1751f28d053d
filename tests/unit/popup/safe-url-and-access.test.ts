import { describe, expect, it } from 'vitest';
import { pageAccess } from '~/lib/page-access';
import { safeHttpUrl } from '~/lib/safe-url';

describe('safeHttpUrl', () => {
  it('keeps http(s) URLs and rejects every other scheme or malformed text', () => {
    expect(safeHttpUrl('https://www.pole-valorial.fr')).toBe('https://www.pole-valorial.fr/');
    expect(safeHttpUrl(' http://a.eu/x?y=1 ')).toBe('http://a.eu/x?y=1');
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      '/relative',
      'www.x.eu',
      '',
      null,
    ])
      expect(safeHttpUrl(bad)).toBeNull();
  });
});

describe('pageAccess', () => {
  it('web pages are scannable; browser, store and file pages are not', () => {
    expect(pageAccess('https://www.example.com/a')).toEqual({
      kind: 'scannable',
      hostname: 'www.example.com',
    });
    for (const url of [
      'chrome://extensions',
      'about:blank',
      'file:///home/x.html',
      'https://chromewebstore.google.com/detail/x',
      'https://addons.mozilla.org/en-US/firefox/',
      'chrome-extension://abc/popup.html',
      undefined,
    ])
      expect(pageAccess(url).kind).toBe('not-scannable');
  });
});
