// embedSet preprocesses each cache miss straight into its slot of the chunk's model batch and
// closes the gaps left by cache hits and unreadable files: every row must still get its own vector.
// Cached rows are looked up in batches (one getMany per lookup chunk) and never decoded.
import { describe, expect, it } from 'vitest';
import type { IngestItem, ListedSet } from '../../src/ingest/types.ts';
import type { ModelManifest } from '../../src/models/manifest.ts';
import { decodeImageBytes } from '../../src/ingest/node-decode.ts';
import { BATCH, DECODE_BUDGET, LOOKUP_BYTES, LOOKUP_ITEMS, embedSet, lookupChunks } from '../../src/pipeline/image/embed-set.ts';
import type { PipelineEnv } from '../../src/pipeline/image/environment.ts';
import type { CachedVector } from '../../src/storage/vector-cache.ts';
import { BOMB_REASON, pngBomb } from '../../scripts/hostile/bombs.ts';
import { COPY_DESCRIPTOR } from '../../src/core/image/copy-descriptor.ts';
import { PIXEL_ISSUE_KINDS } from '../../src/core/image/image-issues.ts';
import { imageCacheKey, imageRecordDim, joinRecord, RECORD_ISSUES, splitRecord } from '../../src/pipeline/image/cache-record.ts';

const N = 2 * BATCH + 7;
const manifest = {
  id: 'fake', version: '1', modality: 'image', file: 'x.onnx', variants: [],
  input: { name: 'x', layout: 'NHWC', width: 3, height: 2, channels: 3, range: [0, 1], resize: 'antialiased-triangle', alphaBackground: 'white' },
  output: { name: 'y', dimension: 2 }, nearDuplicateThreshold: { value: 0.1, calibration: null }, licence: '', origin: '',
} as ModelManifest;

/** What the fake cache was asked: keys per getMany call, and single gets. */
interface Lookups { many: number[]; single: number }

/** Item i is a 4×4 image whose every pixel is grey level i; the fake model returns [grey, 1]. */
function env(cached: Map<string, CachedVector>, broken: Set<number>, batches: number[], lookups: Lookups = { many: [], single: 0 }, decoded: string[] = []): PipelineEnv {
  return {
    listSet: async () => { throw new Error('unused'); },
    readItem: async (_root, item) => Uint8Array.of(Number(item.path.slice(4))),
    hashBytes: (bytes) => `file${bytes[0]}`,
    decodeImage: async (bytes, path) => {
      decoded.push(path);
      if (broken.has(bytes[0])) throw new Error('truncated or corrupt PNG: test');
      return { data: new Uint8Array(4 * 4 * 4).map((_, k) => (k % 4 === 3 ? 255 : bytes[0])), width: 4, height: 4 };
    },
    hashPixels: (img) => `px${img.data[0]}`,
    embedder: {
      manifest,
      embed: async (batch, n) => {
        batches.push(n);
        expect(batch.length).toBe(n * 3 * 2 * 3);
        const y = new Float32Array(n * 2);
        for (let r = 0; r < n; r++) {
          const row = batch.subarray(r * 18, (r + 1) * 18);
          expect(row.every((v) => v === row[0])).toBe(true); // one image per row, not a mix
          y[r * 2] = Math.round(row[0] * 255);
          y[r * 2 + 1] = 1;
        }
        return y;
      },
    },
    cache: {
      get: async (h) => (lookups.single++, cached.get(h)),
      getMany: async (keys) => (lookups.many.push(keys.length), keys.map((h) => cached.get(h))),
      putMany: async (entries) => { for (const e of entries) cached.set(e.fileHash, e.value); },
      get size() { return cached.size; },
      close: async () => {},
    },
    gemm: (() => { throw new Error('unused'); }) as unknown as PipelineEnv['gemm'],
  };
}

