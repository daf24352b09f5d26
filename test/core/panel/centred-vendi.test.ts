// The panel's Vendi score is computed on rows centred on their set's mean (src/core/panel/index.ts,
// docs/panel.md): embeddings share one large direction, and the paper's un-centred cosine kernel
// then scores every set about the same and cannot see repeats.
import { describe, expect, it } from 'vitest';
import { jsGemm } from '../../../src/core/gemm.ts';
import { computePanel } from '../../../src/core/panel/index.ts';
import { vendiFromKernel } from '../../../src/core/panel/vendi.ts';
import { sphereCloud } from './clouds.ts';

const repeatRows = (x: Float32Array, dim: number, distinct: number) =>
  Float32Array.from({ length: x.length }, (_, t) => x[(Math.floor(t / dim) % distinct) * dim + (t % dim)]);

describe('the panel’s Vendi score', () => {
  it('falls with repeats even when every row shares one direction (mean cosine ≈ 0.9)', async () => {
    for (const [n, dim] of [[120, 32], [40, 64]]) { // the covariance route (n ≥ dim) and the kernel route
      const real = sphereCloud(n, dim, 1, 0, 0.06), fresh = sphereCloud(n, dim, 2, 0, 0.06);
      const repeats = repeatRows(sphereCloud(n, dim, 3, 0, 0.06), dim, 10);
      const p = (s: Float32Array) => computePanel({ real, synthetic: s, dim, gemm: jsGemm, resamples: 0 });
      const [f, r] = [await p(fresh), await p(repeats)];
      // The un-centred kernel barely tells them apart (the shared direction dominates it) ...
      expect(await vendiFromKernel(fresh, dim, jsGemm)).toBeLessThan(1.5 * (await vendiFromKernel(repeats, dim, jsGemm)));
      // ... the centred score sees ten distinct rows among n.
      expect(r.vendi.value).toBeLessThan(10.5);
      expect(f.vendi.value).toBeGreaterThan(2 * r.vendi.value);
      expect(f.vendiReal.value / f.vendi.value).toBeGreaterThan(0.8);
    }
  });

  it('is 1 for copies of one row, and n − 1 for n rows at equal distances', async () => {
    const dim = 16, one = repeatRows(sphereCloud(20, dim, 4), dim, 1);
    const p = await computePanel({ real: sphereCloud(40, dim, 5), synthetic: one, dim, gemm: jsGemm, resamples: 0 });
    expect(p.vendi.value).toBe(1);
    // 12 orthonormal rows (a simplex once centred): 11 equal directions of spread.
    const basis = Float32Array.from({ length: 12 * dim }, (_, t) => (t % dim === Math.floor(t / dim) ? 1 : 0));
    const q = await computePanel({ real: sphereCloud(40, dim, 5), synthetic: basis, dim, gemm: jsGemm, resamples: 0 });
    expect(q.vendi.value).toBeCloseTo(11, 4);
  });
});
