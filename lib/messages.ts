/**
 * Messages between the extension's runtimes, typed in one place. The detections message is a
 * contract other tools rely on (DESIGN.md ⚑2): change it only with them.
 */

import type { ClusterRecord } from './dataset/model';
import type { Evidence } from './matcher/evidence';
import type { MatchPart, PartMatch } from './page-matching';
import type { MarkStyles } from './highlight-css';
import { SETTINGS_FIELDS, type MarkCategory, type Settings } from './settings';

export const PING = 'cluster-lens:ping';
export const DETECTIONS = 'cluster-lens:detections';

export interface PingRequest {
  type: typeof PING;
}
export interface PingResponse {
  url: string;
  topFrame: boolean;
}

export interface DetectionsRequest {
  type: typeof DETECTIONS;
}
export interface DetectionsResponse {
  url: string;
  detections: { id: string; name: string; count: number; texts: string[] }[];
  stats: { scanMs: number; textChars: number; textNodes: number };
}

export type Detection = DetectionsResponse['detections'][number];

export const FRAME_REPORT = 'cluster-lens:frame-report';

/** From every frame's content script to the background: what that frame found so far. */
export interface FrameReport {
  type: typeof FRAME_REPORT;
  detections: Detection[];
}

export const OTHER_FRAMES = 'cluster-lens:other-frames';

/** From a top frame to the background: what the tab's other frames reported. */
export interface OtherFramesRequest {
  type: typeof OTHER_FRAMES;
}
export type OtherFramesResponse = Detection[][];

export const SCAN_STATS = 'cluster-lens:scan-stats';

/** For tests and benchmarks: this frame's scanning figures, beyond the detections contract. */
export interface ScanStatsRequest {
  type: typeof SCAN_STATS;
}
export interface ScanStatsResponse {
  url: string;
  /** The scanner's slices and mutation batches. */
  scanMs: number;
  /** All the main-thread time the content script timed itself, start and callbacks included. */
  scriptMs: number;
  longestTaskMs: number;
  collectMs: number;
  matchMs: number;
  /** Background time matching the page's blocks, off the page's main thread. */
  backgroundMatchMs: number;
  /** Batches the background never answered. */
  failedBatches: number;
  textChars: number;
  textNodes: number;
  /** How the first pass went: cleared by the quick check, or the full scan (and why). */
  pass: ScanPass;
  /** Background time of the quick check, off the page's main thread. */
  checkMs: number;
  /** Blocks the full scan did not match, holding no word of what the quick check found. */
  skippedBlocks: number;
  /** Pieces the page was read in for the quick check (1: in one call), and how many were then scanned. */
  pieces: number;
  piecesScanned: number;
  /**
   * Pieces holding an alias without evidence on a page the quick check cleared for that reason:
   * scanned if a change later names one of those organisations unambiguously.
   */
  waitingPieces: number;
  /** Open shadow roots scanned, and those the marks' style sheet was adopted into (the marked ones). */
  shadowRoots: number;
  rootsWithMarks: number;
  /** Rescans of parts the page changed (changes close together make one). */
  rescans: number;
  idle: boolean;
}

export const REVEAL = 'cluster-lens:reveal';

/** From the popup to a tab's top frame: scroll to the organisation's first mention, open its card. */
export interface RevealRequest {
  type: typeof REVEAL;
  id: string;
}

/** The content script's answer to REVEAL and CYCLE: the organisation whose card opened. */
export interface CardOpenedResponse {
  id: string | null;
}

/**
 * `clear`: the quick check found no alias, or none with evidence, nothing more to do (see
 * ScanStats.waitingPieces for the second). `mentions`: it found some, so the
 * page was scanned fully. `full`: the quick check was not used (a huge page, no body, no
 * background to ask) or not yet answered.
 */
export type ScanPass = 'clear' | 'mentions' | 'full';

export const RECORD = 'cluster-lens:record';

/** From a content script to the background: one organisation's full record, for its card. */
export interface RecordRequest {
  type: typeof RECORD;
  id: string;
}
export interface RecordResponse {
  /** From the active dataset; null when it has no such organisation (the dataset changed). */
  record: ClusterRecord | null;
  /** The active dataset's date. */
  asOf: string;
}

