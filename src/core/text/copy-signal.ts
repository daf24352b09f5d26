// The text copy signal (docs/copy-signal-text.md): 1 − Jaccard of character-shingle sets, after
// normalisation (shingles.ts's NFKC, lower case, whitespace runs → one space, plus punctuation
// removed), so a copy whose only changes are case, spacing and punctuation is at distance 0. Its threshold is calibrated per
// run on the user's real texts, which needs each real text's NEAREST distinct neighbour, not only
// the pairs above a fixed Jaccard: candidates come from an exact cosine kNN (src/core/knn.ts) over
// hashed shingle vectors, and each candidate is then re-scored by the exact Jaccard.
import type { CopySignal } from '../copy-signal.ts';
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

/** The signal over a list of texts, as the engine and the calibration take it (core/copy-signal.ts). */
export const TEXT_COPY_MEASURE = `1 − Jaccard of character ${TEXT_COPY_SIGNAL.shingle}-gram sets (case, spacing and punctuation ignored)`;
/** Used when the real set is too small to calibrate: Jaccard ≥ 0.8 (docs/copy-signal-text.md). */
export const TEXT_COPY_DEFAULT = 0.2;

export function textCopySignal(texts: readonly string[]): CopySignal {
  const { vectors, dim, sets } = shingleVectors(texts);
  return { measure: TEXT_COPY_MEASURE, candidates: vectors, dim, distance: jaccardDistance(sets) };
}
