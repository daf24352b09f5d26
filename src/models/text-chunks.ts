// Pure helpers shared by the Node and web text adapters: the long-text rule and batch packing.
//
// Long-text rule (stated in the manifest as 'chunk-mean'): a text's token ids are split into
// consecutive chunks of at most maxTokens (128) tokens; each chunk is embedded on its own; the
// text's embedding is the mean of its chunk embeddings, re-normalised to unit length. A text of
// at most maxTokens tokens is one chunk, so its embedding is exactly the model's. An empty text
// is one chunk of zero tokens (the model then returns l2norm(tanh(b)), as TF.js does mid-batch).
// Only a text's first MAX_CHUNKS_PER_TEXT chunks are embedded (see there).

/**
 * At most this many chunks per text: its first 64 × 128 = 8,192 tokens (about 30 KB of English).
 * USE lite is a sentence encoder: past a few pages the mean of the chunk vectors hardly moves (the
 * 65th chunk would shift it by about 1/65), while each further chunk costs a model row, so without
 * a cap one 50 MB file costs as much as a million one-liners and its token ids alone fill memory.
 * With it a text costs at most what 64 short texts do, and is tokenized only as far as it is read.
 */
export const MAX_CHUNKS_PER_TEXT = 64;

export interface Chunk {
  text: number;
  ids: number[];
}

export function chunkTokens(tokenised: readonly (readonly number[])[], maxTokens: number): Chunk[] {
  const out: Chunk[] = [];
  tokenised.forEach((ids, text) => {
    if (ids.length === 0) out.push({ text, ids: [] });
    for (let s = 0; s < ids.length; s += maxTokens) out.push({ text, ids: ids.slice(s, s + maxTokens) });
  });
  return out;
}

/** Groups chunk indices into batches of similar length (less padding), each ≤ maxBatch rows. */
export function packBatches(chunks: readonly Chunk[], maxBatch: number): number[][] {
  const order = chunks.map((_, i) => i).sort((a, b) => chunks[a].ids.length - chunks[b].ids.length || a - b);
  const out: number[][] = [];
  for (let i = 0; i < order.length; i += maxBatch) out.push(order.slice(i, i + maxBatch));
  return out;
}

/** ids int64 + mask float for one batch, padded to the longest chunk (at least 1). */
export function batchTensors(chunks: readonly Chunk[], batch: readonly number[]): { ids: BigInt64Array; mask: Float32Array; n: number; t: number } {
  const t = Math.max(1, ...batch.map((c) => chunks[c].ids.length));
  const n = batch.length;
  const ids = new BigInt64Array(n * t), mask = new Float32Array(n * t);
  batch.forEach((c, r) => chunks[c].ids.forEach((v, j) => { ids[r * t + j] = BigInt(v); mask[r * t + j] = 1; }));
  return { ids, mask, n, t };
}

/** Mean of each text's chunk rows, re-normalised: nTexts × dim. */
export function poolChunks(chunks: readonly Chunk[], rows: Float32Array, nTexts: number, dim: number): Float32Array {
  const out = new Float32Array(nTexts * dim);
  const acc = new Float64Array(nTexts * dim);
  chunks.forEach((c, i) => { for (let k = 0; k < dim; k++) acc[c.text * dim + k] += rows[i * dim + k]; });
  for (let t = 0; t < nTexts; t++) {
    let s = 0;
    for (let k = 0; k < dim; k++) s += acc[t * dim + k] ** 2;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let k = 0; k < dim; k++) out[t * dim + k] = acc[t * dim + k] * inv;
  }
  return out;
}
