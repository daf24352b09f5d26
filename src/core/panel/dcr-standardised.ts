// The DCR share (dcr.ts) in Euclidean distance on standardised features, for rows that are not
// unit-norm embeddings: a table's encoded rows (docs/panel.md, "DCR share on tables"). Each
// feature is z-scored by the training rows' mean and standard deviation (a constant feature is only
// centred), as SDMetrics and synthcity compare records on scaled features, so no column wins by its
// unit alone. The nearest row by Euclidean distance is the largest of an augmented dot product,
//   [x, 1]·[2y, −‖y‖²] = ‖x‖² − ‖x − y‖²,
// so the same tiled Gemm search (tiles.ts) finds it: one extra column, no n×m matrix.
import type { AbortSignalLike } from '../errors.ts';
import type { Gemm } from '../gemm.ts';
import { dcrShare, type DcrResult } from './dcr.ts';

/** Per-feature mean and 1/sd of the rows (1 where a feature is constant). */
function featureScale(x: Float32Array, dim: number): { mean: Float64Array; inv: Float64Array } {
  const n = x.length / dim, mean = new Float64Array(dim), sq = new Float64Array(dim), inv = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let c = 0; c < dim; c++) mean[c] += x[i * dim + c];
  for (let c = 0; c < dim; c++) mean[c] /= Math.max(1, n);
  for (let i = 0; i < n; i++) for (let c = 0; c < dim; c++) sq[c] += (x[i * dim + c] - mean[c]) ** 2;
  for (let c = 0; c < dim; c++) {
    const sd = Math.sqrt(sq[c] / Math.max(1, n - 1));
    inv[c] = sd > 1e-12 ? 1 / sd : 1;
  }
  return { mean, inv };
}

/** Standardised rows with one more column: the query side [z, 1], the reference side [2z, −‖z‖²]. */
function augmented(x: Float32Array, dim: number, s: { mean: Float64Array; inv: Float64Array }, side: 'query' | 'reference'): Float32Array {
  const n = x.length / dim, out = new Float32Array(n * (dim + 1));
  for (let i = 0; i < n; i++) {
    const o = i * (dim + 1);
    let norm = 0;
    for (let c = 0; c < dim; c++) {
      const z = (x[i * dim + c] - s.mean[c]) * s.inv[c];
      norm += z * z;
      out[o + c] = side === 'query' ? z : 2 * z;
    }
    out[o + dim] = side === 'query' ? 1 : -norm;
  }
  return out;
}

/** DCR share of `synthetic` between `training` and `holdout` (n×dim each), Euclidean on features z-scored by the training rows. */
export async function standardisedDcrShare(
  synthetic: Float32Array,
  training: Float32Array,
  holdout: Float32Array,
  dim: number,
  opts: { gemm: Gemm; seed?: number; signal?: AbortSignalLike },
): Promise<DcrResult> {
  const s = featureScale(training, dim);
  return dcrShare(augmented(synthetic, dim, s, 'query'), augmented(training, dim, s, 'reference'), augmented(holdout, dim, s, 'reference'), dim + 1, opts);
}
