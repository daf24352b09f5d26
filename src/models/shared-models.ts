// Loaded models shared by every caller on one platform: a model is loaded once per key (a failed
// load is forgotten, so a retry loads again); runs on one model go one at a time, so concurrent
// callers do not oversubscribe the cores or the GPU; the last release closes it.
import { memoiseAsync } from '../core/memoise.ts';
import { serialQueue, type SerialQueue } from '../core/serial-queue.ts';

export interface SharedModel<T> {
  value: T;
  /** Runs `job` after every job queued before it on this model has settled. */
  run<R>(job: () => Promise<R>): Promise<R>;
  /** Idempotent; the model is closed once its last user has released it. */
  release(): Promise<void>;
}

interface Entry<T> { value: T; users: number; queue: SerialQueue; closing: boolean }

export function sharedModels<A, T>(load: (args: A) => Promise<T>, keyOf: (args: A) => string, close: (value: T) => Promise<void>) {
  const entries = memoiseAsync(
    async (args: A): Promise<Entry<T>> => ({ value: await load(args), users: 0, queue: serialQueue(), closing: false }),
    keyOf,
  );
  return async function acquire(args: A): Promise<SharedModel<T>> {
    const entry = await entries(args);
    // Its last user released it while this caller waited for the load: load it afresh.
    if (entry.closing) return acquire(args);
    entry.users++;
    let released = false;
    return {
      value: entry.value,
      run: (job) => (released ? Promise.reject(new Error('model released')) : entry.queue.run(job)),
      async release() {
        if (released) return;
        released = true;
        if (--entry.users > 0) return;
        entry.closing = true;
        entries.forget(args);
        await entry.queue.idle();
        await close(entry.value);
      },
    };
  };
}
