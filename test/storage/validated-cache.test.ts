// validatedCache is the one check of cached vectors on read, for the file cache and IndexedDB
// alike: a NaN, an all-zero or a wrong-sized vector is a miss (counted once per key), the
// re-embedded vector put back is what the rest of the run reads, and IndexedDB keeps it.
import 'fake-indexeddb/auto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDiskCache } from '../../src/storage/disk-cache.ts';
import { openIdbCache } from '../../src/storage/idb-cache.ts';
import { isUsableVector, validatedCache, type VectorCache } from '../../src/storage/vector-cache.ts';

const DIM = 4;
const key = (s: string) => createHash('sha256').update(s).digest('hex');
const entry = (k: string, vector: Float32Array) => ({ fileHash: k, value: { vector, pixelHash: k } });
const good = Float32Array.of(0.5, 0.5, 0.5, 0.5);
const fresh = Float32Array.of(1, 0, 0, 0);

describe('isUsableVector', () => {
  it('accepts a finite vector of the right size with a non-zero norm, and nothing else', () => {
    expect(isUsableVector(good, DIM)).toBe(true);
    expect(isUsableVector(Float32Array.of(0, 0, 0, 1e-20), DIM)).toBe(true);
    expect(isUsableVector(Float32Array.of(0.5, NaN, 0.5, 0.5), DIM)).toBe(false);
    expect(isUsableVector(Float32Array.of(0.5, Infinity, 0.5, 0.5), DIM)).toBe(false);
    expect(isUsableVector(new Float32Array(DIM), DIM)).toBe(false);
    expect(isUsableVector(Float32Array.of(1, 0, 0), DIM)).toBe(false);
  });
});

for (const [name, open] of [
  ['file', async () => { const dir = await mkdtemp(join(tmpdir(), 'synthscore-validated-')); return () => openDiskCache(dir, 'm', DIM); }],
  ['IndexedDB', async () => { const dbName = `validated-${Math.random()}`; return () => openIdbCache('m@1', { dbName }); }],
] as [string, () => Promise<() => Promise<VectorCache>>][]) {
  describe(`validatedCache over the ${name} cache`, () => {
    it('treats damaged vectors as misses, counts each key once, and serves the re-embedded one', async () => {
      const reopen = await open();
      const raw = await reopen();
      const [kNan, kZero, kShort, kGood] = ['nan', 'zero', 'short', 'good'].map(key);
      // The IndexedDB cache stores what it is given, so a short vector can be planted there too.
      await raw.putMany([entry(kNan, Float32Array.of(NaN, 0, 0, 0)), entry(kZero, new Float32Array(DIM)), entry(kGood, good)]);
      if (name === 'IndexedDB') await raw.putMany([entry(kShort, Float32Array.of(1, 0))]);
      const cache = validatedCache(raw, DIM);
      expect(await cache.get(kGood)).toEqual({ vector: good, pixelHash: kGood });
      for (const k of [kNan, kZero, kNan]) expect(await cache.get(k)).toBeUndefined();
      // A batched lookup judges each record the same way and counts a key already counted once.
      expect(await cache.getMany([kGood, kNan, kZero])).toEqual([{ vector: good, pixelHash: kGood }, undefined, undefined]);
      if (name === 'IndexedDB') expect(await cache.get(kShort)).toBeUndefined();
      const bad = name === 'IndexedDB' ? 3 : 2;
      expect(cache.damaged).toBe(bad);
      await cache.putMany([entry(kNan, fresh), entry(kZero, fresh)]);
      expect((await cache.get(kNan))?.vector).toEqual(fresh);
      expect((await cache.get(kZero))?.vector).toEqual(fresh);
      expect(cache.damaged).toBe(bad);
      await cache.close();
    });
  });
}

it('IndexedDB keeps the re-embedded vector: the next run finds nothing damaged', async () => {
  const dbName = `validated-heal-${Math.random()}`;
  const k = key('zero');
  const first = validatedCache(await openIdbCache('m@1', { dbName }), DIM);
  await first.putMany([entry(k, new Float32Array(DIM))]);
  expect(await first.get(k)).toBeUndefined();
  await first.putMany([entry(k, fresh)]);
  await first.close();
  const second = validatedCache(await openIdbCache('m@1', { dbName }), DIM);
  expect((await second.get(k))?.vector).toEqual(fresh);
  expect(second.damaged).toBe(0);
  await second.close();
});
