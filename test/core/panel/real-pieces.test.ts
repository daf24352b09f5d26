// The panel's cost cuts (docs/panel.md, "Cost") leave the numbers as they were: the blocked
// congruence is Fᵀ·B·F, and the real set's pieces kept across experiments give each experiment the
// panel it gets computed alone.
import { describe, expect, it } from 'vitest';
import { jsGemm } from '../../../src/core/gemm.ts';
import { congruenceLower, pivotedCholesky } from '../../../src/core/panel/dense.ts';
import { computePanel, realPieces } from '../../../src/core/panel/index.ts';
import { createRng } from '../../../src/core/random.ts';
import { sphereCloud } from './clouds.ts';

/** A random covariance of rank r in dim dimensions (r rows of noise). */
function covariance(dim: number, r: number, seed: number): Float64Array {
  const rng = createRng(seed), x = Array.from({ length: r * dim }, () => rng.normal()), c = new Float64Array(dim * dim);
  for (let t = 0; t < r; t++) for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) c[i * dim + j] += x[t * dim + i] * x[t * dim + j] / r;
  return c;
}

describe('congruenceLower', () => {
  it('is the lower triangle of Fᵀ·B·F, full rank and rank-deficient, across row blocks', () => {
    for (const [dim, r] of [[37, 60], [37, 20]]) {
      const { f, rank } = pivotedCholesky(covariance(dim, r, 1), dim), b = covariance(dim, 50, 2);
      const g = congruenceLower(b, f, dim, rank, dim);
      expect(rank).toBe(Math.min(dim, r));
      for (let p = 0; p < rank; p++) {
        for (let q = 0; q <= p; q++) {
          let want = 0;
          for (let i = 0; i < dim; i++) for (let k = 0; k < dim; k++) want += f[i * dim + p] * b[i * dim + k] * f[k * dim + q];
          expect(Math.abs(g[p * rank + q] - want)).toBeLessThan(1e-12 * (1 + Math.abs(want)));
        }
      }
    }
  });
});

describe('the real set pieces kept across experiments', () => {
  it('give each experiment the panel it gets alone, Fréchet draws subsampled or not', async () => {
    const dim = 12, real = sphereCloud(300, dim, 1), pieces = realPieces();
    for (const [seed, ns] of [[2, 400], [3, 400], [4, 250]]) {
      const synthetic = sphereCloud(ns, dim, seed);
      const input = { real, synthetic, dim, gemm: jsGemm, resamples: 0, frechetSampleSize: 150 };
      const alone = await computePanel(input), shared = await computePanel({ ...input, realPieces: pieces });
      for (const k of ['precision', 'recall', 'density', 'coverage', 'frechetDistance', 'vendi', 'vendiReal', 'authenticity'] as const) {
        expect(shared[k].value, `${k} (${ns} rows)`).toBe(alone[k].value);
      }
      expect(shared.frechet.perDraw).toEqual(alone.frechet.perDraw);
    }
    // Every experiment drew the same real rows (a draw uses the rng by its sample size alone): 3 fits in all, not 9.
    expect(pieces.fits.size).toBe(3);
  });
});
