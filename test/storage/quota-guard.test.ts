// Storage full: a QuotaExceededError on a cache write turns caching off for the rest of the run.
import { expect, it } from 'vitest';
import { isQuotaError, quotaGuard } from '../../src/storage/quota-guard.ts';
import type { VectorCache } from '../../src/storage/vector-cache.ts';

it('swallows QuotaExceededError once, calls onFull, and writes nothing after', async () => {
  let writes = 0;
  const cache: VectorCache = {
    get: async () => undefined,
    getMany: async (keys) => keys.map(() => undefined),
    async putMany() {
      writes++;
      const e = new Error('The quota has been exceeded.');
      e.name = 'QuotaExceededError';
      throw e;
    },
    size: 3,
    close: async () => {},
  };
  let full = 0;
  const guarded = quotaGuard(cache, () => full++);
  await guarded.putMany([]);
  await guarded.putMany([]);
  expect(full).toBe(1);
  expect(writes).toBe(1);
  expect(guarded.size).toBe(3);
});

it('lets other write errors through', async () => {
  const cache: VectorCache = { get: async () => undefined, getMany: async (keys) => keys.map(() => undefined), putMany: async () => { throw new TypeError('boom'); }, size: 0, close: async () => {} };
  await expect(quotaGuard(cache, () => {}).putMany([])).rejects.toThrow('boom');
  expect(isQuotaError(new TypeError('boom'))).toBe(false);
});

it('passes batched lookups through to the cache it guards', async () => {
  const stored = { vector: Float32Array.of(1, 0), pixelHash: 'p' };
  const cache: VectorCache = {
    get: async () => undefined,
    getMany: async (keys) => keys.map((k) => (k === 'a' ? stored : undefined)),
    putMany: async () => {},
    size: 1,
    close: async () => {},
  };
  expect(await quotaGuard(cache, () => {}).getMany(['b', 'a'])).toEqual([undefined, stored]);
});
