// Mean and covariance of a set of rows, the Gaussian fit behind the Fréchet distance and (with the
// mean added back) the second moment behind the Vendi score. The d×d product goes through the
// injected Gemm in blocks of rows (Xbᵀ·Xb summed in Float64), so memory stays at one block's
// transpose, never a copy of the whole set. Rows are centred before the product: embeddings share a
// large mean direction, and S − μμᵀ in Float32 would cancel away the small variances.
import { checkpoint, type AbortSignalLike } from '../errors.ts';
import { transpose, type Gemm } from '../gemm.ts';

export interface Moments {
  n: number;
  dim: number;
  mean: Float64Array;
  /** Unbiased covariance (divided by n − 1), dim×dim row-major. */
  cov: Float64Array;
}

const BLOCK_ROWS = 2048;

/** Moments of x's rows, or of the rows listed in `rows` (a subsample). */
export async function moments(x: Float32Array, dim: number, gemm: Gemm, rows: ArrayLike<number>, signal?: AbortSignalLike): Promise<Moments> {
  const n = rows.length;
  const mean = new Float64Array(dim);
  for (let t = 0; t < n; t++) {
    const o = rows[t] * dim;
    for (let c = 0; c < dim; c++) mean[c] += x[o + c];
  }
  for (let c = 0; c < dim; c++) mean[c] /= Math.max(1, n);
  const cov = new Float64Array(dim * dim);
  const block = new Float32Array(Math.min(BLOCK_ROWS, n) * dim);
  for (let t0 = 0; t0 < n; t0 += BLOCK_ROWS) {
    const b = Math.min(BLOCK_ROWS, n - t0);
    for (let t = 0; t < b; t++) {
      const o = rows[t0 + t] * dim, ob = t * dim;
      for (let c = 0; c < dim; c++) block[ob + c] = x[o + c] - mean[c];
    }
    const bt = transpose(block.subarray(0, b * dim), b, dim); // dim × b
    const prod = await gemm(bt, dim, bt, dim, b);
    for (let i = 0; i < dim * dim; i++) cov[i] += prod[i];
    await checkpoint(signal);
  }
  const scale = 1 / Math.max(1, n - 1);
  for (let i = 0; i < dim * dim; i++) cov[i] *= scale;
  // The Gemm's rounding may leave the product a hair off symmetric; the eigen-solvers read one triangle.
  for (let i = 0; i < dim; i++) for (let j = 0; j < i; j++) cov[j * dim + i] = cov[i * dim + j] = (cov[i * dim + j] + cov[j * dim + i]) / 2;
  return { n, dim, mean, cov };
}

export function allRows(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}
