// Fréchet distance between Gaussian fits of two sets (FID's formula, in whatever space the vectors
// live: here the model's embedding space; docs/panel.md):
//   FD = ‖μr − μs‖² + Tr Σr + Tr Σs − 2·Tr (Σr Σs)^{1/2}.
// The square-root term needs no matrix square root: with Σr = F·Fᵀ (pivoted Cholesky),
// Tr (Σr Σs)^{1/2} = Σ √λ(Fᵀ Σs F), the nuclear norm of Fᵀ·Σs^{1/2}, from a symmetric PSD
// eigenvalue problem (stable, Float64; a rank-deficient Σr just shrinks F).
// With fewer rows than dimensions (n < d) the covariances have rank < n and the same trace comes
// from the rows themselves: A, B the centred rows (n_r×d, n_s×d), C = A·Bᵀ through the Gemm, and
// Tr (Σr Σs)^{1/2} = Σ √λ(C·Cᵀ) / √((n_r−1)(n_s−1)) (ΣrΣs = AᵀA·BᵀB/… shares its non-zero
// eigenvalues with A·BᵀB·Aᵀ = C·Cᵀ), Tr Σ = ‖A‖²_F/(n−1): an n×n eigenproblem instead of d×d
// (docs/panel.md, "Fréchet distance: the row-space path").
// FD estimated from n rows is biased upward by O(d/n) (the sample covariances' noise never
// cancels), so sets of different sizes are compared at one fixed n: both sets subsampled to n
// rows, averaged over a few seeded draws.
import { checkpoint, type AbortSignalLike } from '../errors.ts';
import type { Gemm } from '../gemm.ts';
import { createRng, deriveSeed, sampleIndices } from '../random.ts';
import { congruenceLower, pivotedCholesky } from './dense.ts';
import { moments, type Moments } from './moments.ts';
import { symmetricEigenvalues } from './sym-eigenvalues.ts';

export interface FrechetParts {
  value: number;
  /** ‖μr − μs‖². */
  meanTerm: number;
  /** Tr Σr + Tr Σs − 2·Tr (Σr Σs)^{1/2}. */
  covarianceTerm: number;
}

/** A Gaussian fit with the pivoted Cholesky factor of its covariance: the real side of a draw, reusable across experiments. */
export interface FactoredMoments extends Moments {
  factor: { f: Float64Array; rank: number };
}

export function factored(m: Moments): FactoredMoments {
  return { ...m, factor: pivotedCholesky(m.cov, m.dim) };
}

/** FD between two Gaussian fits (a's factor reused when it has one). */
export function frechetFromMoments(a: Moments | FactoredMoments, b: Moments): FrechetParts {
  const dim = a.dim;
  let meanTerm = 0, trA = 0, trB = 0;
  for (let c = 0; c < dim; c++) {
    meanTerm += (a.mean[c] - b.mean[c]) ** 2;
    trA += a.cov[c * dim + c];
    trB += b.cov[c * dim + c];
  }
  const { f, rank } = 'factor' in a ? a.factor : pivotedCholesky(a.cov, dim);
  const g = congruenceLower(b.cov, f, dim, rank, dim);
  let trSqrt = 0;
  for (const l of symmetricEigenvalues(g, rank)) if (l > 0) trSqrt += Math.sqrt(l);
  // Mathematically ≥ 0; rounding can push identical fits a hair below.
  const covarianceTerm = Math.max(0, trA + trB - 2 * trSqrt);
  return { value: meanTerm + covarianceTerm, meanTerm, covarianceTerm };
}

/** The rows of x listed in `rows` minus their mean (Float32 copy), the mean and ‖centred‖²_F. */
function centredRows(x: Float32Array, dim: number, rows: ArrayLike<number>): { a: Float32Array; mean: Float64Array; sumSq: number } {
  const n = rows.length, mean = new Float64Array(dim), a = new Float32Array(n * dim);
  for (let t = 0; t < n; t++) for (let c = 0, o = rows[t] * dim; c < dim; c++) mean[c] += x[o + c];
  for (let c = 0; c < dim; c++) mean[c] /= Math.max(1, n);
  let sumSq = 0;
  for (let t = 0; t < n; t++) {
    for (let c = 0, o = rows[t] * dim, oa = t * dim; c < dim; c++) {
      const v = x[o + c] - mean[c];
      a[oa + c] = v;
      sumSq += v * v;
    }
  }
  return { a, mean, sumSq };
}

/**
 * FD from the rows themselves (x's rows `xRows` against y's rows `yRows`) in row space: the n×n
 * path for sets with fewer rows than dimensions. Same value as frechetFromMoments of their moments.
 */
