/**
 * The main-thread time the content script can time itself: from the first line of its code
 * (this module is evaluated first) through its start, every scan slice and every callback
 * wrapped in `timed`. What it cannot see is the browser's own work before that first line:
 * fetching and compiling the script; the page-cost bench reads that from Chromium's tracing.
 */
const firstLine = performance.now();

let totalMs = 0;
let longestMs = 0;
let started = false;

export const contentClock = {
  /** The script's start is over: the time since its first line counts as one task. */
  started() {
    if (started) return;
    started = true;
    contentClock.add(performance.now() - firstLine);
  },
  add(ms: number) {
    totalMs += ms;
    if (ms > longestMs) longestMs = ms;
  },
  totalMs: () => totalMs,
  longestMs: () => longestMs,
};

/** `fn`, with its time counted in the content script's own figure (stats.scanMs). */
export function timed<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    const start = performance.now();
    try {
      return fn(...args);
    } finally {
      contentClock.add(performance.now() - start);
    }
  };
}
