import { LIST_SEPARATOR } from './csv-columns';
import { slugify } from './slug';

/**
 * Brings a revision of `shared/data/clusters-sourced.csv` (the upstream file, which has no `id`)
 * into the project's `data/clusters.csv`. Deterministic and rerunnable: merging the same upstream
 * into its own result changes nothing.
 *
 * - A project row is the upstream row with its name and country (or, failing that, its name
 *   alone when only one upstream row has it). Its id and the project's own columns stay.
 * - An upstream row no project row matches is a new row; its id is the slug of its name, or of
 *   name and country when another row has that slug (two organisations called "Finance
 *   Innovation").
 * - A project row upstream no longer has stays as it is (nothing is deleted) and is reported.
 * - Lists (aliases, sectors, source_urls) are the upstream list plus what only the project has;
 *   a project source whose address upstream now gives under another host (an ECCP staging
 *   mirror given under its public host) is replaced.
 * - A blank cell is filled from upstream. A cell upstream changes is taken only when upstream
 *   also added a source to the row (the page that prints the new value), or when a reviewed
 *   decision says so; otherwise it is held and reported.
 * - A new label level does not inherit the old level's year or validity: a year or date that
 *   upstream left unchanged while changing the level belonged to the old award and is held.
 * - `notes` is upstream's, followed by the project's own sentences, each starting with
 *   `Cluster Lens:` (the merge writes its reasons there too).
 */

export type Row = Record<string, string>;

/** Columns the project keeps for itself: upstream never has them. */
export const PROJECT_COLUMNS = ['id', 'match', 'successor', 'successor_year', 'successor_kind'];
const LIST_COLUMNS = new Set(['aliases', 'sectors', 'source_urls']);
const LABEL_DATES = ['label_year', 'label_valid_until'];
/** Upstream's columns in the order merged; `notes` and the lists are handled on their own. */
const CELL_COLUMNS = [
  'name',
  'acronym',
  'country',
  'region',
  'city',
  'label',
  'label_year',
  'label_valid_until',
  'eccp_member',
  'eccp_url',
  'website',
];

export const PROJECT_NOTE = 'Cluster Lens:';

/** A reviewed call on one upstream change: take it or hold it, and why. */
export interface MergeDecision {
  id: string;
  column: string;
  /** The upstream value the decision is about; a later, different value needs a new decision. */
  value: string;
  take: boolean;
  /** Why; for a change taken, the page that prints the new value. */
  reason: string;
}

export interface MergeReport {
  matched: number;
  added: { id: string; name: string; country: string }[];
  notUpstream: string[];
  /** Upstream rows left out by a decision (column `row`, value = the row's name). */
  left: { name: string; country: string; why: string }[];
  taken: { id: string; column: string; from: string; to: string; why: string }[];
  held: { id: string; column: string; kept: string; upstream: string; why: string }[];
}

export interface MergeResult {
  rows: Row[];
  report: MergeReport;
}

const keyOf = (name: string, country: string) => `${name.trim()}\u0000${country.trim()}`;

function listOf(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(LIST_SEPARATOR)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function urlPath(url: string): string | null {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return null;
  }
}

function mergeList(column: string, ours: string[], theirs: string[]): string[] {
  const out = [...theirs];
  const have = new Set(theirs);
  const theirPaths = new Set(theirs.map(urlPath).filter((p) => p !== null && p !== '/'));
  for (const item of ours) {
    if (have.has(item)) continue;
    if (column === 'source_urls') {
      const path = urlPath(item);
      // Upstream gives the same page under another host: its address replaces ours.
      if (path !== null && path !== '/' && theirPaths.has(path)) continue;
    }
    out.push(item);
    have.add(item);
  }
  return out;
}

/** The `Cluster Lens:` sentences of a notes cell, in order. */
export function projectNotes(notes: string): string[] {
  const at = notes.indexOf(PROJECT_NOTE);
  if (at < 0) return [];
  return notes
    .slice(at)
    .split(/;\s*(?=Cluster Lens:)/)
    .map((s) => s.trim().replace(/;$/, ''))
    .filter((s) => s.startsWith(PROJECT_NOTE));
}

function upstreamNotes(notes: string): string {
  const at = notes.indexOf(PROJECT_NOTE);
  return (at < 0 ? notes : notes.slice(0, at)).trim().replace(/;$/, '').trim();
}

