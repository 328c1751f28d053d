/**
 * Messages between the extension's runtimes, typed in one place. The detections message is a
 * contract other tools rely on (DESIGN.md ⚑2): change it only with them.
 */

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

export const FOUND_COUNT = 'cluster-lens:found-count';

/** From a tab's top frame to the background: how many organisations the page mentions. */
export interface FoundCountMessage {
  type: typeof FOUND_COUNT;
  count: number;
}

export type Request = PingRequest | DetectionsRequest | FoundCountMessage;

export function isRequest<T extends Request['type']>(
  message: unknown,
  type: T,
): message is Extract<Request, { type: T }> {
  return (
    typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type
  );
}
