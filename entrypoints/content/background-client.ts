import {
  MATCH,
  MESSAGE_LIMITS,
  QUICK_CHECK,
  type MatchRequest,
  type MatchResponse,
  type PageTable,
  type QuickCheckRequest,
  type QuickCheckResponse,
} from '~/lib/messages';
import type { MatchPart } from '~/lib/page-matching';
import { takeFirstCheck } from './lens-handoff';
import { nativeBrowser } from '~/utils/native-browser';

/** How long a page waits for one answer of the background before asking again. */
const ANSWER_TIMEOUT_MS = 5000;
/**
 * Waits before each new try of a request that got no answer: the background may be starting
 * or restarting (Chromium stops an idle service worker; a message wakes it up again).
 */
const RETRY_DELAYS_MS = [100, 500, 2000];

/** What a page asks of the background's matcher (PageScanner's only way to match text). */
export interface PageMatching {
  /** Whether the text may name any organisation; null when no answer came. */
  quickCheck(text: string): Promise<QuickCheckResponse | null>;
  /** The mentions in these parts; null when no answer came after every try. */
  match(
    parts: MatchPart[],
    confirmedIds: string[],
    aboutClusters?: boolean,
  ): Promise<MatchResponse | null>;
}

/** The background's matcher, asked with the page's table (the reader's settings for this site). */
export function backgroundMatching(table: () => PageTable): PageMatching {
  return {
    quickCheck: (text) => quickCheck(text),
    match: (parts, confirmedIds, aboutClusters = false) =>
      ask<MatchRequest, MatchResponse>(
        // Sent only when set: most pages never find out they speak of clusters.
        {
          type: MATCH,
          parts,
          confirmedIds,
          ...(aboutClusters ? { aboutClusters } : {}),
          table: table(),
        },
        (r) => Array.isArray(r.matches) && typeof r.fingerprint === 'string',
      ),
  };
}

/**
 * A text longer than one message may carry is checked in overlapping chunks (by more than the
 * longest alias), their answers merged.
 */
async function quickCheck(text: string): Promise<QuickCheckResponse | null> {
  // The frame's bootstrap asked about this very text a moment ago (see lens-handoff.ts).
  const asked = takeFirstCheck(text);
  if (asked) return asked;
  const max = MESSAGE_LIMITS.textChars;
  const chunks: string[] = [];
  for (let at = 0; at === 0 || at < text.length; at += max - 1024) {
    chunks.push(text.slice(at, at + max));
  }
  const replies = await Promise.all(
    chunks.map((chunk) =>
      ask<QuickCheckRequest, QuickCheckResponse>(
        { type: QUICK_CHECK, text: chunk },
        (r) => typeof r.mayMention === 'boolean' && typeof r.fingerprint === 'string',
      ),
    ),
  );
  if (replies.some((r) => r === null)) return null;
  const all = replies as QuickCheckResponse[];
  if (all.length === 1) return all[0]!;
  const words = all.some((r) => r.words === null) ? null : all.flatMap((r) => r.words ?? []);
  const mayMention = all.some((r) => r.mayMention);
  const clusterTerms = [...new Set(all.flatMap((r) => r.clusterTerms ?? []))];
  return {
    mayMention,
    // A name in one chunk and its evidence in another: the chunks' answers cannot tell, so any
    // occurrence counts as evidenced.
    evidenced: mayMention,
    words,
    ...(clusterTerms.length > 0 ? { clusterTerms } : {}),
    ms: all.reduce((sum, r) => sum + r.ms, 0),
    fingerprint: all[0]!.fingerprint,
  };
}

/** Sends a request, trying again while no well-formed answer comes; null after the last try. */
async function ask<Req, Res extends object>(
  request: Req,
  isAnswer: (reply: Res) => boolean,
): Promise<Res | null> {
  for (let attempt = 0; ; attempt++) {
    const reply = await once<Req, Res>(request);
    if (reply && typeof reply === 'object' && isAnswer(reply)) return reply;
    const wait = RETRY_DELAYS_MS[attempt];
    if (wait === undefined) return null;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

async function once<Req, Res>(request: Req): Promise<Res | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ANSWER_TIMEOUT_MS);
  });
  try {
    const reply = nativeBrowser.runtime
      .sendMessage<Req, Res | undefined>(request)
      .then((r) => r ?? null)
      .catch(() => null);
    return await Promise.race([reply, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
