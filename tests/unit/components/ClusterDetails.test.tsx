import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { ClusterDetails } from '~/components/ClusterDetails';
import { withLinks } from '~/lib/dataset/links';
import type { ClusterRecord } from '~/lib/dataset/model';

const base: ClusterRecord = {
  id: 'x',
  name: 'Example Cluster',
  acronym: 'EXC',
  aliases: [],
  country: 'FR',
  region: null,
  city: null,
  sectors: [],
  website: 'javascript:alert(1)',
  label: { level: 'bronze', year: 2013, validUntil: null },
  eccp: { status: 'unknown', rule: 'none', url: null },
  sources: ['https://example.eu/a', 'ftp://bad.example/x'],
  notes: '',
};
const today = new Date('2026-02-01T00:00:00Z');

function show(record: ClusterRecord): HTMLElement {
  const root = document.createElement('div');
  render(<ClusterDetails record={record} asOf="2026-01" today={today} locale="en" />, root);
  return root;
}

describe('ClusterDetails', () => {
  it('says what is unknown and links only http(s) URLs, in new tabs', () => {
    const root = show(base);
    const text = root.textContent ?? '';
    expect(text).toContain(
      'Awarded 2013; validity not published. It may have lapsed or been renewed since.',
    );
    expect(text).toContain('Membership unknown');
    expect(text).toContain('Data as of January 2026');
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.eu/a']);
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[0]?.getAttribute('target')).toBe('_blank');
  });
  it('shows an expired label as Expired with its date', () => {
    const root = show({ ...base, label: { level: 'gold', year: 2012, validUntil: '2015-04' } });
    expect(root.querySelector('.cl-badge--expired')?.textContent).toBe('Expired');
    expect(root.textContent).toContain('Expired: valid until April 2015');
  });
  it('explains an implied ECCP listing by its rule, and links a seen profile', () => {
    const implied = show({
      ...base,
      label: { level: 'gold', year: 2022, validUntil: '2027-03' },
      eccp: { status: 'implied', rule: 'label-after-2019-11', url: null },
    });
    expect(implied.textContent).toContain('Valid until March 2027');
    expect(implied.textContent).toContain(
      'Since 15 November 2019 a label requires an ECCP listing, and this label was awarded in 2022.',
    );
    const member = show({
      ...base,
      eccp: { status: 'member', rule: 'profile-seen', url: 'https://clustercollaboration.eu/x' },
    });
    expect(member.querySelector('[data-eccp="member"] a')?.getAttribute('href')).toBe(
      'https://clustercollaboration.eu/x',
    );
  });
  it('says the country is not stated when it is null', () => {
    expect(show({ ...base, country: null }).textContent).toContain('Not stated by the sources');
  });

  it('says what a predecessor became and what its successor was called', () => {
    const ccc: ClusterRecord = {
      ...base,
      id: 'ccc',
      name: 'Harbour Cleantech Cluster',
      successor: { id: 'clean', kind: 'merged', year: 2014 },
    };
    const arena: ClusterRecord = {
      ...base,
      id: 'arena',
      name: 'Arena Hill',
      successor: { id: 'nce', kind: 'renamed', year: null },
    };
    const clean: ClusterRecord = { ...base, id: 'clean', name: 'CLEAN' };
    const nce: ClusterRecord = { ...base, id: 'nce', name: 'NCE Hill' };
    const all = [ccc, arena, clean, nce];
    const lines = (r: ClusterRecord) =>
      [...show(withLinks(all, r)).querySelectorAll('.cl-details__lineage li')].map(
        (li) => li.textContent,
      );
    expect(lines(ccc)).toEqual(['Merged into CLEAN in 2014']);
    expect(lines(clean)).toEqual(['Formerly Harbour Cleantech Cluster']);
    expect(lines(arena)).toEqual(['Now known as NCE Hill']);
    expect(lines(nce)).toEqual(['Formerly Arena Hill']);
    expect(lines(base)).toEqual([]);
  });
  it('tells two organisations of one name apart by their country', () => {
    const fr: ClusterRecord = { ...base, id: 'finance-innovation-fr', name: 'Finance Innovation' };
    const no: ClusterRecord = {
      ...base,
      id: 'finance-innovation-no',
      name: 'Finance Innovation',
      country: 'NO',
      city: 'Bergen',
    };
    const text = (r: ClusterRecord) => show(withLinks([fr, no], r)).textContent ?? '';
    expect(text(fr)).toContain('France');
    expect(text(fr)).not.toContain('Norway');
    expect(text(no)).toContain('Norway');
    expect(text(no)).toContain('Bergen');
    expect(text(no)).not.toContain('France');
    expect(show(withLinks([fr, no], fr)).querySelector('.cl-details__lineage')).toBeNull();
  });
  it('reads a label that is not known as information', () => {
    const root = show({ ...base, label: { level: 'unknown', year: null, validUntil: null } });
    expect(root.querySelector('.cl-badge')?.textContent).toBe('◌Label not known');
    expect(root.textContent).toContain(
      'The sources that list it state no label level, so none is shown; it may hold one.',
    );
  });
});
