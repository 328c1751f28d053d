import { i18n } from '#i18n';
import { countryName } from '~/lib/country-display';
import { CountryFlag } from './CountryFlag';
import type { ClusterRecord } from '~/lib/dataset/model';
import { formatPartialDate } from '~/lib/format-date';
import { labelStatus } from '~/lib/label-status';
import { safeHttpUrl } from '~/lib/safe-url';
import { eccpLine, labelLine, whyMarked } from '~/utils/card-wording';
import { plural } from '~/utils/plural';
import { Lineage } from './ClusterDetails';
import { LabelBadge } from './LabelBadge';
import { ExternalLink } from './SourceList';

export interface CardFactsProps {
  record: ClusterRecord;
  /** The dataset's date (`YYYY-MM` or `YYYY-MM-DD`): every fact is "as of" it. */
  asOf: string;
  today: Date;
  locale: string;
}

/**
 * The hover card's facts, the two it exists for first: the label with its status in words and
 * the ECCP state, each always said; then where, what and the website, each left out when
 * unknown. The sources and the why of it are CardSources, folded away under one line.
 */
export function CardFacts({ record, today, locale }: Omit<CardFactsProps, 'asOf'>) {
  const label = labelLine(record.label, today, locale);
  const website = safeHttpUrl(record.website);
  const eccpUrl = record.eccp.status === 'member' ? safeHttpUrl(record.eccp.url) : null;
  const place = [record.city ?? record.region?.split('|')[0] ?? null, record.sectors.join(', ')]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
  return (
    <>
      <p class="cl-card__label" data-status={label.kind} data-level={record.label.level}>
        <LabelBadge level={record.label.level} />
        {label.text !== null && (
          <>
            <span class="cl-card__sep" aria-hidden="true">
              {' · '}
            </span>
            <span class="cl-card__label-status" title={label.caveat ?? undefined}>
              {label.text}
            </span>
          </>
        )}
      </p>
      <p class="cl-card__eccp" data-eccp={record.eccp.status}>
        <span class="cl-card__eccp-state">{eccpLine(record.eccp)}</span>
        {eccpUrl && (
          <>
            {' · '}
            <a
              href={eccpUrl}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={i18n.t('details.eccpProfile')}
            >
              {i18n.t('card.eccpProfile')}
            </a>
          </>
        )}
      </p>
      {record.links && <Lineage links={record.links} />}
      {(record.country || place) && (
        <p
          class="cl-card__place"
          title={[record.country && countryName(record.country, locale), place]
            .filter(Boolean)
            .join(' · ')}
        >
          {record.country && (
            <>
              <CountryFlag code={record.country} /> {countryName(record.country, locale)}
            </>
          )}
          {record.country && place && ' · '}
          {place}
        </p>
      )}
      {website && (
        <p class="cl-card__website">
          <ExternalLink href={website} />
        </p>
      )}
    </>
  );
}

/** "Sources (3) · data as of January 2026": the line the sources are folded under. */
export function sourcesSummary(record: ClusterRecord, asOf: string, locale: string): string {
  return i18n.t('card.sourcesSummary', [
    plural('details.sources', linkedSources(record).length),
    formatPartialDate(asOf, locale),
  ]);
}

function linkedSources(record: ClusterRecord): string[] {
  return record.sources.flatMap((s) => safeHttpUrl(s) ?? []);
}

/**
 * What is folded under the sources line: why the mention is marked, what the label and ECCP
 * lines rest on where they need saying, and every page the facts came from, one a line.
 */
export function CardSources({
  record,
  today,
  evidence,
}: {
  record: ClusterRecord;
  today: Date;
  /** Why the scan counted the mention (lib/matcher/evidence.ts), where the card knows it. */
  evidence?: string | null;
}) {
  const why = whyMarked(evidence);
  const status = labelStatus(record.label, today);
  const sources = linkedSources(record);
  return (
    <>
      {why && <p class="cl-card__why">{why}</p>}
      {status.kind === 'undated' && status.mayHaveLapsed && (
        <p class="cl-card__label-note">{i18n.t('details.mayHaveLapsed')}</p>
      )}
      {record.eccp.status === 'implied' && (
        <p class="cl-card__eccp-rule">
          {i18n.t('details.eccpImpliedRule', [String(record.label.year ?? '')])}
        </p>
      )}
      {status.kind === 'not-labelled' && (
        <p class="cl-card__label-note">
          {record.label.level === 'none'
            ? i18n.t('details.labelNone')
            : i18n.t('details.labelUnknown')}
        </p>
      )}
      {sources.length > 0 && (
        <ul>
          {sources.map((href) => (
            <li key={href} title={href}>
              <ExternalLink href={href} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
