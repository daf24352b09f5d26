// Fréchet distance between Gaussian fits of two sets (FID's formula, in whatever space the vectors
// live: here the model's embedding space; docs/panel.md):
//   FD = ‖μr − μs‖² + Tr Σr + Tr Σs − 2·Tr (Σr Σs)^{1/2}.
// The square-root term needs no matrix square root: with Σr = F·Fᵀ (pivoted Cholesky),
// Tr (Σr Σs)^{1/2} = Σ √λ(Fᵀ Σs F), the nuclear norm of Fᵀ·Σs^{1/2}, from a symmetric PSD
// eigenvalue problem (stable, Float64; a rank-deficient Σr just shrinks F).
// FD estimated from n rows is biased upward by O(d/n) (the sample covariances' noise never
// cancels), so sets of different sizes are compared at one fixed n: both sets subsampled to n
// rows, averaged over a few seeded draws.
import type { AbortSignalLike } from '../errors.ts';
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

/** FD between two Gaussian fits. */
export function frechetFromMoments(a: Moments, b: Moments): FrechetParts {
  const dim = a.dim;
  let meanTerm = 0, trA = 0, trB = 0;
  for (let c = 0; c < dim; c++) {
    meanTerm += (a.mean[c] - b.mean[c]) ** 2;
    trA += a.cov[c * dim + c];
    trB += b.cov[c * dim + c];
  }
  const { f, rank } = pivotedCholesky(a.cov, dim);
  const g = congruenceLower(b.cov, f, dim, rank, dim);
  let trSqrt = 0;
  for (const l of symmetricEigenvalues(g, rank)) if (l > 0) trSqrt += Math.sqrt(l);
  // Mathematically ≥ 0; rounding can push identical fits a hair below.
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
  const perDraw: number[] = [];
  let meanTerm = 0, covarianceTerm = 0;
  for (let t = 0; t < draws; t++) {
    const fd = frechetFromMoments(await side(real, nr, opts.realMoments), await side(synthetic, ns, opts.syntheticMoments));
    perDraw.push(fd.value);
    meanTerm += fd.meanTerm / draws;
    covarianceTerm += fd.covarianceTerm / draws;
  }
  return { value: meanTerm + covarianceTerm, meanTerm, covarianceTerm, n, draws, perDraw };
}
