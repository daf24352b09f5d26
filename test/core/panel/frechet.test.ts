import { describe, expect, it } from 'vitest';
import { jsGemm } from '../../../src/core/gemm.ts';
import { frechetDistance, frechetFromMoments, frechetFromRows } from '../../../src/core/panel/frechet.ts';
import { allRows, moments, type Moments } from '../../../src/core/panel/moments.ts';
import { gaussianCloud } from '../helpers.ts';

const fit = (mean: number[], cov: number[][]): Moments => ({ n: 100, dim: mean.length, mean: Float64Array.from(mean), cov: Float64Array.from(cov.flat()) });

describe('Fréchet distance', () => {
  it('is ‖Δμ‖² + Σ(√a − √b)² for diagonal covariances, worked by hand', () => {
    // Δμ = (1, 2, 0) → 5; variances (4, 1, 9) against (1, 1, 1) → (2−1)² + 0 + (3−1)² = 5.
    const fd = frechetFromMoments(fit([1, 2, 0], [[4, 0, 0], [0, 1, 0], [0, 0, 9]]), fit([0, 0, 0], [[1, 0, 0], [0, 1, 0], [0, 0, 1]]));
    expect(fd.meanTerm).toBeCloseTo(5, 12);
    expect(fd.covarianceTerm).toBeCloseTo(5, 10);
    expect(fd.value).toBeCloseTo(10, 10);
  });

  it('handles non-commuting and rank-deficient covariances', () => {
    // Σr = [[2, 1], [1, 2]] (eigenvalues 3, 1), Σs = I: Tr(ΣrΣs)^½ = √3 + 1, FD = 4 + 2 − 2(√3 + 1).
    expect(frechetFromMoments(fit([0, 0], [[2, 1], [1, 2]]), fit([0, 0], [[1, 0], [0, 1]])).value).toBeCloseTo(4 - 2 * Math.sqrt(3), 10);
    // Σr = [[1, 1], [1, 1]] (rank 1, eigenvalue 2 along (1,1)/√2), Σs = diag(4, 0):
    // ΣrΣs has trace 4 and rank 1 → Tr(ΣrΣs)^½ = 2; FD = 2 + 4 − 4 = 2.
    expect(frechetFromMoments(fit([0, 0], [[1, 1], [1, 1]]), fit([0, 0], [[4, 0], [0, 0]])).value).toBeCloseTo(2, 10);
    // Order does not matter: FD is symmetric.
    expect(frechetFromMoments(fit([0, 0], [[4, 0], [0, 0]]), fit([0, 0], [[1, 1], [1, 1]])).value).toBeCloseTo(2, 10);
  });

  it('is near 0 for two samples of one Gaussian and near ‖shift‖² for a shifted one', async () => {
    const dim = 8, n = 4000;
    const real = gaussianCloud(n, dim, 1);
    const same = await frechetDistance(real, gaussianCloud(n, dim, 2), dim, { gemm: jsGemm });
    // Finite-n bias for identity covariances: about d/n (means) + d(d+1)/(4n)·2/… — here ≈ 0.01.
    expect(same.value).toBeLessThan(0.05);
    const shifted = await frechetDistance(real, gaussianCloud(n, dim, 2, 0.5), dim, { gemm: jsGemm }); // ‖shift‖² = 8 × 0.25 = 2
    expect(shifted.value).toBeGreaterThan(1.9);
    expect(shifted.value).toBeLessThan(2.1);
    expect(shifted.meanTerm).toBeGreaterThan(1.9);
  });

  it('compares sets of different sizes at one n, averaging draws', async () => {
    const dim = 8;
    const big = gaussianCloud(6000, dim, 1), small = gaussianCloud(300, dim, 2);
    const r = await frechetDistance(big, small, dim, { gemm: jsGemm, seed: 4 });
    expect(r.n).toBe(300);
    expect(r.draws).toBe(3);
    expect(r.value).toBeCloseTo(r.perDraw.reduce((a, b) => a + b) / 3, 12);
    // The bias at n = 300 is what two fresh sets of 300 rows show, not what 6000 against 300 would.
    const fresh = await frechetDistance(gaussianCloud(300, dim, 5), gaussianCloud(300, dim, 6), dim, { gemm: jsGemm });
    expect(Math.abs(r.value - fresh.value)).toBeLessThan(0.5 * fresh.value);
    // Same seed, same draws.
    expect((await frechetDistance(big, small, dim, { gemm: jsGemm, seed: 4 })).value).toBe(r.value);
  });

  it('takes its covariance from the Gemm in blocks (matches the textbook sum)', async () => {
    const dim = 4, n = 5000;
    const x = gaussianCloud(n, dim, 3, 2);
    const m = await moments(x, dim, jsGemm, allRows(n));
    let c01 = 0;
    for (let i = 0; i < n; i++) c01 += (x[i * dim] - m.mean[0]) * (x[i * dim + 1] - m.mean[1]);
    expect(m.cov[1]).toBeCloseTo(c01 / (n - 1), 5);
    expect(m.mean[2]).toBeCloseTo(2, 1);
  });

  describe('row-space path (fewer rows than dimensions)', () => {
    // Textbook Float64 moments. The Gemm's Float32 covariance is no reference here: with n < d its
    // rounding leaves d − n tiny spurious eigenvalues whose square roots add up (3e-5 relative at
    // d = 96, n = 30 + 70), an error of the d×d path that the row-space path does not have.
    const exactMoments = (x: Float32Array, dim: number): Moments => {
      const n = x.length / dim, mean = new Float64Array(dim), cov = new Float64Array(dim * dim);
      for (let i = 0; i < n; i++) for (let c = 0; c < dim; c++) mean[c] += x[i * dim + c] / n;
      for (let i = 0; i < n; i++) {
        for (let a = 0; a < dim; a++) {
          const u = x[i * dim + a] - mean[a];
          for (let b = 0; b < dim; b++) cov[a * dim + b] += (u * (x[i * dim + b] - mean[b])) / (n - 1);
        }
      }
      return { n, dim, mean, cov };
    };
    // Both paths on the same rows: the d×d moments path against the n×n row-space path.
    const bothPaths = async (x: Float32Array, y: Float32Array, dim: number) => {
      const nx = x.length / dim, ny = y.length / dim;
      const dims = frechetFromMoments(exactMoments(x, dim), exactMoments(y, dim));
      const rows = await frechetFromRows(x, allRows(nx), y, allRows(ny), dim, jsGemm);
      return { dims, rows };
    };
    const relClose = (a: number, b: number) => expect(Math.abs(a - b) / Math.abs(b)).toBeLessThan(1e-6);

    it('agrees with the d×d path to 1e-6 relative on random data, equal and unequal sizes, shifted or not', async () => {
      const dim = 96;
      for (const [nx, ny, shift, seed] of [[40, 40, 0, 1], [30, 70, 0.3, 2], [80, 25, 0, 3], [60, 60, 1, 4]]) {
        // Correlated columns (a cumulative sum) so the covariances do not commute.
        const corr = (n: number, s: number, sh: number) => {
          const g = gaussianCloud(n, dim, s, sh);
          for (let i = 0; i < n; i++) for (let c = 1; c < dim; c++) g[i * dim + c] += 0.5 * g[i * dim + c - 1];
          return g;
        };
        const { dims, rows } = await bothPaths(corr(nx, seed, 0), corr(ny, seed + 10, shift), dim);
        relClose(rows.value, dims.value);
        relClose(rows.covarianceTerm, dims.covarianceTerm);
        expect(rows.meanTerm).toBeCloseTo(dims.meanTerm, 9);
      }
    });

    it('gives 0 for a set against itself and is what frechetDistance reports when n < d', async () => {
      const dim = 64, x = gaussianCloud(20, dim, 7);
      const self = await frechetFromRows(x, allRows(20), x, allRows(20), dim, jsGemm);
      expect(self.value).toBeLessThan(1e-4 * (await frechetFromRows(x, allRows(20), gaussianCloud(20, dim, 8), allRows(20), dim, jsGemm)).value);
      const y = gaussianCloud(20, dim, 9, 0.5);
      const viaDistance = await frechetDistance(x, y, dim, { gemm: jsGemm });
      relClose(viaDistance.value, (await bothPaths(x, y, dim)).dims.value);
    });
  });
});
