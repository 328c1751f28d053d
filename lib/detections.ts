import type { Detection } from './messages';

/** Detections of several frames as one list: counts add up, matched strings are unioned. */
export function mergeDetections(lists: readonly (readonly Detection[])[]): Detection[] {
  const byId = new Map<string, { name: string; count: number; texts: Set<string> }>();
  for (const list of lists) {
    for (const d of list) {
      const entry = byId.get(d.id) ?? { name: d.name, count: 0, texts: new Set<string>() };
      entry.count += d.count;
      for (const t of d.texts) entry.texts.add(t);
      byId.set(d.id, entry);
    }
  }
  return [...byId]
    .map(([id, e]) => ({ id, name: e.name, count: e.count, texts: [...e.texts] }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
