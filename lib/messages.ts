/**
 * Messages between the extension's runtimes, typed in one place. The detections message is a
 * contract other tools rely on (DESIGN.md ⚑2): change it only with them.
 */

import type { ClusterRecord } from './dataset/model';

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
  scanMs: number;
  longestTaskMs: number;
  collectMs: number;
  matchMs: number;
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
 * `clear`: the quick check found no alias, nothing more to do. `mentions`: it found some, so the
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
  /** The page's alias table (PageData.fingerprint): the check must use the same one. */
  fingerprint: string;
}
export interface QuickCheckResponse {
  /** null when the background's active dataset is not the page's: check the page fully. */
  mayMention: boolean | null;
  /**
   * When it may: the words of what was found (see candidateWords), so the full scan can skip
   * blocks that hold none of them; null to match every block.
   */
  words?: string[] | null;
  /** Time the background spent matching, for the benchmark. */
  ms: number;
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

export type Request =
  | PingRequest
  | DetectionsRequest
  | FrameReport
  | OtherFramesRequest
  | ScanStatsRequest
  | RevealRequest
  | RecordRequest
  | QuickCheckRequest
  | CycleRequest;

export function isRequest<T extends Request['type']>(
  message: unknown,
  type: T,
): message is Extract<Request, { type: T }> {
  return (
    typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type
  );
}
