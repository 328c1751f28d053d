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
  const elsewhere = namesOwnedByLinkedRows(records);
  for (const record of records) {
    const seen = new Set<string>();
    const notMine = elsewhere.get(record.id);
    const add = (text: string, kind: AliasRule['kind']) => {
      const key = text.normalize('NFC');
      if (seen.has(key) || notMine?.has(fold(text))) return;
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

const fold = (text: string) => text.normalize('NFC').toLowerCase().trim();

/**
 * A predecessor and its successor (the `successor` columns) often list each other's names: the
 * successor gives the predecessor's name as a former name, and both may give the same short
 * form. A page's mention then goes to one of them, never both: the predecessor's own name and
 * acronym to the predecessor (its card says what it became), every other shared name to the
 * successor. The names stay in the data; only the alias table leaves them out.
 */
function namesOwnedByLinkedRows(records: readonly ClusterRecord[]): Map<string, Set<string>> {
  const byId = new Map(records.map((r) => [r.id, r]));
  const out = new Map<string, Set<string>>();
  const skip = (id: string, text: string) => {
    const set = out.get(id) ?? new Set<string>();
    set.add(fold(text));
    out.set(id, set);
  };
  for (const before of records) {
    const after = before.successor ? byId.get(before.successor.id) : undefined;
    if (!after) continue;
    const own = [before.name, before.acronym].filter((t): t is string => !!t).map(fold);
    const theirs = new Set(
      [after.name, after.acronym, ...after.aliases].filter((t): t is string => !!t).map(fold),
    );
    for (const text of own) skip(after.id, text);
    for (const text of before.aliases) {
      if (theirs.has(fold(text)) && !own.includes(fold(text))) skip(before.id, text);
    }
  }
  return out;
}
