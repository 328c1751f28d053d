import { describe, expect, it } from 'vitest';
import type { Label } from '~/lib/dataset/model';
import type { Evidence } from '~/lib/matcher/evidence';
import { eccpLine, labelLine, whyMarked } from '~/utils/card-wording';

const today = new Date('2026-11-30T00:00:00Z');
const label = (level: Label['level'], year: number | null, validUntil: string | null): Label => ({
  level,
  year,
  validUntil,
});

describe("the card's label line", () => {
  it('says until when a current label is valid, to the month as printed', () => {
    expect(labelLine(label('gold', 2024, '2027-03'), today, 'en')).toEqual({
      kind: 'current',
      text: 'valid until Mar 2027',
      caveat: null,
    });
    expect(labelLine(label('gold', 2024, '2027'), today, 'en').text).toBe('valid until 2027');
    // The month's last day still counts: the label runs to the end of November 2026.
    expect(labelLine(label('silver', 2023, '2026-11'), today, 'en').text).toBe(
      'valid until Nov 2026',
    );
  });

  it('says since when an expired label is expired', () => {
    expect(labelLine(label('bronze', 2015, '2017-04'), today, 'en')).toEqual({
      kind: 'expired',
      text: 'expired Apr 2017',
      caveat: null,
    });
    expect(labelLine(label('bronze', null, '2026-10-31'), today, 'en').text).toBe(
      'expired Oct 31, 2026',
    );
  });

  it('says when the validity is not published, and that an old one may have lapsed', () => {
    expect(labelLine(label('gold', 2024, null), today, 'en')).toEqual({
      kind: 'undated',
      text: 'awarded 2024, validity not published',
      caveat: null,
    });
    expect(labelLine(label('gold', 2017, null), today, 'en')).toEqual({
      kind: 'undated',
      text: 'awarded 2017, validity not published',
      caveat: 'It may have lapsed or been renewed since.',
    });
    expect(labelLine(label('bronze', null, null), today, 'en').text).toBe(
      'year and validity not published',
    );
  });

  it('adds nothing to "No label" and "Label not known": the badge says it', () => {
    for (const level of ['none', 'unknown'] as const) {
      expect(labelLine(label(level, null, null), today, 'en')).toEqual({
        kind: 'not-labelled',
        text: null,
        caveat: null,
      });
    }
  });

  it('prints the month in the UI language', () => {
    expect(labelLine(label('gold', 2024, '2027-03'), today, 'de').text).toBe(
      'valid until März 2027',
    );
  });
});

describe("the card's ECCP line", () => {
  it('always says what is known', () => {
    expect(eccpLine({ status: 'member', rule: 'profile-seen', url: 'https://x.eu' })).toBe(
      'ECCP member',
    );
    expect(eccpLine({ status: 'implied', rule: 'label-after-2019-11', url: null })).toBe(
      'ECCP listing implied by the label rule',
    );
    expect(eccpLine({ status: 'unknown', rule: 'none', url: null })).toBe(
      'ECCP membership not confirmed',
    );
  });
});

describe('why a mention is marked', () => {
  it('words every kind of evidence', () => {
    const said: Record<Evidence, string> = {
      'not-needed': 'Why marked: its name is distinctive on its own',
      'same-organisation': 'Why marked: named with another of its names nearby',
      'page-context': 'Why marked: named in full elsewhere on the page',
      'place-near': 'Why marked: named with its city or region',
      'cluster-word': 'Why marked: named next to the word “cluster”',
      'page-vocabulary': 'Why marked: on a page about clusters',
      'page-organisations': 'Why marked: on a page that names other clusters',
    };
    for (const [kind, text] of Object.entries(said)) expect(whyMarked(kind)).toBe(text);
  });

  it('falls back to plain words for a kind this build does not know, never to nothing or a key', () => {
    expect(whyMarked('named-with-its-city')).toBe('Why marked: a name in the dataset matched');
    // Names of Object.prototype are no kinds either.
    expect(whyMarked('toString')).toBe('Why marked: a name in the dataset matched');
    expect(whyMarked('__proto__')).toBe('Why marked: a name in the dataset matched');
  });

  it('says nothing when the card does not know how the mention was found', () => {
    expect(whyMarked(null)).toBeNull();
    expect(whyMarked(undefined)).toBeNull();
  });
});
