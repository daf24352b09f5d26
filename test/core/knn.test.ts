import { describe, expect, it } from 'vitest';
import { jsGemm } from '../../src/core/gemm.ts';
import { knnCosine, nearestDistance } from '../../src/core/knn.ts';
import { normaliseRows } from '../../src/core/normalise.ts';
import { gaussianCloud } from './helpers.ts';

function bruteForce(x: Float32Array, n: number, dim: number, k: number) {
  return Array.from({ length: n }, (_, i) => {
    const d: [number, number][] = [];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let s = 0;
      for (let t = 0; t < dim; t++) s += x[i * dim + t] * x[j * dim + t];
      d.push([Math.max(0, 1 - s), j]);
    }
    d.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return d.slice(0, k);
  });
}

describe('exact cosine kNN', () => {
  // undefined: the default blocks (1,100 rows: 3 blocks of 367, so the skipped tiles below the diagonal are exercised).
  it.each([[203, 16, 10, 37], [50, 8, 5, 2048], [64, 3, 4, 16], [1100, 8, 6, undefined]])('n=%i dim=%i k=%i blockRows=%s matches brute force', async (n, dim, k, blockRows) => {
    const x = normaliseRows(gaussianCloud(n, dim, n + dim), n, dim);
    const g = await knnCosine(x, n, dim, k, { gemm: jsGemm, blockRows });
    const ref = bruteForce(x, n, dim, k);
    for (let i = 0; i < n; i++) {
      for (let t = 0; t < k; t++) {
        expect(g.indices[i * k + t]).toBe(ref[i][t][1]);
        expect(g.distances[i * k + t]).toBeCloseTo(ref[i][t][0], 5);
      }
      for (let t = 1; t < k; t++) expect(g.distances[i * k + t]).toBeGreaterThanOrEqual(g.distances[i * k + t - 1]);
    }
  });

  it('excludes self, clamps duplicates to 0 and pads with −1 when k ≥ n', async () => {
    const x = normaliseRows(Float32Array.from([1, 0, 1, 0, 0, 1]), 3, 2);
    const g = await knnCosine(x, 3, 2, 4, { gemm: jsGemm, blockRows: 2 });
    expect(Array.from(g.indices.subarray(0, 4))).toEqual([1, 2, -1, -1]);
    expect(g.distances[0]).toBe(0);
    expect(g.distances[1]).toBeCloseTo(1, 6);
    expect(Array.from(g.indices.subarray(8, 12))).toEqual([0, 1, -1, -1]);
    expect(nearestDistance(g, 0)).toBe(0);
  });

  it('honours abort', async () => {
    const n = 100, dim = 4;
    const x = normaliseRows(gaussianCloud(n, dim, 1), n, dim);
    const ac = new AbortController();
    const run = knnCosine(x, n, dim, 3, { gemm: jsGemm, blockRows: 10, signal: ac.signal, onProgress: (e) => e.done === 2 && ac.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});