export async function frechetFromRows(
  x: Float32Array, xRows: ArrayLike<number>, y: Float32Array, yRows: ArrayLike<number>, dim: number, gemm: Gemm, signal?: AbortSignalLike,
): Promise<FrechetParts> {
  const r = centredRows(x, dim, xRows), s = centredRows(y, dim, yRows);
  const nr = xRows.length, ns = yRows.length;
  let meanTerm = 0;
  for (let c = 0; c < dim; c++) meanTerm += (r.mean[c] - s.mean[c]) ** 2;
  await checkpoint(signal);
  // Keep the eigenproblem on the smaller side: C·Cᵀ (nr×nr) or Cᵀ·C (ns×ns) share their eigenvalues.
  const [p, np, q, nq] = nr <= ns ? [r.a, nr, s.a, ns] : [s.a, ns, r.a, nr];
  const c = await gemm(p, np, q, nq, dim); // np×nq
  await checkpoint(signal);
  // C·Cᵀ in Float64 (lower triangle): rounding it in Float32 would bias the many small √λ (dense.ts).
  const g = new Float64Array(np * np), row = new Float64Array(nq);
  for (let i = 0; i < np; i++) {
    for (let t = 0; t < nq; t++) row[t] = c[i * nq + t];
    for (let j = 0; j <= i; j++) {
      let v = 0;
      for (let t = 0, oj = j * nq; t < nq; t++) v += row[t] * c[oj + t];
      g[i * np + j] = v;
    }
  }
  let trSqrt = 0;
  for (const l of symmetricEigenvalues(g, np)) if (l > 0) trSqrt += Math.sqrt(l);
  trSqrt /= Math.sqrt(Math.max(1, nr - 1) * Math.max(1, ns - 1));
  const trA = r.sumSq / Math.max(1, nr - 1), trB = s.sumSq / Math.max(1, ns - 1);
  const covarianceTerm = Math.max(0, trA + trB - 2 * trSqrt);
  return { value: meanTerm + covarianceTerm, meanTerm, covarianceTerm };
}

export interface FrechetOptions {
  gemm: Gemm;
  /** Rows per side (default: the smaller set). Pass one n for every experiment and the reference. */
  sampleSize?: number;
  /** Subsample draws averaged when a set is larger than the sample size (default 3). */
  draws?: number;
  seed?: number;
  signal?: AbortSignalLike;
  /** Moments of the whole sets, when already computed (reused where no subsample is needed). */
  realMoments?: Moments;
  syntheticMoments?: Moments;
  /**
   * The real side's fits by the rows drawn, kept across calls: experiments of one run draw the
   * same real rows (the draws depend only on the seed and the set sizes), so each real fit and its
   * Cholesky factor is computed once per run (docs/panel.md, "Cost").
   */
  realFits?: Map<string, FactoredMoments>;
}

export interface FrechetResult extends FrechetParts {
  /** Rows per side each draw used. */
  n: number;
  draws: number;
  /** FD of each draw (their mean is `value`). */
  perDraw: number[];
}

export async function frechetDistance(real: Float32Array, synthetic: Float32Array, dim: number, opts: FrechetOptions): Promise<FrechetResult> {
  const nr = real.length / dim, ns = synthetic.length / dim;
  const n = Math.max(2, Math.min(nr, ns, opts.sampleSize ?? Infinity));
  const draws = n < nr || n < ns ? Math.max(1, opts.draws ?? 3) : 1;
  const rng = createRng(deriveSeed(opts.seed ?? 0, 0xfd));
  const side = async (x: Float32Array, rows: number, cached?: Moments) =>
    n === rows && cached ? cached : moments(x, dim, opts.gemm, sampleIndices(rows, n, rng), opts.signal);
  // The real fit of this draw, from the run's cache when an earlier call drew the same rows.
  const realSide = async (): Promise<FactoredMoments> => {
    const rows = n === nr && opts.realMoments ? null : sampleIndices(nr, n, rng);
    const key = rows ? `${nr}:${rows.join(',')}` : `${nr}:all`;
    let fit = opts.realFits?.get(key);
    if (!fit) {
      fit = factored(rows ? await moments(real, dim, opts.gemm, rows, opts.signal) : opts.realMoments!);
      opts.realFits?.set(key, fit);
    }
    return fit;
  };
  // n < d: the n×n row-space problem is smaller than the d×d one (same draws from the same rng).
  const draw = async () => {
    if (n >= dim) return frechetFromMoments(await realSide(), await side(synthetic, ns, opts.syntheticMoments));
    const rr = sampleIndices(nr, n, rng), rs = sampleIndices(ns, n, rng);
    return frechetFromRows(real, rr, synthetic, rs, dim, opts.gemm, opts.signal);
  };
  const perDraw: number[] = [];
  let meanTerm = 0, covarianceTerm = 0;
  for (let t = 0; t < draws; t++) {
    const fd = await draw();
    perDraw.push(fd.value);
    meanTerm += fd.meanTerm / draws;
    covarianceTerm += fd.covarianceTerm / draws;
  }
  return { value: meanTerm + covarianceTerm, meanTerm, covarianceTerm, n, draws, perDraw };
}