export const QUICK_CHECK = 'cluster-lens:quick-check';

/**
 * From a content script to the background: could this page text name any organisation at all?
 * The background keeps a warm matcher, so the page's main thread need not run one on the many
 * pages that name none. The text is matched and dropped, never stored or sent anywhere.
 */
export interface QuickCheckRequest {
  type: typeof QUICK_CHECK;
  text: string;
}
export interface QuickCheckResponse {
  /** Whether any alias of the active dataset occurs in the text, evidence aside. */
  mayMention: boolean;
  /**
   * Whether one of those occurrences counts by the evidence rules with this text as its only
   * context (see checkText). A page whose only occurrences are common words with no evidence
   * ("Tourism", "Light") need not be scanned block by block unless it later names one of their
   * organisations. Absent (an older background): taken as true.
   */
  evidenced?: boolean;
  /**
   * When it may: the words of what was found (see checkText in lib/matcher), so the full scan can skip
   * blocks that hold none of them; null to match every block.
   */
  words?: string[] | null;
  /** Time the background spent matching, for the benchmark. */
  ms: number;
  /** The active dataset's alias table (see aliasFingerprint): a change means a rescan. */
  fingerprint: string;
  /** Cluster vocabulary in the text (lib/matcher/cluster-vocabulary.ts), page-level evidence. */
  clusterTerms?: string[];
}

export const MATCH = 'cluster-lens:match';

/** How a page's alias table differs from the dataset's: the reader's settings for this site. */
export interface PageTable {
  acronymStrictness: Settings['acronymStrictness'];
  /** The "not this organisation" entries that apply to this site. */
  suppressed: Settings['suppressed'];
}

/**
 * From a content script to the background: the mentions in these parts of the page's text
 * blocks. The pages carry no matcher and no dataset; the background matches and drops the text.
 */
export interface MatchRequest {
  type: typeof MATCH;
  parts: MatchPart[];
  /** Organisations the page has already named unambiguously (evidence for the others). */
  confirmedIds: string[];
  /** The page speaks of clusters (its cluster vocabulary so far). */
  aboutClusters?: boolean;
  table: PageTable;
}
export interface MatchResponse {
  matches: PartMatch[];
  /** Per organisation matched: what the page shows and counts without asking again. */
  organisations: Record<string, { name: string; category: MarkCategory }>;
  /** Cluster vocabulary in the parts' text, for the page to gather. */
  clusterTerms?: string[];
  fingerprint: string;
  /** Time the background spent matching. */
  ms: number;
}

export const LOAD_CARD = 'cluster-lens:load-card';

/**
 * From a content script to the background: put the card's code into my frame (it is injected
 * into the content script's own isolated world, so no page can load or probe it by URL).
 */
export interface LoadCardRequest {
  type: typeof LOAD_CARD;
}
export interface LoadCardResponse {
  loaded: boolean;
}

export const LOAD_LENS = 'cluster-lens:load-lens';

/**
 * From a frame's bootstrap (the content script every frame loads) to the background: put the
 * scanner, marker and hover card into my frame. Sent only where the quick check found a name,
 * an open shadow root needs reading, the page is too large to read at once, a change named
 * someone, or (the top frame) a frame asks it to show a card; injected into the content
 * script's own isolated world, like the card's code.
 */
export interface LoadLensRequest {
  type: typeof LOAD_LENS;
}
export interface LoadLensResponse {
  loaded: boolean;
}

export const LOAD_BOOT = 'cluster-lens:load-boot';

/**
 * From a frame below the top one (entrypoints/frame-probe.ts, all a frame loads at first) to
 * the background: put the bootstrap (entrypoints/content, declared for the top frame only)
 * into my frame, which is now large enough to show text and shows some.
 */
export interface LoadBootRequest {
  type: typeof LOAD_BOOT;
}
export interface LoadBootResponse {
  loaded: boolean;
}

export const SUPPRESS = 'cluster-lens:suppress';

/**
 * From a content script to the background: the reader said this alias on this site is "not
 * this organisation". The background keeps the settings; pages only read them.
 */
