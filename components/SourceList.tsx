import type { ComponentChildren } from 'preact';
import { safeHttpUrl } from '~/lib/safe-url';
import { plural } from '~/utils/plural';

/** How a link names its page: host and path, without the scheme and `www.`. */
export function linkText(href: string): string {
  const url = new URL(href);
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  return `${url.hostname.replace(/^www\./, '')}${path}${url.search}`;
}

/** A link to another site, opened in a new tab; only http(s) URLs ever become links. */
export function ExternalLink({ href, children }: { href: string; children?: ComponentChildren }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children ?? linkText(href)}
    </a>
  );
}

/** Every page a record's facts came from, each a link. */
export function SourceList({
  sources,
  headingId,
}: {
  sources: readonly string[];
  headingId: string;
}) {
  const links = sources.flatMap((s) => safeHttpUrl(s) ?? []);
  if (links.length === 0) return null;
  return (
    <section class="cl-details__sources" aria-labelledby={headingId}>
      <h3 id={headingId}>{plural('details.sources', links.length)}</h3>
      <ul>
        {links.map((href) => (
          <li key={href}>
            <ExternalLink href={href} />
          </li>
        ))}
      </ul>
    </section>
  );
}
