// One memoised loader for the Node ONNX adapters (image and text): a model is loaded once per key
// and shared; a failed load is forgotten so a retry loads again; runs on one model are queued (one
// at a time, so concurrent callers do not oversubscribe the cores); the last release closes it.

export interface SharedModel<T> {
  value: T;
  /** Runs `job` after every job queued before it on this model has settled. */
  run<R>(job: () => Promise<R>): Promise<R>;
  /** Idempotent; the model is closed once its last user has released it. */
  release(): Promise<void>;
}

interface Entry<T> { value: T; users: number; queue: Promise<unknown> }

export function sharedModels<T>(close: (value: T) => Promise<void>) {
  const loading = new Map<string, Promise<Entry<T>>>();
  return async function acquire(key: string, load: () => Promise<T>): Promise<SharedModel<T>> {
    let p = loading.get(key);
    if (!p) {
      const started = load().then((value): Entry<T> => ({ value, users: 0, queue: Promise.resolve() }));
      p = started;
      loading.set(key, started);
      started.catch(() => { if (loading.get(key) === started) loading.delete(key); });
    }
    const mine = p;
    const entry = await mine;
    entry.users++;
    let released = false;
    return {
      value: entry.value,
      run(job) {
        const next = entry.queue.then(job, job);
        entry.queue = next.catch(() => undefined);
        return next;
      },
      async release() {
        if (released) return;
        released = true;
        if (--entry.users > 0) return;
        if (loading.get(key) === mine) loading.delete(key);
        await entry.queue;
        await close(entry.value);
      },
    };
  };
}
