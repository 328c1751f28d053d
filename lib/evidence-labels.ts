/**
 * The plain-words line for each kind of evidence (lib/matcher/evidence.ts), as i18n keys: the
 * card's sources section says why a mention counts ("named with its city", "page about
 * clusters"). The one place that maps a kind to its message.
 */
import type { GeneratedI18nStructure } from '#i18n';
import type { Evidence } from './matcher/evidence';

export const EVIDENCE_MESSAGE = {
  'not-needed': 'evidence.notNeeded',
  'same-organisation': 'evidence.sameOrganisation',
  'page-context': 'evidence.pageContext',
  'place-near': 'evidence.placeNear',
  'cluster-word': 'evidence.clusterWord',
  'page-vocabulary': 'evidence.pageVocabulary',
  'page-organisations': 'evidence.pageOrganisations',
} as const satisfies Record<Evidence, keyof GeneratedI18nStructure>;

export type EvidenceMessageKey = (typeof EVIDENCE_MESSAGE)[Evidence];

export function evidenceMessage(evidence: Evidence): EvidenceMessageKey {
  return EVIDENCE_MESSAGE[evidence];
}
