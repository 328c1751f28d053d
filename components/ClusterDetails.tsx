import { i18n } from '#i18n';
import { useId } from 'preact/hooks';
import { countryName } from '~/lib/country-display';
import { CountryFlag } from './CountryFlag';
import type { ClusterRecord, LinkedName, RecordLinks } from '~/lib/dataset/model';
import { formatPartialDate } from '~/lib/format-date';
import { safeHttpUrl } from '~/lib/safe-url';
import { EccpStatus } from './EccpStatus';
import { LabelValidity } from './LabelValidity';
import { ExternalLink, SourceList } from './SourceList';

export interface ClusterDetailsProps {
  record: ClusterRecord;
  /** The dataset's date (`YYYY-MM` or `YYYY-MM-DD`): every fact is "as of" it. */
  asOf: string;
  /** The day label validity is judged on; today by default. */
  today?: Date;
  /** The UI language, for country names and dates. */
  locale: string;
}

/**
 * Everything the dataset knows about one organisation, each fact with its source, and
 * "unknown" where nothing is known. Shared by the popup and the hover card: it needs no
 * browser API, and its styles (cluster-details.css) work inside a shadow root.
 */
export function ClusterDetails({ record, asOf, today = new Date(), locale }: ClusterDetailsProps) {
  const id = useId();
  const website = safeHttpUrl(record.website);
  const unknown = <span class="cl-details__unknown">{i18n.t('details.unknown')}</span>;
  return (
    <article class="cl-details" aria-labelledby={`${id}-name`}>
      <header class="cl-details__header">
        <h2 id={`${id}-name`} class="cl-details__name">
          {record.name}
          {record.acronym && record.acronym !== record.name && (
            <span class="cl-details__acronym"> ({record.acronym})</span>
          )}
        </h2>
        {record.links && <Lineage links={record.links} />}
      </header>

      <dl class="cl-details__facts">
        <dt>{i18n.t('details.country')}</dt>
        <dd>
          {record.country ? (
            <>
              <CountryFlag code={record.country} /> {countryName(record.country, locale)}
            </>
          ) : (
            <span class="cl-details__unknown">{i18n.t('details.countryUnknown')}</span>
          )}
        </dd>
        <dt>{i18n.t('details.region')}</dt>
        <dd>{record.region ? record.region.split('|').join(', ') : unknown}</dd>
        <dt>{i18n.t('details.city')}</dt>
        <dd>{record.city ?? unknown}</dd>
        <dt>{i18n.t('details.sectors')}</dt>
        <dd>{record.sectors.length > 0 ? record.sectors.join(', ') : unknown}</dd>
        <dt>{i18n.t('details.website')}</dt>
        <dd>{website ? <ExternalLink href={website} /> : unknown}</dd>
      </dl>

      <section class="cl-details__section" aria-labelledby={`${id}-label`}>
        <h3 id={`${id}-label`}>{i18n.t('details.labelHeading')}</h3>
        <LabelValidity label={record.label} today={today} locale={locale} />
      </section>

      <section class="cl-details__section" aria-labelledby={`${id}-eccp`}>
        <h3 id={`${id}-eccp`}>{i18n.t('details.eccpHeading')}</h3>
        <EccpStatus record={record} />
      </section>

      <SourceList sources={record.sources} headingId={`${id}-sources`} />

      <p class="cl-details__as-of">{i18n.t('dataset.asOf', [formatPartialDate(asOf, locale)])}</p>
    </article>
  );
}

/** "Merged into CLEAN in 2014", "Formerly Arena Heidner": the rows this one is linked to. */
export function Lineage({ links }: { links: RecordLinks }) {
  const lines = [
    ...(links.successor ? [successorText(links.successor)] : []),
    ...links.predecessors.map((p) => i18n.t('details.formerly', [p.name])),
  ];
  if (lines.length === 0) return null;
  return (
    <ul class="cl-details__lineage">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

function successorText(next: LinkedName): string {
  const year = next.year === null ? null : String(next.year);
  if (next.kind === 'merged') {
    return year
      ? i18n.t('details.mergedInto', [next.name, year])
      : i18n.t('details.mergedIntoUndated', [next.name]);
  }
  return year
    ? i18n.t('details.renamedTo', [next.name, year])
    : i18n.t('details.renamedToUndated', [next.name]);
}
