import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import bundled from '~/data/generated/dataset.json';
import { ClusterDetails } from '~/components/ClusterDetails';
import { CountryFlag, hasFlag } from '~/components/CountryFlag';
import { ResultList } from '~/components/popup/ResultList';
import { countryName } from '~/lib/country-display';
import type { Dataset } from '~/lib/dataset/model';
import { parseFlagSvg } from '~/lib/flag-shapes';
import { testRecord } from '../record-fixture';

const dataset = bundled as unknown as Dataset;
const countries = [...new Set(dataset.records.flatMap((r) => (r.country ? [r.country] : [])))];
/** Two regional-indicator letters make a flag emoji; no UI text may hold one. */
const REGIONAL_INDICATOR = /[\u{1F1E6}-\u{1F1FF}]/u;
const today = new Date('2026-02-01T00:00:00Z');

function mount(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  render(node, root);
  return root;
}

describe('CountryFlag', () => {
  it('draws a flag for every country of the bundled dataset', () => {
    expect(countries.length).toBeGreaterThan(30);
    expect(countries.filter((c) => !hasFlag(c))).toEqual([]);
    for (const code of countries) {
      const svg = mount(<CountryFlag code={code} />).querySelector('svg.cl-flag');
      expect(svg?.getAttribute('data-country'), code).toBe(code);
      expect(svg?.getAttribute('aria-hidden')).toBe('true');
      expect(svg?.getAttribute('viewBox')).toMatch(/^[\d. ]+$/);
      expect(svg?.querySelectorAll('path, circle, rect, polygon, ellipse').length).toBeGreaterThan(
        0,
      );
    }
  });

  it('shows the code in a badge for a country with no bundled flag', () => {
    const unbundled = ['JP', 'US', 'BR'].find((c) => !countries.includes(c))!;
    const root = mount(<CountryFlag code={unbundled} />);
    const badge = root.querySelector('.cl-flag--code');
    expect(badge?.textContent).toBe(unbundled);
    expect(badge?.getAttribute('aria-hidden')).toBe('true');
    expect(root.querySelector('svg')).toBeNull();
  });

  it('in the card and the popup rows: a flag beside the name written out, no emoji', () => {
    for (const code of countries) {
      const record = testRecord({ id: code, name: `Cluster ${code}`, country: code });
      const details = mount(
        <ClusterDetails record={record} asOf="2026-01" today={today} locale="fr" />,
      );
      expect(details.querySelector(`svg[data-country="${code}"]`), code).not.toBeNull();
      expect(details.textContent).toContain(countryName(code, 'fr'));
      expect(details.textContent).not.toMatch(REGIONAL_INDICATOR);
    }
    const records = countries.map((c) => testRecord({ id: c, name: `Cluster ${c}`, country: c }));
    const list = mount(
      <ResultList
        id="r"
        label="Results"
        records={records}
        active={-1}
        locale="de"
        today={today}
        height={records.length * 52}
        onOpen={() => {}}
        onActive={() => {}}
      />,
    );
    expect(
      [...list.querySelectorAll('svg.cl-flag')].map((s) => s.getAttribute('data-country')),
    ).toEqual(countries);
    expect(list.textContent).toContain(countryName(countries[0]!, 'de'));
    expect(list.textContent).not.toMatch(REGIONAL_INDICATOR);
  });

  it('no source of the pages writes or builds a flag emoji', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(tsx?|css|html|ya?ml)$/.test(name)) files.push(path);
      }
    };
    for (const dir of ['components', 'entrypoints', 'lib', 'utils', 'locales']) walk(dir);
    const offending = files.filter((f) => {
      const text = readFileSync(f, 'utf8');
      // The literal letters, or the code point they are built from (0x1F1E6, regional A).
      return REGIONAL_INDICATOR.test(text) || /0x1f1e6|\\u\{?1f1e6/i.test(text);
    });
    expect(offending).toEqual([]);
  });
});

describe('parseFlagSvg', () => {
  it('keeps shapes and paint, drops the namespace and class names', () => {
    expect(
      parseFlagSvg(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 3 2"><g fill="#fff"><path class="a" d="M0 0h3v1H0z"/></g><circle cx="1" cy="1" r=".5"/></svg>',
      ),
    ).toEqual([
      'svg',
      { viewBox: '0 0 3 2' },
      [
        ['g', { fill: '#fff' }, [['path', { d: 'M0 0h3v1H0z' }, []]]],
        ['circle', { cx: '1', cy: '1', r: '.5' }, []],
      ],
    ]);
  });

  it.each([
    ['an id', '<svg viewBox="0 0 3 2"><path id="a" d="M0 0"/></svg>', 'attribute id'],
    ['a link', '<svg viewBox="0 0 3 2"><use href="#a"/></svg>', 'element <use>'],
    ['a script', '<svg viewBox="0 0 3 2"><script>x()</script></svg>', 'element <script>'],
    ['an event handler', '<svg viewBox="0 0 3 2" onload="x()"></svg>', 'attribute onload'],
    ['text', '<svg viewBox="0 0 3 2">hello</svg>', 'unexpected text'],
    ['a style', '<svg viewBox="0 0 3 2"><path style="fill:red" d="M0 0"/></svg>', 'style'],
    ['no viewBox', '<svg><path d="M0 0"/></svg>', 'viewBox'],
    ['an unclosed element', '<svg viewBox="0 0 3 2"><g>', 'not one closed'],
  ])('refuses %s', (_what, svg, message) => {
    expect(() => parseFlagSvg(svg)).toThrow(message);
  });
});
