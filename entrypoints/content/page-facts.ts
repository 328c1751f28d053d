/**
 * What the bootstrap (page-boot.ts) and the page lens (page-lens.ts, page-scanner.ts) both
 * decide about a frame and its text, in one small module: the bootstrap imports it without
 * loading the lens, and the two stages cannot drift apart.
 */

/** A text without a letter or digit names no organisation. */
export const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * Above this many elements the quick check reads the page in pieces over several slices (see
 * PieceReader), which the lens does: `innerText` of the whole body of 100,000 elements took
 * 26–31 ms in one call.
 */
export const QUICK_CHECK_MAX_ELEMENTS = 20_000;

/**
 * A page that hides its body while its scripts load ("anti-flicker" snippets: `body {
 * visibility: hidden }` until an A/B-testing or analytics script runs) is looked at again this
 * often, for at most this long, before it is scanned: its text only counts once shown.
 */
export const HIDDEN_BODY_RETRY_MS = 250;
export const HIDDEN_BODY_WAIT_MS = 5000;

/** Whether the document's body is there but not shown (display or visibility). */
export function isHiddenBody(doc: Document): boolean {
  const body = doc.body;
  return (
    body !== null &&
    typeof body.checkVisibility === 'function' &&
    !body.checkVisibility({ visibilityProperty: true })
  );
}

/** Smaller than a short word in small print, in either direction. */
const MIN_FRAME_WIDTH = 16;
const MIN_FRAME_HEIGHT = 8;

/** Whether this frame is too small to show a line of text (a hidden or 1×1 ad frame). */
export function isTooSmall(): boolean {
  return window.innerWidth < MIN_FRAME_WIDTH || window.innerHeight < MIN_FRAME_HEIGHT;
}

/** Runs `fn` just after the page's next frame (its layout then up to date), or soon if hidden. */
export function afterFrame(fn: () => void) {
  if (document.visibilityState !== 'visible') {
    setTimeout(fn, 0);
    return;
  }
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    fn();
  };
  // A frame that never comes (a page that stopped rendering) does not hold the check.
  const fallback = setTimeout(run, 100);
  requestAnimationFrame(() => setTimeout(run, 0));
}

/**
 * Runs `fn` once this frame has been laid out: in its root element's first resize observation,
 * which the browser delivers in its rendering step just after layout, so that the frame's size
 * (innerWidth) is then read without making it lay out the page that holds the frame there and
 * then (a frame's innerWidth does that: 12 ms of CPU, 44 ms of one task, in a frame of
 * breitbart.html while the page was loading). A frame the browser does not render (hidden,
 * or throttled off screen) gets no observation: `fn` then runs after `fallbackMs`.
 */
export function whenLaidOut(fn: () => void, fallbackMs = 250) {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    clearTimeout(fallback);
    fn();
  };
  const root = document.documentElement;
  const observer = typeof ResizeObserver === 'function' && root ? new ResizeObserver(run) : null;
  if (observer && root) observer.observe(root);
  const fallback = setTimeout(run, fallbackMs);
}
