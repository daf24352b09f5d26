// The text copy signal (docs/copy-signal-text.md): 1 − Jaccard of character-shingle sets, after
// normalisation (shingles.ts's NFKC, lower case, whitespace runs → one space, plus punctuation
// removed), so a copy whose only changes are case, spacing and punctuation is at distance 0. Its threshold is calibrated per
// run on the user's real texts, which needs each real text's NEAREST distinct neighbour, not only
// the pairs above a fixed Jaccard: candidates come from an exact cosine kNN (src/core/knn.ts) over
// hashed shingle vectors, and each candidate is then re-scored by the exact Jaccard.
import type { KnnGraph } from '../knn.ts';
import { mix32 } from './hash.ts';
import { jaccardSorted, normaliseForShingles, shingleSet } from './shingles.ts';

export interface ShingleOptions {
  /** Characters per shingle. */
  shingle: number;
  /** Length of the hashed vector. */
  dim: number;
}

/** Chosen by scripts/measure/text-copy-signal.ts on four corpora (docs/copy-signal-text.md). */
export const TEXT_COPY_SIGNAL: ShingleOptions = { shingle: 4, dim: 4096 };

const BUCKET_SEED = 0x0c0b1e5;

/**
 * The text as the copy signal sees it. Punctuation goes because real sets carry the same text
 * with and without a final period or with ’ for ' (inspirational-quotes: 16 of 322), and those
 * must count as one text, not as a genuine near neighbour that drags the threshold to ~0; dashes
 * become spaces so "ago—never" stays two words. Use it as the duplicate key for nearestDistinct.
 */
export function normaliseForCopy(text: string): string {
  return normaliseForShingles(text.normalize('NFKC').replace(/\p{Pd}/gu, ' ').replace(/\p{P}/gu, ''));
}

/**
 * Per text its sorted unique shingle hashes and a unit-norm hashed indicator vector (one ±1 per
 * shingle, the sign from the hash so that bucket collisions cancel on average instead of adding
 * a similarity every pair shares). Cosine of two vectors ≈ |A∩B| / √(|A|·|B|), a candidate
 * generator for Jaccard. An empty text has no shingles and a zero vector.
 */
export function shingleVectors(
  texts: readonly string[],
  opts: ShingleOptions = TEXT_COPY_SIGNAL,
): { vectors: Float32Array; dim: number; sets: Uint32Array[] } {
  const { shingle, dim } = opts;
  const sets = texts.map((t) => shingleSet(normaliseForCopy(t), shingle));
  const vectors = new Float32Array(texts.length * dim);
  sets.forEach((set, r) => {
    const row = vectors.subarray(r * dim, (r + 1) * dim);
    for (let t = 0; t < set.length; t++) {
      const h = mix32(set[t], BUCKET_SEED);
      row[(h >>> 1) % dim] += h & 1 ? 1 : -1; // the low bit is the sign, the rest the bucket
    }
    let ss = 0;
    for (let k = 0; k < dim; k++) ss += row[k] * row[k];
    if (ss > 0) {
      const inv = 1 / Math.sqrt(ss);
      for (let k = 0; k < dim; k++) row[k] *= inv;
    }
  });
  return { vectors, dim, sets };
}

/** 1 − exact Jaccard of two shingle sets; two empty texts are identical (0), one empty is 1. */
export function jaccardDistance(sets: readonly Uint32Array[]): (i: number, j: number) => number {
  return (i, j) => 1 - jaccardSorted(sets[i], sets[j]);
}

/**
 * A kNN graph's candidates re-scored by an exact distance and re-sorted, nearest first (ties keep
 * the lower index); −1 padding stays at the end. Feed it to nearestDistinct (src/core/calibrate.ts).
 */
export function refineByDistance(graph: KnnGraph, distance: (i: number, j: number) => number): KnnGraph {
  const { n, k } = graph;
  const indices = new Int32Array(n * k).fill(-1);
  const distances = new Float32Array(n * k).fill(Infinity);
  const cand: { j: number; d: number }[] = [];
  for (let i = 0; i < n; i++) {
    cand.length = 0;
    for (let t = 0; t < k; t++) {
      const j = graph.indices[i * k + t];
      if (j >= 0) cand.push({ j, d: distance(i, j) });
    }
    cand.sort((a, b) => a.d - b.d || a.j - b.j);
    cand.forEach((c, t) => {
      indices[i * k + t] = c.j;
      distances[i * k + t] = c.d;
    });
  }
  return { n, k, indices, distances };
}
