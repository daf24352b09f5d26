// Embeds one listed set: read → hash → cache hit, or decode → preprocess → embed → cache. A cache
// record holds the embedding and the copy descriptor (cache-record.ts), both from one decode.
// The next batch is read and decoded while the current one runs through the model, and every
// finished batch is written to the cache at once, so a cancel or crash loses at most one batch.
// Decoding is bounded by pixels, not only by count: the images being decoded at any moment (in
// both batches) hold at most DECODE_BUDGET pixels, from what their headers promise.
import type { SkippedItem, Side } from '../../report/schema.ts';
import { DEFAULT_MAX_PIXELS, headerPixels, maxImageFileBytes } from '../../ingest/image-format.ts';
import { tooLargeImageFile } from '../../ingest/skip-reasons.ts';
import type { IngestItem, ListedSet } from '../../ingest/types.ts';
import { preprocessImage } from '../../models/preprocess.ts';
import { COPY_DESCRIPTOR, copyDescriptor } from '../../core/image/copy-descriptor.ts';
import { joinRecord, splitRecord } from './cache-record.ts';
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
  /** Content hash of each item's file (its cache key). */
  fileHashes: string[];
  pixelHashes: string[];
  skipped: SkippedItem[];
  embedded: number;
  fromCache: number;
}

interface Prepared {
  item: IngestItem;
  fileHash: string;
  vector?: Float32Array; // cache hit
  descriptor?: Float32Array; // from the cache, or from the decode on a miss
  pixelHash?: string;
  slot?: number; // on a miss: where its pixels are in the chunk's buffer
  error?: string;
}

export const BATCH = 16;

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
  const fileHashes: string[] = [];
  const skipped: SkippedItem[] = [...listed.skipped];
  let embedded = 0;
  let fromCache = 0;

  // Each miss is preprocessed straight into its slot of the chunk's model batch (allocated at the
  // first miss, so a fully cached chunk allocates nothing); no per-image buffer, no second copy.
  const px = width * height * 3;
  const withPixels = pixelGate(DECODE_BUDGET);
  const maxBytes = maxImageFileBytes(env.maxPixels);
  const prepare = async (chunk: IngestItem[]): Promise<{ prepared: Prepared[]; pixels: Float32Array | null }> => {
    let pixels: Float32Array | null = null;
    const prepared = await Promise.all(
      chunk.map(async (item, slot): Promise<Prepared> => {
        let fileHash = '';
        try {
          // A file too big for any image within the limit is not read at all (a 1.5 GB file cost 1.7 GB).
          if (item.size > maxBytes) throw new Error(tooLargeImageFile(item.size, maxBytes, env.maxPixels === undefined ? undefined : '--max-pixels raises it'));
          const bytes = await env.readItem(listed.root, item);
          fileHash = await env.hashBytes(bytes);
          const hit = await env.cache.get(fileHash);
          if (hit) return { item, fileHash, ...splitRecord(hit.vector, dim), pixelHash: hit.pixelHash };
          return await withPixels(headerPixels(bytes), async () => {
            const img = await env.decodeImage(bytes, item.path);
            pixels ??= new Float32Array(chunk.length * px);
            preprocessImage(img, { width, height }, pixels, slot * px);
            return { item, fileHash, slot, pixelHash: await env.hashPixels(img), descriptor: copyDescriptor(img) };
          });
        } catch (e) {
          return { item, fileHash, error: (e as Error).message };
        }
      }),
    );
    return { prepared, pixels };
  };

  opts.onProgress?.({ status: 'initiate', stage, total });
  const chunks: IngestItem[][] = [];
  for (let i = 0; i < total; i += BATCH) chunks.push(listed.items.slice(i, i + BATCH));
  let next = chunks.length ? prepare(chunks[0]) : null;
  let done = 0;
  for (let c = 0; c < chunks.length; c++) {
    throwIfAborted(opts.signal);
    const { prepared: current, pixels } = await next!;
    next = c + 1 < chunks.length ? prepare(chunks[c + 1]) : null;

    const misses = current.filter((p) => p.slot !== undefined);
    let missVectors: Float32Array | null = null;
    if (misses.length && pixels) {
      // Close the gaps left by hits and failures (slots only move down), then hand the buffer over.
      misses.forEach((p, i) => { if (p.slot !== i) pixels.copyWithin(i * px, p.slot! * px, (p.slot! + 1) * px); });
      const batch = misses.length === chunks[c].length ? pixels : pixels.subarray(0, misses.length * px);
      missVectors = await env.embedder.embed(batch, misses.length);
      const entries = misses.map((p, i) => ({
        fileHash: p.fileHash,
        value: { vector: joinRecord(missVectors!.subarray(i * dim, (i + 1) * dim), p.descriptor!), pixelHash: p.pixelHash! },
      }));
      misses.forEach((p, i) => (p.vector = missVectors!.slice(i * dim, (i + 1) * dim)));
      await env.cache.putMany(entries);
      embedded += misses.length;
    }
    for (const p of current) {
      if (p.error !== undefined) {
        skipped.push({ path: p.item.path, side, reason: p.error });
        continue;
      }
      if (p.slot === undefined) fromCache++;
      items.push(p.item);
      vectors.push(p.vector!);
      descriptors.push(p.descriptor!);
      fileHashes.push(p.fileHash);
      pixelHashes.push(p.pixelHash!);
    }
    done += current.length;
    opts.onProgress?.({ status: 'progress', stage, done, total });
  }
  opts.onProgress?.({ status: 'done', stage, done, total });

  const flat = new Float32Array(items.length * dim);
  vectors.forEach((v, i) => flat.set(v, i * dim));
  const cd = COPY_DESCRIPTOR.dim;
  const flatDescriptors = new Float32Array(items.length * cd);
  descriptors.forEach((d, i) => flatDescriptors.set(d, i * cd));
  return { root: listed.root, side, items, vectors: flat, descriptors: flatDescriptors, fileHashes, pixelHashes, skipped, embedded, fromCache };
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
