// Async jobs one at a time, in the order they were queued. A failed job rejects its own caller
// and does not block the next. Used wherever a resource (an inference session) must not run two
// jobs at once.

export interface SerialQueue {
  /** Runs `job` once every job queued before it has settled. */
  run<T>(job: () => T | Promise<T>): Promise<T>;
  /** Settles once every job queued so far has settled. */
  idle(): Promise<void>;
}

export function serialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(job: () => T | Promise<T>): Promise<T> {
      const next = tail.then(job, job);
      tail = next.catch(() => undefined);
      return next;
    },
    idle: () => tail.then(() => undefined),
  };
}
