import { deriveAliasRule } from './alias-rules';
import type { AliasRule, ClusterRecord } from './model';

/**
 * Every name, acronym and alias of every record, with the matching rule derived from the alias
 * itself. The same text listed twice for one organisation is kept once (its first, strongest kind).
 */
export function buildAliasTable(records: readonly ClusterRecord[]): AliasRule[] {
  const table: AliasRule[] = [];
  for (const record of records) {
    const seen = new Set<string>();
    const add = (text: string, kind: AliasRule['kind']) => {
      const key = text.normalize('NFC');
      if (seen.has(key)) return;
      seen.add(key);
      table.push({ text, id: record.id, kind, ...deriveAliasRule(text, kind) });
    };
    add(record.name, 'name');
    if (record.acronym) add(record.acronym, 'acronym');
    for (const alias of record.aliases) add(alias, 'alias');
  }
  return table;
}