describe('embedSet', () => {
  const items: IngestItem[] = Array.from({ length: N }, (_, i) => ({ path: `img-${i}`, className: null, size: 1, kind: 'image', format: 'png' }));
  const listed: ListedSet = { root: '/fake', items, skipped: [] } as unknown as ListedSet;

  it('gives every row its own vector when hits, misses and failures share a batch', async () => {
    // Cached: every third item (with a marker vector); unreadable: 1 and 20.
    const cached = new Map<string, CachedVector>();
    for (let i = 0; i < N; i += 3) cached.set(`file${i}`, { vector: Float32Array.of(i, 7), pixelHash: `px${i}` });
    const batches: number[] = [];
    const r = await embedSet(listed, 'real', env(cached, new Set([1, 20]), batches));

    expect(r.skipped.map((s) => s.path)).toEqual(['img-1', 'img-20']);
    expect(r.items.map((it) => it.path)).toEqual(items.map((it) => it.path).filter((p) => p !== 'img-1' && p !== 'img-20'));
    r.items.forEach((it, row) => {
      const i = Number(it.path.slice(4));
      expect([i, r.vectors[row * 2], r.vectors[row * 2 + 1]]).toEqual([i, i, i % 3 === 0 ? 7 : 1]);
      expect(r.pixelHashes[row]).toBe(`px${i}`);
    });
    expect(r.fromCache).toBe(Math.ceil(N / 3));
    expect(r.embedded).toBe(N - 2 - r.fromCache);
    expect(batches.reduce((s, n) => s + n, 0)).toBe(r.embedded);

    // A second run takes every vector from the cache and calls the model not at all.
    const again: number[] = [];
    const r2 = await embedSet(listed, 'real', env(cached, new Set([1, 20]), again));
    expect([r2.fromCache, r2.embedded, again.length]).toEqual([N - 2, 0, 0]);
    expect(r2.vectors).toEqual(r.vectors);
  });

  it('a fully cached set is looked up in one batch per lookup chunk and decodes nothing; misses still reach the model in batches of BATCH', async () => {
    const n = LOOKUP_ITEMS + 3 * BATCH + 5;
    const many = Array.from({ length: n }, (_, i): IngestItem => ({ path: `img-${i % 250}`, className: null, size: 1, kind: 'image', format: 'png' }));
    const set = { root: '/fake', items: many, skipped: [] } as unknown as ListedSet;
    const cached = new Map<string, CachedVector>();
    const first: number[] = [];
    const cold = await embedSet(set, 'real', env(cached, new Set(), first));
    // Grey levels repeat past 250: those files are the same bytes, embedded in the first chunk and then hits.
    expect(cold.embedded + cold.fromCache).toBe(n);
    expect(first.slice(0, -1).every((b) => b === BATCH)).toBe(true);

    const lookups: Lookups = { many: [], single: 0 };
    const decoded: string[] = [];
    const warm = await embedSet(set, 'real', env(cached, new Set(), [], lookups, decoded));
    expect([warm.fromCache, warm.embedded]).toEqual([n, 0]);
    expect(decoded).toEqual([]);
    expect(lookups).toEqual({ many: [LOOKUP_ITEMS, n - LOOKUP_ITEMS], single: 0 });
    expect(warm.vectors).toEqual(cold.vectors);
    expect(warm.descriptors).toEqual(cold.descriptors);
  });

  it('reads the next chunk while one is embedded, never further ahead: at most two chunks of bytes are held', async () => {
    const n = 3 * LOOKUP_ITEMS + 5;
    const many = Array.from({ length: n }, (_, i): IngestItem => ({ path: `img-${i}`, className: null, size: 1, kind: 'image', format: 'png' }));
    const set = { root: '/fake', items: many, skipped: [] } as unknown as ListedSet;
    let furthestRead = -1;
    const aheadAtEmbed: number[] = [];
    let embeddedRows = 0;
    const e = env(new Map(), new Set(), []);
    const embed = e.embedder.embed;
    const counting: PipelineEnv = {
      ...e,
      // Two bytes per file, so that all n files differ (every one a miss, embedded in its chunk).
      readItem: async (_root, item) => {
        const i = many.indexOf(item);
        furthestRead = Math.max(furthestRead, i);
        return Uint8Array.of(i % 256, i >> 8);
      },
      hashBytes: (bytes) => `file${bytes[0]}-${bytes[1]}`,
      embedder: {
        ...e.embedder,
        embed: async (batch, rows) => {
          // The chunk being embedded, and how many chunks past it have been read.
          aheadAtEmbed.push(Math.floor(furthestRead / LOOKUP_ITEMS) - Math.floor(embeddedRows / LOOKUP_ITEMS));
          embeddedRows += rows;
          return embed(batch, rows);
        },
      },
    };
    const r = await embedSet(set, 'real', counting);
    expect(r.embedded).toBe(n);
    expect(Math.max(...aheadAtEmbed)).toBe(1);
  });

  it('stores each image\'s issue scores and size in its cache record: a second run reads identical ones and decodes nothing', async () => {
    // Item i is flat grey level i: its 99th-percentile brightness (the dark score) is i/255.
    const cached = new Map<string, CachedVector>();
    const cold = await embedSet(listed, 'real', env(cached, new Set([5]), []));
    const dark = PIXEL_ISSUE_KINDS.indexOf('dark'), lowInfo = PIXEL_ISSUE_KINDS.indexOf('low-information');
    expect(cold.issues).toHaveLength(cold.items.length * RECORD_ISSUES);
    cold.items.forEach((it, row) => {
      const level = Number(it.path.slice(4));
      expect(cold.issues[row * RECORD_ISSUES + dark]).toBeCloseTo(level / 255, 6);
      expect(cold.issues[row * RECORD_ISSUES + lowInfo]).toBe(0); // one grey level: no entropy
      expect([cold.sizes[row * 2], cold.sizes[row * 2 + 1]]).toEqual([4, 4]);
    });
    // The record: embedding, copy descriptor, 5 scores, width and height.
    expect(cached.get('file3')!.vector).toHaveLength(imageRecordDim(manifest));

    const decoded: string[] = [];
    const warm = await embedSet(listed, 'real', env(cached, new Set([5]), [], undefined, decoded));
    expect(decoded).toEqual(['img-5']); // only the broken file, which has no record, is tried again
    expect(warm.fromCache).toBe(N - 1);
    expect(warm.issues).toEqual(cold.issues);
    expect(warm.sizes).toEqual(cold.sizes);
  });
});

