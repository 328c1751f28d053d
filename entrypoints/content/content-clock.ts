/**
 * The main-thread time the content script can time itself: from the first line of its code
 * (this module is evaluated first) through its start, every scan slice and every callback
 * wrapped in `timed`. What it cannot see is the browser's own work before that first line:
 * fetching and compiling the script; the page-cost bench reads that from Chromium's tracing.
 *
 * The bootstrap every frame loads and the page lens injected later (entrypoints/page-lens) are
 * two bundles in the same isolated world, each with its own copy of this module: their totals
 * are kept in one object on that world's global, so the frame's figure counts both.
 */
const firstLine = performance.now();

const CLOCK_GLOBAL = '__clusterLensClock';

interface ClockState {
  totalMs: number;
  longestMs: number;
}

const state: ClockState = ((globalThis as unknown as Record<string, ClockState | undefined>)[
  CLOCK_GLOBAL
] ??= { totalMs: 0, longestMs: 0 });

let started = false;

export const contentClock = {
  /** This bundle's start is over: the time since its first line counts as one task. */
  started() {
    if (started) return;
    started = true;
    contentClock.add(performance.now() - firstLine);
  },
  add(ms: number) {
    state.totalMs += ms;
    if (ms > state.longestMs) state.longestMs = ms;
  },
  totalMs: () => state.totalMs,
  longestMs: () => state.longestMs,
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
