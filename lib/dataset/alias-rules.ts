/**
 * Matching rules derived from an alias itself. First version (foundation): acronyms and short
 * all-caps names are case-sensitive. The detection engine refines this (common words, context).
 */
export function deriveAliasRule(
  text: string,
  kind: 'name' | 'acronym' | 'alias',
): { caseSensitive: boolean; needsContext: boolean } {
  const letters = text.replace(/[^\p{L}]/gu, '');
  const allCaps = letters.length > 0 && letters === letters.toUpperCase();
  const caseSensitive = kind === 'acronym' || (allCaps && letters.length <= 6);
  return { caseSensitive, needsContext: false };
}
