import { describe, expect, it } from 'vitest';
import { jsGemm } from '../../../src/core/gemm.ts';
import { allRows, moments } from '../../../src/core/panel/moments.ts';
import { vendiFromEigenvalues, vendiFromKernel, vendiFromMoments } from '../../../src/core/panel/vendi.ts';
import { sphereCloud } from './clouds.ts';

const basis = (n: number, dim: number, rowsOf: (i: number) => number) => {
  const x = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) x[i * dim + rowsOf(i)] = 1;
  return x;
};

describe('Vendi score', () => {
  it('is 1 for n copies of one row and n for n orthogonal rows, by either route', async () => {
    const dim = 8;
    expect(await vendiFromKernel(basis(5, dim, () => 3), dim, jsGemm)).toBeCloseTo(1, 10);
    expect(await vendiFromKernel(basis(5, dim, (i) => i), dim, jsGemm)).toBeCloseTo(5, 10);
    expect(vendiFromMoments(await moments(basis(40, dim, () => 2), dim, jsGemm, allRows(40)))).toBeCloseTo(1, 6);
    expect(vendiFromMoments(await moments(basis(8, dim, (i) => i), dim, jsGemm, allRows(8)))).toBeCloseTo(8, 6);
  });

  it('gives exp(H(2/3, 1/3)) for {e1, e1, e2}, worked by hand', async () => {
    // K/3 = [[1,1,0],[1,1,0],[0,0,1]]/3: eigenvalues 2/3, 1/3, 0.
    const expected = Math.exp(-((2 / 3) * Math.log(2 / 3) + (1 / 3) * Math.log(1 / 3)));
    expect(await vendiFromKernel(basis(3, 4, (i) => (i < 2 ? 0 : 1)), 4, jsGemm)).toBeCloseTo(expected, 10);
    expect(vendiFromEigenvalues([0.5, 0.5, 0, -1e-18])).toBeCloseTo(2, 12);
  });

  it('agrees between the kernel (n×n) and covariance (d×d) routes, and falls with repeats', async () => {
    const dim = 12, n = 200;
    const x = sphereCloud(n, dim, 1);
    const viaKernel = await vendiFromKernel(x, dim, jsGemm);
    const viaMoments = vendiFromMoments(await moments(x, dim, jsGemm, allRows(n)));
    expect(viaMoments).toBeCloseTo(viaKernel, 4);
    // 20 distinct rows, each repeated 10 times: fewer distinct items, lower score.
    const repeats = Float32Array.from({ length: n * dim }, (_, t) => x[(Math.floor(t / dim) % 20) * dim + (t % dim)]);
    expect(await vendiFromKernel(repeats, dim, jsGemm)).toBeLessThan(viaKernel);
  });
});
