/**
 * Long work written as a generator that yields between small steps (a row, a record), so one
 * caller can run it to the end at once (the data build, tests) and another in slices that leave
 * the page's main thread free between them (an import of thousands of rows in the options page).
 */
export type Steps<T> = Generator<void, T, void>;

export function runToEnd<T>(steps: Steps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

export interface SliceOptions {
  /** Longest run of steps between two pauses, in ms. */
  budgetMs?: number;
  /** Gives the event loop a turn (a message to itself by default). */
  pause?: () => Promise<void>;
}

/**
 * A turn of the event loop by a message rather than a timer: browsers stretch the timers of a
 * page in a background tab to a second or more, which would stretch the work as much.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resume) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resume();
    };
    channel.port2.postMessage(null);
  });
}

export async function runInSlices<T>(steps: Steps<T>, options: SliceOptions = {}): Promise<T> {
  const budget = options.budgetMs ?? 8;
  const pause = options.pause ?? nextTurn;
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= budget) {
      await pause();
      sliceStart = performance.now();
    }
  }
}
