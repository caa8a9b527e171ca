/**
 * Long computations written once, run two ways. A build that can take seconds (the quote clusters
 * of a 190k-paragraph base: 6.6 s) is written as a generator that `yield`s at points where it may
 * pause. `runToEnd` runs it straight through, for a caller that needs the result now; `runSliced`
 * runs it a slice of at most about `sliceMs` at a time, handing the event loop back between
 * slices, so a process that is answering interactions (Discord's 3-second window) keeps answering
 * while the build goes on in the background.
 */

/** A computation that may pause wherever it yields, and returns `T`. */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to its end without pausing. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Runs `steps` in slices of about `sliceMs` of CPU, yielding to the event loop between them (a
 * pause point reached after the slice is over ends it). Returns `undefined`, leaving the rest
 * undone, if `stop()` says so at the start of a slice — e.g. when the result is no longer wanted
 * or was built meanwhile another way.
 *
 * @example
 * const clusters = await runSliced(clusterSteps(kb), 15);
 */
export async function runSliced<T>(steps: Steps<T>, sliceMs: number, stop?: () => boolean): Promise<T | undefined> {
  for (;;) {
    if (stop?.()) {
      steps.return(undefined as T);
      return undefined;
    }
    const started = performance.now();
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
      if (performance.now() - started >= sliceMs) break;
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
