import { i18n } from '#i18n';
import type { ClusterRecord } from '~/lib/dataset/model';
import { safeHttpUrl } from '~/lib/safe-url';
import { ExternalLink } from './SourceList';

/** ECCP membership as the data knows it: a seen profile, a rule, or unknown. */
export function EccpStatus({ record }: { record: ClusterRecord }) {
  const { eccp, label } = record;
  switch (eccp.status) {
    case 'member': {
      const href = safeHttpUrl(eccp.url);
      return (
        <p class="cl-details__eccp" data-eccp="member">
          <span class="cl-details__state">{i18n.t('details.eccpMember')}</span>
          {href && (
            <>
              {' · '}
              <ExternalLink href={href}>{i18n.t('details.eccpProfile')}</ExternalLink>
            </>
          )}
        </p>
      );
    }
    case 'implied':
      return (
        <div class="cl-details__eccp" data-eccp="implied">
          <p class="cl-details__state">{i18n.t('details.eccpImplied')}</p>
          <p class="cl-details__note">
            {i18n.t('details.eccpImpliedRule', [String(label.year ?? '')])}
          </p>
        </div>
      );
    case 'unknown':
      return (
        <p class="cl-details__eccp" data-eccp="unknown">
          <span class="cl-details__state cl-details__state--unknown">
            {i18n.t('details.eccpUnknown')}
          </span>
        </p>
      );
  }
}
