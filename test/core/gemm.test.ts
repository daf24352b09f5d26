import { describe, expect, it } from 'vitest';
import { jsGemm, transpose } from '../../src/core/gemm.ts';
import { gaussianCloud } from './helpers.ts';

describe('jsGemm computes a·bᵀ', () => {
  it.each([[1, 1, 1], [7, 5, 3], [70, 131, 33]])('%i×%i rows, dim %i, against the naive product', async (ar, br, dim) => {
    const a = gaussianCloud(ar, dim, 1), b = gaussianCloud(br, dim, 2);
    const c = await jsGemm(a, ar, b, br, dim);
    expect(c.length).toBe(ar * br);
    for (let i = 0; i < ar; i++)
      for (let j = 0; j < br; j++) {
        let s = 0;
        for (let t = 0; t < dim; t++) s += a[i * dim + t] * b[j * dim + t];
        expect(c[i * br + j]).toBeCloseTo(s, 3);
      }
  });

  it('accepts subarray views', async () => {
    const x = gaussianCloud(10, 4, 3);
    const c = await jsGemm(x.subarray(8, 16), 2, x.subarray(0, 4), 1, 4);
    const d = await jsGemm(x.slice(8, 16), 2, x.slice(0, 4), 1, 4);
    expect(Array.from(c)).toEqual(Array.from(d));
  });

  it('transpose', () => {
    expect(Array.from(transpose(Float32Array.from([1, 2, 3, 4, 5, 6]), 2, 3))).toEqual([1, 4, 2, 5, 3, 6]);
  });
});
