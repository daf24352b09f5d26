// Vendi score (Friedman & Dieng 2023): the effective number of distinct rows, exp of the Shannon
// entropy of the eigenvalues of K/n, K the cosine kernel X·Xᵀ (unit rows, so K has ones on the
// diagonal and the eigenvalues of K/n sum to 1). 1 for n copies of one row, n for n orthogonal
// rows, at most min(n, dim). When dim < n the dim×dim second moment Xᵀ·X/n has the same non-zero
// eigenvalues and is far smaller; it comes from the Gaussian fit the Fréchet distance needs anyway.
import { throwIfAborted, type AbortSignalLike } from '../errors.ts';
import type { Gemm } from '../gemm.ts';
import type { Moments } from './moments.ts';
import { symmetricEigenvalues } from './sym-eigenvalues.ts';

/** exp(−Σ λ log λ) of eigenvalues normalised to sum 1; non-positive ones (rounding) count as 0. */
export function vendiFromEigenvalues(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > 0) total += values[i];
  if (!(total > 0)) return 0;
  let h = 0;
  for (let i = 0; i < values.length; i++) {
    const p = values[i] / total;
    if (p > 0) h -= p * Math.log(p);
  }
  return Math.exp(h);
}

/** Vendi score from a set's moments: eigenvalues of Xᵀ·X/n = Σ·(n−1)/n + μμᵀ. */
export function vendiFromMoments(m: Moments): number {
  const { dim, n, mean, cov } = m;
  const s = new Float64Array(dim * dim), f = (n - 1) / n;
  for (let i = 0; i < dim; i++) for (let j = 0; j <= i; j++) s[i * dim + j] = cov[i * dim + j] * f + mean[i] * mean[j];
  return vendiFromEigenvalues(symmetricEigenvalues(s, dim));
}

/** Vendi score from the n×n kernel (for sets with fewer rows than dimensions). */
export async function vendiFromKernel(x: Float32Array, dim: number, gemm: Gemm, signal?: AbortSignalLike): Promise<number> {
  const n = x.length / dim;
  throwIfAborted(signal);
  const k = await gemm(x, n, x, n, dim);
  return vendiFromEigenvalues(symmetricEigenvalues(Float64Array.from(k, (v) => v / n), n));
}
