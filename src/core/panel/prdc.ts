// Precision, recall, density and coverage (Naeem et al. 2020, as the reference `prdc` package
// computes them, k = 5). Rows are unit-norm, so Euclidean distance is ‖x − y‖ = √(2 − 2·x·y), a
// monotone function of the cosine distance 1 − x·y: every "inside the k-NN ball" test gives the
// same answer in either, and we test in cosine distance, the one core/knn.ts already returns.
//   radius r_i  = distance from real row i to its k-th nearest other real row (s_j: synthetic)
//   precision   = (1/M) Σ_j 1[∃ i: d(Y_j, X_i) < r_i]
//   recall      = (1/N) Σ_i 1[∃ j: d(X_i, Y_j) < s_j]
//   density     = (1/kM) Σ_j Σ_i 1[d(Y_j, X_i) < r_i]
//   coverage    = (1/N) Σ_i 1[min_j d(X_i, Y_j) < r_i]
// (strict '<', as prdc). One tiled pass over the real×synthetic similarities serves all four,
// and also records each synthetic row's nearest real row (authenticity, DCR).
import type { AbortSignalLike } from '../errors.ts';
import type { Gemm } from '../gemm.ts';
import type { KnnGraph } from '../knn.ts';
import { cosineDistance, forEachTile } from './tiles.ts';

/** The k-th nearest-neighbour distance of each row (prdc's radius), from a within-set graph. */
export function kthDistances(graph: KnnGraph, k: number): Float32Array {
  if (graph.k < k) throw new Error(`A radius at k = ${k} needs a graph with at least k neighbours (it has ${graph.k}).`);
  return Float32Array.from({ length: graph.n }, (_, i) => graph.distances[i * graph.k + k - 1]);
}

export interface CrossPass {
  /** Per synthetic row: how many real balls hold it (density's numerator; precision: > 0). */
  inRealBalls: Uint32Array;
  /** Per real row: some synthetic row lies inside its ball (coverage). */
  covered: Uint8Array;
  /** Per real row: it lies inside some synthetic row's ball (recall). */
  recalled: Uint8Array;
  /** Per synthetic row: cosine similarity to its nearest real row, and that row's index. */
  nearestRealSimilarity: Float32Array;
  nearestRealIndex: Int32Array;
}

export async function crossPass(
  real: Float32Array,
  synthetic: Float32Array,
  dim: number,
  realRadius: Float32Array,
  syntheticRadius: Float32Array,
  gemm: Gemm,
  signal?: AbortSignalLike,
): Promise<CrossPass> {
  const nr = real.length / dim, ns = synthetic.length / dim;
  const out: CrossPass = {
    inRealBalls: new Uint32Array(ns),
    covered: new Uint8Array(nr),
    recalled: new Uint8Array(nr),
    nearestRealSimilarity: new Float32Array(ns).fill(-Infinity),
    nearestRealIndex: new Int32Array(ns).fill(-1),
  };
  const { inRealBalls, covered, recalled, nearestRealSimilarity: best, nearestRealIndex: bestAt } = out;
  await forEachTile(synthetic, real, dim, gemm, (tile, j0, sRows, i0, rRows) => {
    for (let j = 0; j < sRows; j++) {
      const sj = j0 + j, rs = syntheticRadius[sj], o = j * rRows;
      let count = 0, b = best[sj], at = bestAt[sj];
      for (let i = 0; i < rRows; i++) {
        const s = tile[o + i], ri = i0 + i, d = cosineDistance(s);
        if (d < realRadius[ri]) {
          count++;
          covered[ri] = 1;
        }
        if (d < rs) recalled[ri] = 1;
        if (s > b) {
          b = s;
          at = ri;
        }
      }
      inRealBalls[sj] += count;
      best[sj] = b;
      bestAt[sj] = at;
    }
  }, { signal });
  return out;
}

export interface PrdcValues {
  precision: number;
  recall: number;
  density: number;
  coverage: number;
}

export function prdcFromPass(pass: CrossPass, k: number): PrdcValues {
  const ns = pass.inRealBalls.length, nr = pass.covered.length;
  let inside = 0, balls = 0, covered = 0, recalled = 0;
  for (let j = 0; j < ns; j++) {
    if (pass.inRealBalls[j] > 0) inside++;
    balls += pass.inRealBalls[j];
  }
  for (let i = 0; i < nr; i++) {
    covered += pass.covered[i];
    recalled += pass.recalled[i];
  }
  return { precision: inside / ns, recall: recalled / nr, density: balls / (k * ns), coverage: covered / nr };
}