export interface SuppressRequest {
  type: typeof SUPPRESS;
  entry: Settings['suppressed'][number];
}
/**
 * Saved, or why not: the site already has its share of entries (see utils/suppressions.ts),
 * the settings item would go over the storage.sync quota, or the browser refused the write.
 */
export type SuppressResult =
  | { saved: true }
  | { saved: false; reason: 'site-limit'; limit: number }
  | { saved: false; reason: 'quota' | 'browser' };
export type SuppressResponse = SuppressResult;

export const MARK_STYLES = 'cluster-lens:mark-styles';

/**
 * From a content script to the background: put the marks' `::highlight()` rules for these
 * styles into my frame, as the extension's own CSS, and take out those for `previous` (the
 * styles my frame has now, if any). The page cannot see or remove extension CSS, as it could an
 * adopted style sheet. `styles` null: only take the old rules out.
 */
export interface MarkStylesRequest {
  type: typeof MARK_STYLES;
  styles: MarkStyles | null;
  previous: MarkStyles | null;
}
export interface MarkStylesResponse {
  /** False when the browser would not put CSS into the frame (the sender then adopts a sheet). */
  injected: boolean;
}

export const CYCLE = 'cluster-lens:cycle';

/**
 * From the background (a keyboard command) to a tab's top frame: open the card of the next or
 * previous mention on the page.
 */
export interface CycleRequest {
  type: typeof CYCLE;
  direction: 1 | -1;
}

export const FRAME_CARD = 'cluster-lens:frame-card';

/** A rectangle in a viewport, in CSS pixels. */
export interface ViewportRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What the top frame needs to show a frame's card: the mention, and its site's choice. */
export interface FrameCardMention {
  id: string;
  name: string;
  /** The mention's text as the frame's page wrote it. */
  matched: string;
  alias: string;
  /** The frame's site, for "Not this organisation"; null where there is none. */
  site: string | null;
  /** Why the frame's scan counted the mention (an Evidence kind), for the card to say. */
  evidence?: Evidence | null;
  /** The mention's line box in the frame's viewport. */
  rect: ViewportRect;
  /** The frame's index in the top's `window.frames`, if the top is its parent; else null. */
  frameIndex: number | null;
}

/**
 * A frame's card, shown by the top frame so it is usable whatever the frame's size. From a
 * frame's content script to the background, which adds the frame's id and forwards it to the
 * tab's top frame: `open` a card by the mention; the mention `moved` (the frame scrolled); the
 * pointer `left` the mention or is back on it (`entered`); `close` it (Esc in the frame, the
 * mention gone). The top places it by finding the frame's element (runtime.getFrameId).
 */
export interface FrameCardRequest {
  type: typeof FRAME_CARD;
  action: 'open' | 'moved' | 'left' | 'entered' | 'close';
  mention?: FrameCardMention;
  rect?: ViewportRect;
  /** Added by the background: which frame asks. */
  frameId?: number;
}
export interface FrameCardResponse {
  /** The top frame shows (or still shows) this frame's card. */
  shown: boolean;
}

export type Request =
  | FrameCardRequest
  | PingRequest
  | DetectionsRequest
  | FrameReport
  | OtherFramesRequest
  | ScanStatsRequest
  | RevealRequest
  | RecordRequest
  | QuickCheckRequest
  | MatchRequest
  | LoadCardRequest
  | LoadLensRequest
  | LoadBootRequest
  | SuppressRequest
  | MarkStylesRequest
  | CycleRequest;

/**
 * Limits on what one message may carry. Pages send at most a batch of about 64 KB of text at a
 * time (a page of usual size: its whole rendered text, split by the sender above this limit);
 * anything larger or malformed comes from no content script of ours and is dropped unanswered.
 */
export const MESSAGE_LIMITS = {
  textChars: 4_000_000,
  parts: 1024,
  segments: 200_000,
  ids: 10_000,
  detections: 5_000,
  texts: 100,
  idChars: 200,
} as const;

type Check = (message: Record<string, unknown>) => boolean;

