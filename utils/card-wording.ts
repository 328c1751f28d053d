/**
 * The hover card's short sentences: a label's status, the ECCP state and why a mention is
 * marked, each in a few words for one line of the card. Never more than the data says.
 */
import { i18n } from '#i18n';
import type { Eccp, Label } from '~/lib/dataset/model';
import { formatPartialDate } from '~/lib/format-date';
import { labelStatus } from '~/lib/label-status';
import { EVIDENCE_MESSAGE } from '~/lib/evidence-labels';
import type { Evidence } from '~/lib/matcher/evidence';

export interface LabelLine {
  /** What the status part says; null where the badge says it all ("Label not known"). */
  text: string | null;
  /**
   * For an old award without a published validity: that it may have lapsed or been renewed
   * since (said with the sources, so the line stays one line).
   */
  caveat: string | null;
  /** The status kind, for styling (an expired label stands out). */
  kind: 'current' | 'expired' | 'undated' | 'not-labelled';
}

/**
 * What follows the label's badge: "valid until Mar 2027", "expired Apr 2017", "awarded 2017,
 * validity not published", or nothing for "No label" and "Label not known".
 */
export function labelLine(label: Label, today: Date, locale: string): LabelLine {
  const status = labelStatus(label, today);
  switch (status.kind) {
    case 'current':
      return {
        kind: status.kind,
        text: i18n.t('card.labelValidUntil', [
          formatPartialDate(status.validUntil, locale, 'short'),
        ]),
        caveat: null,
      };
    case 'expired':
      return {
        kind: status.kind,
        text: i18n.t('card.labelExpired', [formatPartialDate(status.validUntil, locale, 'short')]),
        caveat: null,
      };
    case 'undated': {
      const said =
        status.awardYear !== null
          ? i18n.t('card.labelUndated', [String(status.awardYear)])
          : i18n.t('card.labelUndatedNoYear');
      return {
        kind: status.kind,
        text: said,
        caveat: status.mayHaveLapsed ? i18n.t('details.mayHaveLapsed') : null,
      };
    }
    case 'not-labelled':
      return { kind: status.kind, text: null, caveat: null };
  }
}

/** "ECCP member", "ECCP listing implied by the label rule", "ECCP membership not confirmed". */
export function eccpLine(eccp: Eccp): string {
  switch (eccp.status) {
    case 'member':
      return i18n.t('card.eccpMember');
    case 'implied':
      return i18n.t('card.eccpImplied');
    case 'unknown':
      return i18n.t('card.eccpUnknown');
  }
}

/** "Why marked: the name is distinctive"; null when the card does not know (no mention). */
export function whyMarked(evidence: string | null | undefined): string | null {
  if (evidence === null || evidence === undefined) return null;
  // One message per kind, from the one map of them (lib/evidence-labels.ts); a kind this build
  // does not know gets the plain fallback.
  const words = Object.hasOwn(EVIDENCE_MESSAGE, evidence)
    ? i18n.t(EVIDENCE_MESSAGE[evidence as Evidence])
    : i18n.t('card.evidenceOther');
  return i18n.t('card.whyMarked', [words]);
}