describe('image cache records', () => {
  it('read back every field a record was written with, under a key that differs from the old layout\'s', () => {
    const fields = { vector: Float32Array.of(1, 2), descriptor: new Float32Array(COPY_DESCRIPTOR.dim).fill(0.5), issues: Float32Array.of(0.1, 0.2, 0.3, 0.4, 0.75), size: Float32Array.of(1024, 768) };
    const back = splitRecord(joinRecord(fields), 2);
    expect(back).toEqual(fields);
    expect(imageCacheKey(manifest)).not.toBe(`${manifest.id}@${manifest.version}+${COPY_DESCRIPTOR.id}`);
    expect(() => joinRecord({ ...fields, issues: Float32Array.of(1) })).toThrow(/1 issue scores/);
  });
});

describe('lookupChunks', () => {
  const sized = (sizes: number[]): IngestItem[] => sizes.map((size, i) => ({ path: `f${i}`, className: null, size, kind: 'image', format: 'jpeg' }));
  const bytesOf = (c: IngestItem[]) => c.reduce((s, it) => s + it.size, 0);

  it('holds at most LOOKUP_BYTES of photo-sized files per chunk, in whole model batches', () => {
    const chunks = lookupChunks(sized(Array(100).fill(3e6)), Infinity);
    expect(chunks.flat()).toHaveLength(100);
    expect(chunks.slice(0, -1).every((c) => c.length % BATCH === 0)).toBe(true);
    expect(Math.max(...chunks.map(bytesOf))).toBeLessThanOrEqual(LOOKUP_BYTES);
  });

  it('reads one file alone when it is larger than the budget, and counts nothing for a file it will refuse unread', () => {
    expect(lookupChunks(sized([1, LOOKUP_BYTES * 2, 1]), Infinity).map((c) => c.length)).toEqual([1, 1, 1]);
    expect(lookupChunks(sized([1, LOOKUP_BYTES * 2, 1]), 1000).map((c) => c.length)).toEqual([3]);
    expect(lookupChunks(sized(Array(LOOKUP_ITEMS + 1).fill(10)), Infinity).map((c) => c.length)).toEqual([LOOKUP_ITEMS, 1]);
  });
});