function joinNotes(upstream: string, own: string[]): string {
  const parts = [upstream, ...own].filter((p) => p !== '');
  return parts.join('; ');
}

function heldNote(column: string, value: string, why: string): string {
  return `${PROJECT_NOTE} ${column} "${value}" of the source file not taken: ${why}`;
}

function takenNote(column: string, from: string, to: string, why: string): string {
  return `${PROJECT_NOTE} ${column} ${from || '(blank)'} → ${to || '(blank)'}: ${why}`;
}

export function mergeSourced(
  projectRows: readonly Row[],
  upstreamInput: readonly Row[],
  decisions: readonly MergeDecision[] = [],
  revision = 'the source file',
): MergeResult {
  const upstreamRows = upstreamInput.map(normaliseUpstream);
  const report: MergeReport = {
    matched: 0,
    added: [],
    notUpstream: [],
    taken: [],
    held: [],
    left: [],
  };
  const byKey = new Map<string, number>();
  const byName = new Map<string, number[]>();
  upstreamRows.forEach((u, i) => {
    const key = keyOf(u.name ?? '', u.country ?? '');
    if (byKey.has(key)) {
      throw new Error(`upstream has "${u.name}" (${u.country || 'no country'}) twice`);
    }
    byKey.set(key, i);
    byName.set(u.name?.trim() ?? '', [...(byName.get(u.name?.trim() ?? '') ?? []), i]);
  });
  const decisionOf = (id: string, column: string, value: string) =>
    decisions.find((d) => d.id === id && d.column === column && d.value === value);

  const used = new Set<number>();
  const out: Row[] = [];
  for (const ours of projectRows) {
    let index = byKey.get(keyOf(ours.name ?? '', ours.country ?? ''));
    if (index === undefined) {
      const named = byName.get(ours.name?.trim() ?? '') ?? [];
      if (named.length === 1) index = named[0];
    }
    if (index === undefined || used.has(index)) {
      report.notUpstream.push(ours.id ?? ours.name ?? '');
      out.push({ ...ours });
      continue;
    }
    used.add(index);
    report.matched += 1;
    out.push(mergeRow(ours, upstreamRows[index] ?? {}, decisionOf, report, revision));
  }

  const taken = new Set(out.map((r) => r.id ?? ''));
  const fresh = upstreamRows
    .map((u, i) => ({ u, i }))
    .filter(({ i }) => !used.has(i))
    .map(({ u }) => ({ u, slug: slugify(u.name ?? '') }));
  const slugCount = new Map<string, number>();
  for (const { slug } of fresh) slugCount.set(slug, (slugCount.get(slug) ?? 0) + 1);
  for (const { u, slug } of fresh) {
    const leave = decisions.find(
      (d) =>
        d.column === 'row' && !d.take && d.value === u.name && (d.id === '' || d.id === u.country),
    );
    if (leave) {
      report.left.push({ name: u.name ?? '', country: u.country ?? '', why: leave.reason });
      continue;
    }
    let id = slug;
    if (taken.has(id) || (slugCount.get(slug) ?? 0) > 1) id = slugify(`${u.name} ${u.country}`);
    if (id === '' || taken.has(id)) {
      throw new Error(`no free id for the new row "${u.name}" (${u.country}): "${id}" is taken`);
    }
    taken.add(id);
    const row: Row = { id };
    for (const [column, value] of Object.entries(u)) row[column] = value;
    const own: string[] = [];
    for (const d of decisions.filter((d) => d.id === id && !d.take)) {
      if (LIST_COLUMNS.has(d.column)) {
        const items = listOf(row[d.column]);
        if (!items.includes(d.value)) continue;
        row[d.column] = items.filter((v) => v !== d.value).join(LIST_SEPARATOR);
      } else if ((row[d.column] ?? '').trim() === d.value) {
        row[d.column] = '';
      } else continue;
      report.held.push({ id, column: d.column, kept: '', upstream: d.value, why: d.reason });
      own.push(heldNote(d.column, d.value, d.reason));
    }
    row.notes = joinNotes((row.notes ?? '').trim(), own);
    out.push(row);
    report.added.push({ id, name: u.name ?? '', country: u.country ?? '' });
  }
  return { rows: out, report };
}

