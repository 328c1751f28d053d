import { applyMatchOverride, deriveAliasRule, extraMatchForms } from './alias-rules';
import type { AliasRule, ClusterRecord } from './model';

/**
 * Every name, acronym and alias of every record, plus the extra forms a page is likely to use
 * (a name without its legal form, a half of a "SHORT - Long name" name), each with the matching
 * rule derived from the text itself and the row's `match` override applied. The same text listed
 * twice for one organisation is kept once, in its first (strongest) kind.
 */
export function buildAliasTable(records: readonly ClusterRecord[]): AliasRule[] {
  const table: AliasRule[] = [];
  for (const record of records) {
    const seen = new Set<string>();
    const add = (text: string, kind: AliasRule['kind']) => {
      const key = text.normalize('NFC');
      if (seen.has(key)) return;
      seen.add(key);
      const rule = applyMatchOverride(deriveAliasRule(text, kind), record.match);
      table.push({ text, id: record.id, kind, ...rule });
    };
    const written: [string, AliasRule['kind']][] = [[record.name, 'name']];
    if (record.acronym) written.push([record.acronym, 'acronym']);
    for (const alias of record.aliases) written.push([alias, 'alias']);
    for (const [text, kind] of written) add(text, kind);
    for (const [text] of written) {
      for (const extra of extraMatchForms(text)) add(extra.text, extra.kind);
    }
  }
  return table;
}
