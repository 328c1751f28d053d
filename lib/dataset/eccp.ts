import { isAwarded, type Eccp, type Label } from './model';

/**
 * Since 15 November 2019 an ESCA label requires an ECCP listing (ECCP news, 20 Nov 2019). Only
 * an award year of 2020 or later is certainly after that day; a 2019 award may predate it.
 */
export const FIRST_YEAR_REQUIRING_ECCP = 2020;

export function deriveEccp(label: Label, profileUrl: string | null): Eccp {
  if (profileUrl !== null) return { status: 'member', rule: 'profile-seen', url: profileUrl };
  if (isAwarded(label.level) && label.year !== null && label.year >= FIRST_YEAR_REQUIRING_ECCP) {
    return { status: 'implied', rule: 'label-after-2019-11', url: null };
  }
  return { status: 'unknown', rule: 'none', url: null };
}
