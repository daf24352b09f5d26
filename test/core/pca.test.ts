import { describe, expect, it } from 'vitest';
import { jsGemm } from '../../src/core/gemm.ts';
import { standardisingPca } from '../../src/core/pca.ts';
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
});