function mergeRow(
  ours: Row,
  theirs: Row,
  decisionOf: (id: string, column: string, value: string) => MergeDecision | undefined,
  report: MergeReport,
  revision: string,
): Row {
  const id = ours.id ?? '';
  const row: Row = { ...ours };
  const own = projectNotes(ours.notes ?? '');
  const addNote = (note: string) => {
    if (!own.includes(note)) own.push(note);
  };
  const hasHeldNote = (column: string, value: string) =>
    own.some((n) => n.startsWith(`${PROJECT_NOTE} ${column} "${value}" of the source file`));

  const ourSources = new Set(listOf(ours.source_urls));
  const newSources = listOf(theirs.source_urls).filter((u) => !ourSources.has(u));
  const ourUpstreamNotes = upstreamNotes(ours.notes ?? '');
  const theirNotes = (theirs.notes ?? '').trim();
  const newEvidence =
    newSources.length > 0 || (theirNotes !== '' && theirNotes !== ourUpstreamNotes);
  const levelChanged =
    (theirs.label ?? '').trim() !== '' && (theirs.label ?? '').trim() !== (ours.label ?? '').trim();

  for (const column of CELL_COLUMNS) {
    const mine = (ours[column] ?? '').trim();
    const up = (theirs[column] ?? '').trim();
    if (up === mine) continue;
    const decision = decisionOf(id, column, up);
    const hold = (why: string) => {
      report.held.push({ id, column, kept: mine, upstream: up, why });
      addNote(heldNote(column, up, why));
    };
    const take = (why: string, note: boolean) => {
      row[column] = up;
      report.taken.push({ id, column, from: mine, to: up, why });
      if (note) addNote(takenNote(column, mine, up, why));
    };
    if (decision) {
      if (decision.take) take(decision.reason, true);
      else if (!hasHeldNote(column, up)) hold(decision.reason);
      continue;
    }
    if (hasHeldNote(column, up)) continue; // held before, for a reason written then
    const isLabel = column === 'label' || LABEL_DATES.includes(column);
    if (up === '') {
      // Upstream dropped a value; a label date dropped with a level change goes with the old level.
      if (isLabel && levelChanged) {
        take(`it was the ${ours.label} label's; ${revision} changed the level`, true);
      } else {
        hold(`${revision} leaves it blank without saying why`);
      }
      continue;
    }
    if (mine === '' && !isLabel) {
      take(`filled in by ${revision}`, false);
      continue;
    }
    if (newEvidence) {
      const sources = newSources.length > 0 ? `; pages added: ${newSources.join(' ')}` : '';
      take(`${revision}${sources}`, isLabel);
    } else {
      hold(`${revision} changes it without adding a source or a note`);
    }
  }

  // A year or validity the upstream row kept while changing the level was the old award's.
  if (levelChanged && row.label === (theirs.label ?? '').trim()) {
    for (const column of LABEL_DATES) {
      const mine = (ours[column] ?? '').trim();
      const up = (theirs[column] ?? '').trim();
      if (mine !== '' && up === mine && !decisionOf(id, column, up)) {
        row[column] = '';
        const why = `it is the ${ours.label} label's, and ${revision} changed the level to ${theirs.label} without a new ${column === 'label_year' ? 'year' : 'date'}`;
        report.held.push({ id, column, kept: '', upstream: up, why });
        addNote(heldNote(column, up, why));
      }
    }
  }

  for (const column of LIST_COLUMNS) {
    const held = (item: string) => {
      const d = decisionOf(id, column, item);
      return d !== undefined && !d.take;
    };
    row[column] = mergeList(
      column,
      listOf(ours[column]),
      listOf(theirs[column]).filter((i) => !held(i)),
    ).join(LIST_SEPARATOR);
  }
  row.notes = joinNotes(theirNotes || ourUpstreamNotes, own);
  return row;
}

const BARE_HOST = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/\S*)?$/i;

/**
 * The one normalisation of upstream text: a website printed as a bare host name
 * (`www.example.org`) is given as `https://www.example.org`, the address a browser opens for it.
 */
export function normaliseUpstream(row: Row): Row {
  const website = (row.website ?? '').trim();
  if (website === '' || /^https?:\/\//i.test(website) || !BARE_HOST.test(website)) return row;
  return { ...row, website: `https://${website}` };
}
