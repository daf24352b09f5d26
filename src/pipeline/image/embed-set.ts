// Embeds one listed set: read → hash → cache hit, or decode → preprocess → embed → cache. A cache
// record holds the embedding, the copy descriptor, the pixel issue scores and the image's size
// (cache-record.ts), all from one decode, so the panel's issue rates need no second pass.
// Two phases per chunk of up to LOOKUP_ITEMS files: every file is read and hashed at once and the
// chunk's keys are looked up in one getMany (one IndexedDB transaction), so a cached row costs a
// read, a hash and a share of one lookup, never a decode (issue 17: a get per file held cached
// rows to ~80/s in the page). Only the misses are then decoded and embedded, in model batches of
// BATCH; the next batch is decoded while the current one runs through the model, the next chunk is
// read and hashed meanwhile (and while this one is looked up), and every finished batch is written
// to the cache at once, so a cancel or crash loses at most one batch. Memory: a chunk holds at most
// LOOKUP_BYTES of file bytes (by listed sizes), and decoding is bounded by pixels, not only by
// count: the images being decoded at any moment (in both batches) hold at most DECODE_BUDGET
// pixels, from their headers.
import type { SkippedItem, Side } from '../../report/schema.ts';
import { DEFAULT_MAX_PIXELS, headerPixels, maxImageFileBytes } from '../../ingest/image-format.ts';
import { tooLargeImageFile } from '../../ingest/skip-reasons.ts';
import type { IngestItem, ListedSet } from '../../ingest/types.ts';
import { preprocessImage } from '../../models/preprocess.ts';
import { COPY_DESCRIPTOR, copyDescriptor } from '../../core/image/copy-descriptor.ts';
import { imageIssueScores, PIXEL_ISSUE_KINDS } from '../../core/image/image-issues.ts';
import type { DecodedImage } from '../../contracts/embedders.ts';
import { joinRecord, RECORD_ISSUES, splitRecord } from './cache-record.ts';
import type { ProgressCallback } from '../../core/progress.ts';
import type { PipelineEnv } from './environment.ts';
import { throwIfAborted } from '../../core/errors.ts';

export interface EmbeddedSet {
  root: string;
  side: Side;
  /** Usable items, in listing order; row i of `vectors` belongs to items[i]. */
  items: IngestItem[];
  vectors: Float32Array;
  /** items.length × COPY_DESCRIPTOR.dim: each image's copy descriptor. */
  descriptors: Float32Array;
  /** items.length × RECORD_ISSUES: each image's pixel issue scores, in PIXEL_ISSUE_KINDS order. */
  issues: Float32Array;
  /** items.length × 2: each image's decoded width and height. */
  sizes: Int32Array;
  /** Content hash of each item's file (its cache key). */
  fileHashes: string[];
  pixelHashes: string[];
  skipped: SkippedItem[];
  embedded: number;
  fromCache: number;
}

/** One file after the lookup phase: a hit, a miss (with its bytes, until decoded) or a failure. */
interface Looked {
  item: IngestItem;
  fileHash: string;
  bytes?: Uint8Array; // a miss, not decoded yet
  vector?: Float32Array; // a hit, or a miss once embedded
  descriptor?: Float32Array; // from the cache, or from the decode on a miss
  issues?: Float32Array; // likewise
  size?: Float32Array; // likewise: [width, height]
  pixelHash?: string;
  slot?: number; // a miss that decoded: where its pixels are in its batch's buffer
  error?: string;
}

/** Files per model batch (the misses only). */
export const BATCH = 16;
/** Files read, hashed and looked up together: one getMany each. */
export const LOOKUP_ITEMS = 256;
/** File bytes one lookup chunk may hold (by listed sizes): the misses keep theirs until decoded. */
export const LOOKUP_BYTES = 64 * 2 ** 20;

/** Decoded pixels held at once: one image at the default limit (160 MB of RGBA). */
export const DECODE_BUDGET = DEFAULT_MAX_PIXELS;

/**
 * Runs decodes so that the pixels in flight stay within `budget`: each waits until its pixels fit.
 * An image of unknown size, or larger than the budget (a raised --max-pixels), counts as the whole
 * budget and runs alone.
 */
function pixelGate(budget: number): <T>(pixels: number | null, run: () => Promise<T>) => Promise<T> {
  let inFlight = 0;
  let waiting: (() => void)[] = [];
  return async (pixels, run) => {
    const need = Math.min(pixels ?? budget, budget);
    while (inFlight > 0 && inFlight + need > budget) await new Promise<void>((wake) => waiting.push(wake));
    inFlight += need;
    try {
      return await run();
    } finally {
      inFlight -= need;
      const woken = waiting;
      waiting = [];
      woken.forEach((wake) => wake());
    }
  };
}

