// A keyed async cache whose failures are not cached: one load per key while it is pending or
// fulfilled; a load that rejects is dropped, so the next call for that key tries again (a model
// fetch that failed on a flaky network, a file that was missing and is there now). And a store of
// the few entries used last, for what a worker keeps between runs (pipeline/*-memo.ts).

export interface MemoisedAsync<A, V> {
  (args: A): Promise<V>;
  /** Drops the entry for `args`' key: the next call loads afresh. */
  forget(args: A): void;
}

/** One value: loaded at the first call, again after a failure or forget(). */
export function memoiseAsync<V>(load: () => Promise<V>): MemoisedAsync<void, V>;
/** `keyOf` names the entry for `args` (default: String(args)); arguments with the same key share one load. */
export function memoiseAsync<A, V>(load: (args: A) => Promise<V>, keyOf?: (args: A) => string): MemoisedAsync<A, V>;
export function memoiseAsync<A, V>(load: (args: A) => Promise<V>, keyOf: (args: A) => string = String): MemoisedAsync<A, V> {
  const entries = new Map<string, Promise<V>>();
  const get = (args: A): Promise<V> => {
    const key = keyOf(args);
    const hit = entries.get(key);
    if (hit) return hit;
    const loading = (async () => load(args))(); // a synchronous throw becomes a rejection too
    entries.set(key, loading);
    // Only this load's own entry: forget() may have replaced it with a newer one meanwhile.
    loading.catch(() => { if (entries.get(key) === loading) entries.delete(key); });
    return loading;
  };
  return Object.assign(get, { forget: (args: A) => void entries.delete(keyOf(args)) });
}

/** A keyed store of the `size` entries used most recently: what a worker keeps between runs. */
export interface RecentlyUsed<V> {
  has(key: string): boolean;
  /** The entry, now the most recently used; undefined when absent. */
  get(key: string): V | undefined;
  set(key: string, value: V): void;
}

export function recentlyUsed<V>(size: number): RecentlyUsed<V> {
  const entries = new Map<string, V>(); // least recently used first
  return {
    has: (key) => entries.has(key),
    get(key) {
      if (!entries.has(key)) return undefined;
      const value = entries.get(key)!;
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      while (entries.size > size) entries.delete(entries.keys().next().value!);
    },
  };
}
