// Candidate neighbours re-ranked by an exact distance (docs/metrics.md §2, copy signals): an exact
// cosine kNN over a cheap vector (a pixel thumbnail, hashed shingles) proposes each row's k
// candidates; the signal's own distance (shift-tolerant correlation, exact Jaccard) scores them.
// Memory stays that of the kNN graph: n×k, never n×n.
import type { KnnGraph } from './knn.ts';

export function refineGraph(candidates: KnnGraph, distance: (i: number, j: number) => number): KnnGraph {
  const { n, k } = candidates;
  const indices = new Int32Array(n * k).fill(-1);
  const distances = new Float32Array(n * k).fill(Infinity);
  const order: { j: number; d: number }[] = [];
  for (let i = 0; i < n; i++) {
    order.length = 0;
    for (let t = 0; t < k; t++) {
      const j = candidates.indices[i * k + t];
      if (j >= 0) order.push({ j, d: distance(i, j) });
    }
    // Ties keep the lower index, as knnCosine does.
    order.sort((a, b) => a.d - b.d || a.j - b.j);
    order.forEach((c, t) => {
      indices[i * k + t] = c.j;
      distances[i * k + t] = c.d;
    });
  }
  return { n, k, indices, distances };
}

/** Pairs (i < j) whose distance in the graph is below `threshold`, each once, with its distance. */
export function edgesBelow(graph: KnnGraph, threshold: number): { a: number; b: number; d: number }[] {
  const seen = new Set<number>();
  const out: { a: number; b: number; d: number }[] = [];
  for (let i = 0; i < graph.n; i++)
    for (let t = 0; t < graph.k; t++) {
      const j = graph.indices[i * graph.k + t], d = graph.distances[i * graph.k + t];
      if (j < 0 || !(d < threshold)) break; // ascending within a row
      const a = Math.min(i, j), b = Math.max(i, j), key = a * graph.n + b;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ a, b, d });
    }
  return out;
}