describe('embedSet and large images', () => {
  const items = (n: number): IngestItem[] => Array.from({ length: n }, (_, i) => ({ path: `img-${i}`, className: null, size: 1, kind: 'image', format: 'png' }));

  it('a decompression bomb among normal images is skipped as too large, never decoded, and the rest embed', async () => {
    const bomb = pngBomb(16000, 16000);
    const small = pngBomb(28, 28);
    const base = env(new Map(), new Set(), []);
    const decoded: string[] = [];
    const bombEnv: PipelineEnv = {
      ...base,
      readItem: async (_root, item) => (item.path === 'img-3' ? bomb : small),
      hashBytes: (bytes) => `file${bytes.length}`,
      // The real CLI decoder; the fake model's one-grey-per-row check needs a flat image (all black).
      decodeImage: async (bytes, path) => {
        const img = await decodeImageBytes(bytes);
        decoded.push(path);
        return img;
      },
    };
    const listed = { root: '/fake', items: items(6), skipped: [] } as unknown as ListedSet;
    const r = await embedSet(listed, 'synthetic', bombEnv);
    expect(r.skipped).toEqual([{ path: 'img-3', side: 'synthetic', reason: BOMB_REASON }]);
    expect(r.items.map((it) => it.path)).toEqual(['img-0', 'img-1', 'img-2', 'img-4', 'img-5']);
    expect(decoded).not.toContain('img-3');
  });

  // Regression: an image file was read whole before its header was looked at (a 1.5 GB file cost 1.7 GB).
  it('refuses an image file too big for any image within the pixel limit without reading it', async () => {
    const read: string[] = [];
    const base = env(new Map(), new Set(), []);
    const huge = { ...base, maxPixels: 40_000_000, readItem: async (root: string, item: IngestItem) => (read.push(item.path), base.readItem(root, item)) };
    const list = items(4).map((it, i) => (i === 2 ? { ...it, size: 1.5e9 } : it));
    const r = await embedSet({ root: '/fake', items: list, skipped: [] } as unknown as ListedSet, 'real', huge);
    expect(r.skipped).toEqual([{ path: 'img-2', side: 'real', reason: expect.stringMatching(/^too large: a 1500 MB file, .*\(--max-pixels raises it\)$/) }]);
    expect(read).not.toContain('img-2');
    expect(r.items).toHaveLength(3);
  });

  it('never decodes more than DECODE_BUDGET pixels at once, even across batches', async () => {
    // 3 * BATCH images of 15 Mpx each (under the limit): by count alone 16 decodes (240 Mpx) would overlap.
    const header = pngBomb(5000, 3000);
    let inFlight = 0;
    let peak = 0;
    const base = env(new Map(), new Set(), []);
    const bigEnv: PipelineEnv = {
      ...base,
      readItem: async (_root, item) => Uint8Array.from([...header.subarray(0, 33), Number(item.path.slice(4))]),
      hashBytes: (bytes) => `file${bytes[33]}`,
      decodeImage: async (bytes) => {
        inFlight += 15e6;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 2));
        inFlight -= 15e6;
        return base.decodeImage(Uint8Array.of(bytes[33]), '');
      },
    };
    const listed = { root: '/fake', items: items(3 * BATCH), skipped: [] } as unknown as ListedSet;
    const r = await embedSet(listed, 'real', bigEnv);
    expect(r.items.length).toBe(3 * BATCH);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(DECODE_BUDGET);
  });
});