/** Consecutive chunks of at most LOOKUP_ITEMS files and LOOKUP_BYTES (files over `maxFileBytes`
 *  are never read and count nothing). A chunk cut by bytes keeps whole model batches where it can,
 *  so a first run still embeds in batches of BATCH. */
export function lookupChunks(items: readonly IngestItem[], maxFileBytes: number): IngestItem[][] {
  const chunks: IngestItem[][] = [];
  for (let start = 0; start < items.length;) {
    let end = start;
    let bytes = 0;
    while (end < items.length && end - start < LOOKUP_ITEMS) {
      const b = items[end].size > maxFileBytes ? 0 : items[end].size;
      if (end > start && bytes + b > LOOKUP_BYTES) break;
      bytes += b;
      end++;
    }
    if (end < items.length && end - start > BATCH) end = start + Math.floor((end - start) / BATCH) * BATCH;
    chunks.push(items.slice(start, end));
    start = end;
  }
  return chunks;
}

export async function embedSet(
  listed: ListedSet,
  side: Side,
  env: PipelineEnv,
  opts: { signal?: AbortSignal; onProgress?: ProgressCallback; stage?: string } = {},
): Promise<EmbeddedSet> {
  const { manifest } = env.embedder;
  const dim = manifest.output.dimension;
  const { width, height } = manifest.input;
  const stage = opts.stage ?? `embed ${side}`;
  const total = listed.items.length;
  const vectors: Float32Array[] = [];
  const items: IngestItem[] = [];
  const pixelHashes: string[] = [];
  const descriptors: Float32Array[] = [];
  const issues: Float32Array[] = [];
  const sizes: Float32Array[] = [];
  const fileHashes: string[] = [];
  const skipped: SkippedItem[] = [...listed.skipped];
  let embedded = 0;
  let fromCache = 0;
  const maxBytes = maxImageFileBytes(env.maxPixels);

  /** Phase 1a: read and hash the whole chunk at once. */
  const readAndHash = (chunk: IngestItem[]): Promise<Looked[]> => Promise.all(chunk.map(async (item): Promise<Looked> => {
    let fileHash = '';
    try {
      // A file too big for any image within the limit is not read at all (a 1.5 GB file cost 1.7 GB).
      if (item.size > maxBytes) throw new Error(tooLargeImageFile(item.size, maxBytes, env.maxPixels === undefined ? undefined : '--max-pixels raises it'));
      const bytes = await env.readItem(listed.root, item);
      fileHash = await env.hashBytes(bytes);
      return { item, fileHash, bytes };
    } catch (e) {
      return { item, fileHash, error: (e as Error).message };
    }
  }));
  /** Phase 1b: one lookup for all the chunk's keys; a hit drops its bytes. */
  const lookup = async (looked: Looked[]): Promise<Looked[]> => {
    const keyed = looked.filter((l) => l.error === undefined);
    const hits = keyed.length ? await env.cache.getMany(keyed.map((l) => l.fileHash)) : [];
    keyed.forEach((l, i) => {
      const hit = hits[i];
      if (hit) Object.assign(l, { bytes: undefined, ...splitRecord(hit.vector, dim), pixelHash: hit.pixelHash });
    });
    return looked;
  };

  // Phase 2, the misses: each is preprocessed straight into its slot of its model batch (allocated
  // at the first decode, so a batch that fails whole allocates nothing); no per-image buffer.
  const px = width * height * 3;
  const withPixels = pixelGate(DECODE_BUDGET);
  const decode = async (batch: Looked[]): Promise<Float32Array | null> => {
    let pixels: Float32Array | null = null;
    await Promise.all(batch.map(async (l, slot) => {
      const bytes = l.bytes!;
      l.bytes = undefined;
      try {
        await withPixels(headerPixels(bytes), async () => {
          const img = await env.decodeImage(bytes, l.item.path);
          pixels ??= new Float32Array(batch.length * px);
          preprocessImage(img, { width, height }, pixels, slot * px);
          Object.assign(l, { slot, pixelHash: await env.hashPixels(img), descriptor: copyDescriptor(img), ...issueFields(img) });
        });
      } catch (e) {
        l.error = (e as Error).message;
      }
    }));
    return pixels;
  };
  /** Runs one decoded batch through the model and writes it to the cache. */
  const embedBatch = async (batch: Looked[], pixels: Float32Array | null): Promise<void> => {
    const misses = batch.filter((l) => l.slot !== undefined);
    if (!misses.length || !pixels) return;
    // Close the gaps left by failures (slots only move down), then hand the buffer over.
    misses.forEach((l, i) => { if (l.slot !== i) pixels.copyWithin(i * px, l.slot! * px, (l.slot! + 1) * px); });
    const input = misses.length === batch.length ? pixels : pixels.subarray(0, misses.length * px);
    const y = await env.embedder.embed(input, misses.length);
    misses.forEach((l, i) => (l.vector = y.slice(i * dim, (i + 1) * dim)));
    await env.cache.putMany(misses.map((l) => ({ fileHash: l.fileHash, value: { vector: joinRecord({ vector: l.vector!, descriptor: l.descriptor!, issues: l.issues!, size: l.size! }), pixelHash: l.pixelHash! } })));
    embedded += misses.length;
  };

  opts.onProgress?.({ status: 'initiate', stage, total });
  const chunks = lookupChunks(listed.items, maxBytes);
  // The next chunk is read and hashed while this one is looked up and its misses embedded: on a
  // re-run of cached files the reads never wait for IndexedDB. It starts once this chunk is read,
  // never further ahead, so at most two chunks' bytes are held, as before. A prefetched read that
  // fails after an abort must not surface as an unhandled rejection.
  const prefetch = (c: number) => {
    if (c >= chunks.length) return null;
    const p = readAndHash(chunks[c]);
    p.catch(() => {});
    return p;
  };
  let nextRead = prefetch(0);
  let done = 0;
  for (let c = 0; c < chunks.length; c++) {
    throwIfAborted(opts.signal);
    const read = await nextRead!;
    nextRead = prefetch(c + 1);
    const looked = await lookup(read);
    const missing = looked.filter((l) => l.bytes !== undefined);
    done += looked.length - missing.length;
    opts.onProgress?.({ status: 'progress', stage, done, total });

    const batches: Looked[][] = [];
    for (let i = 0; i < missing.length; i += BATCH) batches.push(missing.slice(i, i + BATCH));
    let nextDecode = batches.length ? decode(batches[0]) : null;
    for (let b = 0; b < batches.length; b++) {
      throwIfAborted(opts.signal);
      const pixels = await nextDecode!;
      nextDecode = b + 1 < batches.length ? decode(batches[b + 1]) : null;
      await embedBatch(batches[b], pixels);
      done += batches[b].length;
      opts.onProgress?.({ status: 'progress', stage, done, total });
    }

    for (const l of looked) {
      if (l.error !== undefined) {
        skipped.push({ path: l.item.path, side, reason: l.error });
        continue;
      }
      if (l.slot === undefined) fromCache++;
      items.push(l.item);
      vectors.push(l.vector!);
      descriptors.push(l.descriptor!);
      issues.push(l.issues!);
      sizes.push(l.size!);
      fileHashes.push(l.fileHash);
      pixelHashes.push(l.pixelHash!);
    }
  }
  opts.onProgress?.({ status: 'done', stage, done, total });

  const flat = new Float32Array(items.length * dim);
  vectors.forEach((v, i) => flat.set(v, i * dim));
  const cd = COPY_DESCRIPTOR.dim;
  const flatDescriptors = new Float32Array(items.length * cd);
  descriptors.forEach((d, i) => flatDescriptors.set(d, i * cd));
  const flatIssues = new Float32Array(items.length * RECORD_ISSUES);
  issues.forEach((v, i) => flatIssues.set(v, i * RECORD_ISSUES));
  const flatSizes = new Int32Array(items.length * 2);
  sizes.forEach((v, i) => flatSizes.set(v, i * 2));
  return { root: listed.root, side, items, vectors: flat, descriptors: flatDescriptors, issues: flatIssues, sizes: flatSizes, fileHashes, pixelHashes, skipped, embedded, fromCache };
}

/** An image's issue scores and size as its cache record stores them (Float32, so a hit reads back exactly what a miss computed). */
export function issueFields(img: DecodedImage): { issues: Float32Array; size: Float32Array } {
  const s = imageIssueScores(img);
  return { issues: Float32Array.from(PIXEL_ISSUE_KINDS, (k) => s[k]), size: Float32Array.of(img.width, img.height) };
}

/** Real rows then synthetic rows in fresh buffers (the engine normalises in place). */
export function stackSides(real: EmbeddedSet, synth: EmbeddedSet, dim: number): { vectors: Float32Array; descriptors: Float32Array; isSynthetic: Uint8Array; n: number } {
  const nr = real.items.length;
  const n = nr + synth.items.length;
  const vectors = new Float32Array(n * dim);
  vectors.set(real.vectors, 0);
  vectors.set(synth.vectors, nr * dim);
  const descriptors = new Float32Array(n * COPY_DESCRIPTOR.dim);
  descriptors.set(real.descriptors, 0);
  descriptors.set(synth.descriptors, nr * COPY_DESCRIPTOR.dim);
  return { vectors, descriptors, isSynthetic: new Uint8Array(n).fill(1, nr), n };
}
