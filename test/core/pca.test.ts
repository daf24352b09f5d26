import { describe, expect, it } from 'vitest';
import { jsGemm } from '../../src/core/gemm.ts';
import { standardisingPca, standardisingPcas } from '../../src/core/pca.ts';
import { createRng } from '../../src/core/random.ts';

describe('standardising PCA', () => {
  it('gives unit-variance, centred, uncorrelated components that capture a low-rank signal', async () => {
    const n = 600, dim = 40, rank = 3, rng = createRng(1);
    const basis = Float64Array.from({ length: rank * dim }, () => rng.normal());
    const scales = [10, 5, 2];
    const x = new Float32Array(n * dim);
    for (let i = 0; i < n; i++) {
      const z = scales.map((s) => s * rng.normal());
      for (let j = 0; j < dim; j++) {
        let v = 3 + 0.05 * rng.normal(); // an offset the centring must remove, plus small noise
        for (let r = 0; r < rank; r++) v += z[r] * basis[r * dim + j];
        x[i * dim + j] = v;
      }
    }
    const { projected, components } = await standardisingPca(x, n, dim, { gemm: jsGemm, components: 5, seed: 2, sampleRows: 300 });
    expect(components).toBe(5);
    const col = (k: number) => Float64Array.from({ length: n }, (_, i) => projected[i * components + k]);
    for (let k = 0; k < components; k++) {
      const c = col(k);
      const m = c.reduce((a, b) => a + b, 0) / n;
      const v = c.reduce((a, b) => a + (b - m) ** 2, 0) / n;
      expect(Math.abs(m)).toBeLessThan(1e-4);
      expect(v).toBeCloseTo(1, 3);
    }
    // The top 3 components span the signal: regressing x on them leaves only the noise.
    const c0 = col(0), c1 = col(1);
    const corr = c0.reduce((a, b, i) => a + b * c1[i], 0) / n;
    expect(Math.abs(corr)).toBeLessThan(0.1);
  });

  it('limits components to n − 1 and dim, and is deterministic', async () => {
    const rng = createRng(3);
    const x = Float32Array.from({ length: 10 * 4 }, () => rng.normal());
    const a = await standardisingPca(x, 10, 4, { gemm: jsGemm, seed: 1 });
    const b = await standardisingPca(x, 10, 4, { gemm: jsGemm, seed: 1 });
    expect(a.components).toBe(4);
    expect(a.projected).toEqual(b.projected);
  });

  it('gives each repeat the sketch its own seed would (the shared sample is only computed once)', async () => {
    const rng = createRng(4), n = 120, dim = 24;
    const x = Float32Array.from({ length: n * dim }, (_, i) => rng.normal() * (1 + (i % dim) / 4));
    const many = await standardisingPcas(x, n, dim, [5, 6, 7], { gemm: jsGemm, components: 8 });
    for (const [k, seed] of [5, 6, 7].entries()) {
      const one = await standardisingPca(x, n, dim, { gemm: jsGemm, components: 8, seed });
      expect(many[k].projected).toEqual(one.projected);
    }
    expect(many[0].projected).not.toEqual(many[1].projected); // each repeat keeps its own sketch
  });

  it('still finds the signal when the rows span fewer directions than it sketches', async () => {
    // Rank 3 in 40 dimensions, no noise: the sketch (10 + 10 directions) is rank-deficient.
    const n = 200, dim = 40, rng = createRng(8);
    const basis = Float64Array.from({ length: 3 * dim }, () => rng.normal());
    const x = new Float32Array(n * dim);
    for (let i = 0; i < n; i++) {
      const z = [4 * rng.normal(), 2 * rng.normal(), rng.normal()];
      for (let j = 0; j < dim; j++) x[i * dim + j] = 1 + z[0] * basis[j] + z[1] * basis[dim + j] + z[2] * basis[2 * dim + j];
    }
    const { projected, components } = await standardisingPca(x, n, dim, { gemm: jsGemm, components: 10, seed: 3 });
    expect(components).toBeGreaterThanOrEqual(3);
    expect(projected.every(Number.isFinite)).toBe(true);
    for (let k = 0; k < 3; k++) {
      let s2 = 0;
      for (let i = 0; i < n; i++) s2 += projected[i * components + k] ** 2;
      expect(s2 / n).toBeCloseTo(1, 3);
    }
  });
});
