import type { ContentScriptContext } from '#imports';
import type {
  CardOpenedResponse,
  DetectionsResponse,
  FrameCardRequest,
  FrameCardResponse,
  QuickCheckResponse,
  ScanStatsResponse,
} from '~/lib/messages';
import type { Settings } from '~/lib/settings';

/**
 * Between a frame's bootstrap (entrypoints/content, declared for every frame) and the page lens
 * the background injects into that frame when it is needed (entrypoints/page-lens). Both run in
 * the extension's isolated world of the frame, which no page script can see, so the bootstrap
 * leaves this object on that world's global before asking for the lens, and the lens, once
 * evaluated, puts itself in it. The bootstrap keeps the messages and the storage watcher, and
 * hands them to the lens from then on.
 */
export const LENS_GLOBAL = '__clusterLensHandoff';

export interface LensHandoff {
  /** The bootstrap's context: the lens stops with it (extension reloaded or updated). */
  ctx: ContentScriptContext;
  /** The settings in force when the lens was asked for. */
  settings: Settings;
  /**
   * The bootstrap's quick check of the frame's text, if it made one: the lens's own first read
   * of the same text takes this answer instead of sending the text again (once).
   */
  firstCheck: { text: string; reply: QuickCheckResponse } | null;
  /**
   * The frame as the bootstrap cleared it, when it did: the lens takes over that state instead
   * of reading the frame again (see PageScanner.resume).
   */
  cleared: ClearedFrame | null;
  /** Set by the lens as it starts. */
  lens: PageLensApi | null;
}

/**
 * A frame the quick check cleared: its whole text as read, the answer (null: a text without a
 * letter or digit, not asked), and the nodes changed since, which the bootstrap keeps adding to
 * until the lens starts.
 */
export interface ClearedFrame {
  text: string;
  reply: QuickCheckResponse | null;
  changed: ReadonlySet<Node>;
}

/** What the bootstrap asks of the lens. */
export interface PageLensApi {
  /** The tab's detections (top frame only). */
  tabDetections(): Promise<DetectionsResponse>;
  scanStats(): ScanStatsResponse;
  cycle(direction: 1 | -1): Promise<CardOpenedResponse>;
  reveal(id: string): Promise<CardOpenedResponse>;
  /** A frame's card, shown by this (the top) frame. */
  frameCard(request: FrameCardRequest): Promise<FrameCardResponse>;
  settingsChanged(settings: Settings): void;
  datasetChanged(): void;
}

export function lensHandoff(): LensHandoff | undefined {
  return (globalThis as unknown as Record<string, LensHandoff | undefined>)[LENS_GLOBAL];
}

export function setLensHandoff(handoff: LensHandoff) {
  (globalThis as unknown as Record<string, LensHandoff | undefined>)[LENS_GLOBAL] = handoff;
}

/** The bootstrap's answer for exactly this text, if it has one (handed over once). */
export function takeFirstCheck(text: string): QuickCheckResponse | null {
  const handoff = lensHandoff();
  const first = handoff?.firstCheck;
  if (!handoff || !first) return null;
  handoff.firstCheck = null;
  return first.text === text ? first.reply : null;
}
