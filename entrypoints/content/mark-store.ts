import type { Evidence } from '~/lib/matcher';
import type { MarkCategory } from '~/lib/settings';

/** One mention found on the page. */
export interface PageMark {
  id: string;
  /** The organisation's name, as the card and the detections show it. */
  name: string;
  /** The alias that matched, as the dataset writes it. */
  alias: string;
  category: MarkCategory;
  /** The page text that matched, as written. */
  text: string;
  range: StaticRange;
  /** The text nodes the range touches, first to last. */
  nodes: Text[];
  /** False while a common-word alias waits for evidence elsewhere on the page. */
  confirmed: boolean;
  /** Why the mention counts (lib/matcher/evidence-labels.ts words it); null while it waits. */
  evidence: Evidence | null;
  /** Page-level evidence does not confirm it (a generic name, a single word; evidence.ts). */
  localOnly?: boolean;
}

export interface DetectionCount {
  id: string;
  name: string;
  category: MarkCategory;
  count: number;
  texts: string[];
}

/**
 * The marks of a page, indexed by text node so that a changed or removed node drops exactly
 * its marks, and so hit-testing finds the marks under the pointer without touching the DOM.
 */
export class MarkStore {
  private readonly byNode = new Map<Text, PageMark[]>();
  private readonly pendingById = new Map<string, Set<PageMark>>();

  constructor(
    private readonly onShow: (mark: PageMark) => void,
    private readonly onHide: (mark: PageMark) => void,
  ) {}

  add(mark: PageMark) {
    for (const node of mark.nodes) {
      const list = this.byNode.get(node);
      if (list) list.push(mark);
      else this.byNode.set(node, [mark]);
    }
    if (mark.confirmed) this.onShow(mark);
    else {
      const pending = this.pendingById.get(mark.id) ?? new Set();
      pending.add(mark);
      this.pendingById.set(mark.id, pending);
    }
  }

  /** Confirms the waiting marks of an organisation the page has now named unambiguously. */
  confirm(id: string) {
    const pending = this.pendingById.get(id);
    if (!pending) return;
    this.pendingById.delete(id);
    for (const mark of pending) this.show(mark, 'page-context');
  }

  /**
   * Confirms every waiting mark that page-level evidence can confirm (names of several words):
   * the page turned out to speak of clusters, or to name other organisations.
   */
  confirmAll(evidence: Evidence) {
    for (const [id, pending] of this.pendingById) {
      for (const mark of pending) {
        if (mark.localOnly) continue;
        pending.delete(mark);
        this.show(mark, evidence);
      }
      if (pending.size === 0) this.pendingById.delete(id);
    }
  }

  private show(mark: PageMark, evidence: Evidence) {
    mark.confirmed = true;
    mark.evidence = evidence;
    this.onShow(mark);
  }

  marksAt(node: Text): readonly PageMark[] {
    return this.byNode.get(node) ?? [];
  }

  /** Drops every mark touching these nodes (they changed or left the page). */
  dropNodes(nodes: Iterable<Text>) {
    for (const node of nodes) {
      const marks = this.byNode.get(node);
      if (!marks) continue;
      for (const mark of [...marks]) this.dropMark(mark);
    }
  }

  /** The marks touching any marked node that `test` picks. */
  marksWhere(test: (node: Text) => boolean): Set<PageMark> {
    const found = new Set<PageMark>();
    for (const [node, marks] of this.byNode) {
      if (test(node)) for (const mark of marks) found.add(mark);
    }
    return found;
  }

  /** Drops these marks (those already dropped are skipped). */
  dropMarks(marks: Iterable<PageMark>) {
    for (const mark of marks) {
      if (mark.nodes.some((node) => this.byNode.get(node)?.includes(mark))) this.dropMark(mark);
    }
  }

  /** Drops the marks of nodes no longer in the page. */
  dropDisconnected() {
    const gone: Text[] = [];
    for (const node of this.byNode.keys()) if (!node.isConnected) gone.push(node);
    this.dropNodes(gone);
  }

  clear() {
    for (const marks of this.byNode.values())
      for (const m of marks) if (m.confirmed) this.onHide(m);
    this.byNode.clear();
    this.pendingById.clear();
  }

  /** Every confirmed mark, once each. */
  *marks(): Generator<PageMark> {
    const seen = new Set<PageMark>();
    for (const marks of this.byNode.values()) {
      for (const mark of marks) {
        if (!mark.confirmed || seen.has(mark)) continue;
        seen.add(mark);
        yield mark;
      }
    }
  }

  /** Per organisation: how many confirmed mentions, and the distinct strings that matched. */
  detections(): DetectionCount[] {
    const byId = new Map<string, { mark: PageMark; count: number; texts: Set<string> }>();
    for (const mark of this.marks()) {
      const entry = byId.get(mark.id) ?? { mark, count: 0, texts: new Set<string>() };
      entry.count += 1;
      entry.texts.add(mark.text);
      byId.set(mark.id, entry);
    }
    return [...byId].map(([id, { mark, count, texts }]) => ({
      id,
      name: mark.name,
      category: mark.category,
      count,
      texts: [...texts],
    }));
  }

  private dropMark(mark: PageMark) {
    for (const node of mark.nodes) {
      const list = this.byNode.get(node);
      if (!list) continue;
      const rest = list.filter((m) => m !== mark);
      if (rest.length > 0) this.byNode.set(node, rest);
      else this.byNode.delete(node);
    }
    if (mark.confirmed) this.onHide(mark);
    else this.pendingById.get(mark.id)?.delete(mark);
  }
}
