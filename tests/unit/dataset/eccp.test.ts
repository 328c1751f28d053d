// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { deriveEccp } from '~/lib/dataset/eccp';

const url = 'https://clustercollaboration.eu/cluster-organisations/si-cluster';

describe('deriveEccp', () => {
  it('is member only where a profile URL was seen, whatever the label', () => {
    expect(deriveEccp({ level: 'unknown', year: null, validUntil: null }, url)).toEqual({
      status: 'member',
      rule: 'profile-seen',
      url,
    });
  });
  it('is implied, with its rule, for a label awarded in 2020 or later', () => {
    expect(deriveEccp({ level: 'bronze', year: 2020, validUntil: null }, null)).toEqual({
      status: 'implied',
      rule: 'label-after-2019-11',
      url: null,
    });
  });
  it('is unknown for a 2019 award, which may predate the November 2019 rule', () => {
    expect(deriveEccp({ level: 'gold', year: 2019, validUntil: null }, null).status).toBe(
      'unknown',
    );
  });
  it('is unknown without an award year, even with a recent validity date', () => {
    expect(deriveEccp({ level: 'gold', year: null, validUntil: '2027' }, null).status).toBe(
      'unknown',
    );
  });
  it('is never implied by a year without an awarded level', () => {
    expect(deriveEccp({ level: 'none', year: 2024, validUntil: null }, null).status).toBe(
      'unknown',
    );
  });
});
