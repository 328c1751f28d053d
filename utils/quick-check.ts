import { QUICK_CHECK, type QuickCheckRequest, type QuickCheckResponse } from '~/lib/messages';

/** How long a page waits for the background before it scans the full way itself. */
const QUICK_CHECK_TIMEOUT_MS = 3000;

/**
 * A page's side of the quick check (the background's is QuickChecker): ask, or null when no
 * answer comes, and the page is then scanned the full way.
 */
export async function askQuickCheck(
  text: string,
  fingerprint: string,
): Promise<QuickCheckResponse | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), QUICK_CHECK_TIMEOUT_MS);
  });
  const request: QuickCheckRequest = { type: QUICK_CHECK, text, fingerprint };
  try {
    const reply = browser.runtime
      .sendMessage<QuickCheckRequest, QuickCheckResponse | undefined>(request)
      .then((r) => (r && typeof r.mayMention !== 'undefined' ? r : null))
      .catch(() => null);
    return await Promise.race([reply, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
