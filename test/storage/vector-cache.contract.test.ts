// One suite, run against each VectorCache (duckdb-wasm style): the CLI's file on disk and the
// browser's IndexedDB (fake-indexeddb here; the real one in e2e). Text and image keys alike.
import 'fake-indexeddb/auto';
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDiskCache } from '../../src/storage/disk-cache.ts';
import { countVectors, openIdbCache } from '../../src/storage/idb-cache.ts';
import type { VectorCache } from '../../src/storage/vector-cache.ts';
import { textHash } from '../../src/pipeline/content-hash.ts';

const DIM = 8;
const vec = (seed: number) => Float32Array.from({ length: DIM }, (_, i) => Math.sin(seed + i));
const fileHash = (s: string) => createHash('sha256').update(s).digest('hex');

/** A factory opens the same store again on every call, as a second run does. */
type Factory = () => Promise<VectorCache>;

function vectorCacheContract(name: string, makeFactory: () => Promise<Factory>) {
  describe(`${name} vector cache`, () => {
    it('gives back on a second run what the first stored: text keys and image keys', async () => {
      const open = await makeFactory();
      const texts = ['A joke about cats.', 'A joke about dogs.', 'Ünïcödé and emoji 🐈'];
      const textKeys = await Promise.all(texts.map(textHash));
      const imageKey = fileHash('png bytes');
      const first = await open();
      await first.putMany([...textKeys, imageKey].map((k, i) => ({ fileHash: k, value: { vector: vec(i), pixelHash: k } })));
      await first.close();

      const second = await open();
      expect(second.size).toBe(4);
      for (const [i, k] of [...textKeys, imageKey].entries()) {
        const hit = await second.get(k);
        expect(hit?.vector).toEqual(vec(i));
        expect(hit?.pixelHash).toBe(k);
      }
      expect(await second.get(await textHash('A joke about birds.'))).toBeUndefined();
      await second.close();
    });

    it('looks up many keys in one call: each record in the order asked, a miss as undefined', async () => {
      const open = await makeFactory();
      const keys = Array.from({ length: 300 }, (_, i) => fileHash(`image ${i}`));
      const first = await open();
      await first.putMany(keys.map((k, i) => ({ fileHash: k, value: { vector: vec(i), pixelHash: k } })).filter((_, i) => i % 3 !== 1));
      await first.close();

      const second = await open();
      const asked = [...keys].reverse();
      const got = await second.getMany(asked);
      expect(got).toHaveLength(asked.length);
      asked.forEach((k, j) => {
        const i = keys.indexOf(k);
        expect(got[j]).toEqual(i % 3 === 1 ? undefined : { vector: vec(i), pixelHash: k });
      });
      // The same answers as one get per key; an empty batch is no error.
      for (const j of [0, 1, 2, 150, 299]) expect(got[j]).toEqual(await second.get(asked[j]));
      expect(await second.getMany([])).toEqual([]);
      await expect(second.getMany([keys[0], 'not-a-hash'])).rejects.toThrow(/SHA-256/);
      await second.close();
    });

    it('refuses a key that is not a content hash instead of storing it under a wrong key', async () => {
      const cache = await (await makeFactory())();
      await expect(cache.putMany([{ fileHash: 'text:use-lite-512:abc', value: { vector: vec(0), pixelHash: fileHash('x') } }])).rejects.toThrow(/SHA-256/);
      await expect(cache.get('text:use-lite-512:abc')).rejects.toThrow(/SHA-256/);
      await cache.close();
    });
  });
}

vectorCacheContract('disk', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'synthscore-cache-'));
  return () => openDiskCache(dir, 'text-use-lite-512@1', DIM);
});

let dbs = 0;
vectorCacheContract('IndexedDB', async () => {
  const dbName = `synthscore-contract-${++dbs}`;
  return () => openIdbCache('use-lite-512@1', { dbName });
});

// Regression: text keys were strings ('text:<model>:<fnv>') written as 32 hex bytes, so every
// text went under one all-zero key, never hit, and the file grew on every run.
it('the disk cache does not grow when the same texts are stored again', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'synthscore-cache-grow-'));
  const keys = await Promise.all(['one', 'two', 'three'].map(textHash));
  for (let run = 0; run < 2; run++) {
    const cache = await openDiskCache(dir, 'text-m@1', DIM);
    await cache.putMany(keys.map((k, i) => ({ fileHash: k, value: { vector: vec(i), pixelHash: k } })));
    await cache.close();
  }
  const { size } = await stat(join(dir, 'text-m_1.d8.vectors'));
  expect(size).toBe(3 * (64 + DIM * 4));
});

// Regression: the app's "Cache: N vectors" counted the image model's vectors only.
it('the cache size the app shows counts the vectors of every model, text and image', async () => {
  const dbName = 'synthscore-count';
  const text = await openIdbCache('use-lite-512@1', { dbName });
  const image = await openIdbCache('mobilenet-v2-1.4-nsfwjs@1', { dbName });
  await text.putMany([{ fileHash: await textHash('a text'), value: { vector: vec(0), pixelHash: await textHash('a text') } }]);
  await image.putMany([fileHash('a'), fileHash('b')].map((k) => ({ fileHash: k, value: { vector: vec(1), pixelHash: k } })));
  await Promise.all([text.close(), image.close()]);
  expect(await countVectors(dbName)).toBe(3);
});
