// What the text run needs from its host, and the one way texts are embedded: through the vector
// cache (keys: the text's SHA-256), in batches, the real set and every edited copy alike.
import { throwIfAborted } from '../../core/errors.ts';
import type { Gemm } from '../../core/gemm.ts';
import type { ProgressCallback } from '../../core/progress.ts';
import type { TextEmbedder } from '../../contracts/embedders.ts';
import type { TextSet, TextSetOptions } from '../../ingest/text-set.ts';
import type { SkippedItem } from '../../report/schema.ts';
import type { VectorCache } from '../../storage/vector-cache.ts';
import { textHash } from '../content-hash.ts';

export interface TextPipelineEnv {
  readTextSet(path: string, side: 'real' | 'synthetic', opts: TextSetOptions): Promise<TextSet>;
  embedder: TextEmbedder;
  gemm: Gemm;
  /** Optional vector cache, opened for this model (keys: textHash). */
  cache?: VectorCache;
}

export interface TextScoreOptions {
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
  onSkipped?: (s: SkippedItem) => void;
  onWarning?: (w: string) => void;
}

const EMBED_BATCH = 64;

/** Embeds a set's texts (cache hits first); `truncated`: how many were longer than the embedder
 *  reads of a text (their head was embedded). Cached vectors are taken as they are: scoreText
 *  hands in a validated cache. */
export async function embedTexts(texts: readonly string[], env: TextPipelineEnv, stage: string, opts: TextScoreOptions): Promise<{ vectors: Float32Array; embedded: number; fromCache: number; truncated: number }> {
  const { manifest } = env.embedder;
  const dim = manifest.output.dimension;
  const vectors = new Float32Array(texts.length * dim);
  let embedded = 0, fromCache = 0;
  opts.onProgress?.({ status: 'initiate', stage, total: texts.length });
  for (let s = 0; s < texts.length; s += EMBED_BATCH) {
    throwIfAborted(opts.signal);
    const idx = Array.from({ length: Math.min(EMBED_BATCH, texts.length - s) }, (_, i) => s + i);
    const keys = await Promise.all(idx.map((i) => textHash(texts[i])));
    // One lookup per batch (one IndexedDB transaction in the page), not one per text.
    const hits = env.cache ? await env.cache.getMany(keys) : [];
    const miss: number[] = [];
    for (const [j, i] of idx.entries()) {
      const hit = hits[j];
      if (hit) { vectors.set(hit.vector, i * dim); fromCache++; } else miss.push(j);
    }
    if (miss.length) {
      const y = await env.embedder.embed(miss.map((j) => texts[idx[j]]));
      miss.forEach((j, r) => vectors.set(y.subarray(r * dim, (r + 1) * dim), idx[j] * dim));
      embedded += miss.length;
      await env.cache?.putMany(miss.map((j, r) => ({ fileHash: keys[j], value: { vector: y.slice(r * dim, (r + 1) * dim), pixelHash: keys[j] } })));
    }
    opts.onProgress?.({ status: 'progress', stage, done: s + idx.length, total: texts.length });
  }
  opts.onProgress?.({ status: 'done', stage, done: texts.length, total: texts.length });
  return { vectors, embedded, fromCache, truncated: env.embedder.truncation?.count(texts) ?? 0 };
}