const isString = (v: unknown, max: number = MESSAGE_LIMITS.textChars): v is string =>
  typeof v === 'string' && v.length <= max;
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const listOf = (v: unknown, max: number, item: (x: unknown) => boolean): boolean =>
  Array.isArray(v) && v.length <= max && v.every(item);
const isId = (v: unknown) => isString(v, MESSAGE_LIMITS.idChars);

function isDetection(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  return (
    isId(d.id) &&
    isString(d.name, 1000) &&
    isCount(d.count) &&
    listOf(d.texts, MESSAGE_LIMITS.texts, (t) => isString(t, 1000))
  );
}

function isMatchPart(v: unknown, budget: { chars: number; segments: number }): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  if (!Array.isArray(p.segments) || !isCount(p.from) || !isCount(p.until)) return false;
  budget.segments -= p.segments.length;
  if (budget.segments < 0) return false;
  for (const s of p.segments) {
    if (typeof s !== 'string') return false;
    budget.chars -= s.length;
  }
  return budget.chars >= 0;
}

function isSuppressedEntry(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return isString(e.site, 300) && isString(e.alias, 1000) && isId(e.id);
}

function isPageTable(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const t = v as Record<string, unknown>;
  return (
    ['strict', 'balanced', 'off'].includes(t.acronymStrictness as string) &&
    listOf(t.suppressed, MESSAGE_LIMITS.ids, isSuppressedEntry)
  );
}

function isViewportRect(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return [r.left, r.top, r.right, r.bottom].every((n) => Number.isFinite(n));
}

function isFrameCardMention(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Record<string, unknown>;
  return (
    isId(m.id) &&
    isString(m.name, 1000) &&
    isString(m.matched, 1000) &&
    isString(m.alias, 1000) &&
    (m.site === null || isString(m.site, 300)) &&
    // Any short word: the card words the kinds it knows and falls back for the others.
    (m.evidence === undefined || m.evidence === null || isString(m.evidence, 40)) &&
    isViewportRect(m.rect) &&
    (m.frameIndex === null || isCount(m.frameIndex))
  );
}

/** What each request must carry besides its type: every payload is checked here, once. */
const PAYLOAD: Record<Request['type'], Check> = {
  [PING]: () => true,
  [DETECTIONS]: () => true,
  [OTHER_FRAMES]: () => true,
  [SCAN_STATS]: () => true,
  [LOAD_CARD]: () => true,
  [LOAD_LENS]: () => true,
  [LOAD_BOOT]: () => true,
  [FRAME_REPORT]: (m) => listOf(m.detections, MESSAGE_LIMITS.detections, isDetection),
  [REVEAL]: (m) => isId(m.id),
  [RECORD]: (m) => isId(m.id),
  [SUPPRESS]: (m) => isSuppressedEntry(m.entry),
  [MARK_STYLES]: (m) =>
    (m.styles === null || SETTINGS_FIELDS.styles(m.styles)) &&
    (m.previous === null || SETTINGS_FIELDS.styles(m.previous)),
  [CYCLE]: (m) => m.direction === 1 || m.direction === -1,
  [FRAME_CARD]: (m) =>
    ['open', 'moved', 'left', 'entered', 'close'].includes(m.action as string) &&
    (m.frameId === undefined || isCount(m.frameId)) &&
    (m.action !== 'open' || isFrameCardMention(m.mention)) &&
    (m.action !== 'moved' || isViewportRect(m.rect)),
  [QUICK_CHECK]: (m) => isString(m.text),
  [MATCH]: (m) => {
    const budget = { chars: MESSAGE_LIMITS.textChars, segments: MESSAGE_LIMITS.segments };
    return (
      listOf(m.parts, MESSAGE_LIMITS.parts, (p) => isMatchPart(p, budget)) &&
      listOf(m.confirmedIds, MESSAGE_LIMITS.ids, isId) &&
      (m.aboutClusters === undefined || typeof m.aboutClusters === 'boolean') &&
      isPageTable(m.table)
    );
  },
};

/** Whether a message is a well-formed request of this type (see PAYLOAD). */
export function isRequest<T extends Request['type']>(
  message: unknown,
  type: T,
): message is Extract<Request, { type: T }> {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.type === type && PAYLOAD[type](m);
}
