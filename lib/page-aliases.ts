import type { AliasRule } from './dataset/model';
import type { Settings } from './settings';
import { siteMatches } from './site-rules';

/**
 * The alias table as this page should use it: acronym strictness applied, and the aliases the
 * reader said are "not this organisation" on this site left out.
 */
export function aliasesForPage(
  aliases: readonly AliasRule[],
  settings: Pick<Settings, 'acronymStrictness' | 'suppressed'>,
  hostname: string,
): AliasRule[] {
  const suppressed = settings.suppressed.filter((s) => siteMatches(s.site, hostname));
  if (suppressed.length === 0 && settings.acronymStrictness === 'balanced') {
    // Unchanged: the same objects, so the prebuilt matcher can be used.
    return aliases as AliasRule[];
  }
  return aliases.flatMap((alias) => {
    if (suppressed.some((s) => s.id === alias.id && s.alias === alias.text)) return [];
    if (alias.kind !== 'acronym') return [alias];
    switch (settings.acronymStrictness) {
      case 'off':
        return [];
      case 'strict':
        return [{ ...alias, needsContext: true }];
      case 'balanced':
        return [alias];
    }
  });
}
