import { describe, expect, it } from 'vitest';
import { jsGemm } from '../../src/core/gemm.ts';
import { knnCosine, nearestDistance, type KnnPrefix } from '../../src/core/knn.ts';
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

  // The prompt loop: one real set against one synthetic set after another. The real rows' graph among
  // themselves, kept from the first analysis, must give every later one the graph it would compute.
  it.each([[300, 210, undefined], [97, 150, 40], [500, 20, 64]])('a kept prefix of %i shared rows (then %i others, blockRows=%s) gives the same graph', async (p, m, blockRows) => {
    const dim = 12, k = 7;
    const shared = gaussianCloud(p, dim, 5);
    const rowsWith = (seed: number) => normaliseRows(Float32Array.from([...shared, ...gaussianCloud(m, dim, seed)]), p + m, dim);
    let kept: KnnPrefix | undefined;
    const first = rowsWith(6);
    const g1 = await knnCosine(first, p + m, dim, k, { gemm: jsGemm, blockRows, prefixRows: p, onPrefix: (q) => { kept = q; } });
    expect(kept?.rows).toBe(p);
    const plain1 = await knnCosine(first, p + m, dim, k, { gemm: jsGemm, blockRows });
    expect(Array.from(g1.indices)).toEqual(Array.from(plain1.indices));
    // Another synthetic set: only the tiles touching it are computed, the prefix's come from `kept`.
    const second = rowsWith(7);
    let products = 0;
    const counted: typeof jsGemm = (a, ar, b, br, d) => { products += ar * br; return jsGemm(a, ar, b, br, d); };
    await knnCosine(second, p + m, dim, k, { gemm: counted, blockRows, prefixRows: p });
    const withoutPrefix = products;
    products = 0;
    const g2 = await knnCosine(second, p + m, dim, k, { gemm: counted, blockRows, prefixRows: p, prefix: kept });
    const ref = bruteForce(second, p + m, dim, k);
    for (let i = 0; i < p + m; i++) for (let t = 0; t < k; t++) {
      expect(g2.indices[i * k + t]).toBe(ref[i][t][1]);
      expect(g2.distances[i * k + t]).toBeCloseTo(ref[i][t][0], 5);
    }
    expect(products).toBeLessThanOrEqual(withoutPrefix - (p * p) / 2);
    // A prefix of other rows or another k is not taken.
    const other = await knnCosine(second, p + m, dim, k - 1, { gemm: jsGemm, blockRows, prefixRows: p, prefix: kept });
    expect(other.indices[0]).toBe(ref[0][0][1]);
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
