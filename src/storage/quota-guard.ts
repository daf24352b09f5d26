// Storage full (QuotaExceededError on an IndexedDB write) turns caching off instead of failing
// the run. No runtime imports: unit-testable in Node.
import type { VectorCache } from './vector-cache.ts';

export const STORAGE_FULL_WARNING =
  'Browser storage is full: this run went on without caching its vectors, so a re-run will embed them again. ' +
  'Free space with "Clear cache" or in the browser settings.';

export function isQuotaError(e: unknown): boolean {
  const err = e as { name?: string; message?: string; inner?: { name?: string } } | null;
  return err?.name === 'QuotaExceededError' || err?.inner?.name === 'QuotaExceededError' || /quota/i.test(err?.message ?? '');
}

/** Wraps a cache so a full disk stops caching (once, with a call to onFull) instead of failing. */
export function quotaGuard<C extends VectorCache>(cache: C, onFull: () => void): C {
  let full = false;
  return Object.assign(Object.create(cache) as C, {
    async putMany(entries: Parameters<VectorCache['putMany']>[0]) {
      if (full) return;
      try {
        await cache.putMany(entries);
      } catch (e) {
        if (!isQuotaError(e)) throw e;
        full = true;
        onFull();
      }
    },
  });
}

