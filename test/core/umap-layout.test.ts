import { UMAP } from 'umap-js';
import { describe, expect, it } from 'vitest';
import { jsGemm } from '../../src/core/gemm.ts';
import { knnCosine } from '../../src/core/knn.ts';
import { normaliseRows } from '../../src/core/normalise.ts';
import { createRng } from '../../src/core/random.ts';
import { UmapLayout } from '../../src/core/umap-layout.ts';

/** Three noisy clusters of unit vectors, with exact duplicates (zero distances) in the first. */
function points(n: number, dim: number) {
  const rng = createRng(5);
  const v = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    if (i % 10 === 1) { v.copyWithin(i * dim, (i - 1) * dim, i * dim); continue; }
    for (let d = 0; d < dim; d++) v[i * dim + d] = (d === i % 3 ? 3 : 0) + rng.normal();
  }
  normaliseRows(v, n, dim);
  return v;
}

describe('UmapLayout', () => {
  it('is bit-identical to umap-js fitting the same precomputed kNN graph with the same random stream', async () => {
    for (const [n, nEpochs] of [[300, 400], [40, 50]] as const) {
      const dim = 8, k = 15;
      const g = await knnCosine(points(n, dim), n, dim, k, { gemm: jsGemm });
      const idx = Array.from({ length: n }, (_, i) => Array.from(g.indices.subarray(i * k, (i + 1) * k)));
      const dist = Array.from({ length: n }, (_, i) => Array.from(g.distances.subarray(i * k, (i + 1) * k)));
      const r1 = createRng(9), r2 = createRng(9);
      const ref = new UMAP({ nComponents: 2, nNeighbors: k, minDist: 0.1, random: () => r1.next(), nEpochs });
      ref.setPrecomputedKNN(idx, dist);
      const epochs = ref.initializeFit(Array.from({ length: n }, () => [0]));
      for (let e = 0; e < epochs; e++) ref.step();
      const ours = new UmapLayout({ n, k, indices: g.indices, distances: Float64Array.from(g.distances), minDist: 0.1, random: () => r2.next(), nEpochs });
      for (let e = 0; e < ours.nEpochs; e++) ours.step();
      expect(ours.nEpochs).toBe(epochs);
      expect(Array.from(ours.embedding)).toEqual(ref.getEmbedding().flat());
      expect(r2.next()).toBe(r1.next()); // the same number of draws
    }
  });
});
