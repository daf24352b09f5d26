// Candidate neighbours re-ranked by an exact distance (docs/metrics.md §2, copy signals): an exact
// cosine kNN over a cheap vector (a pixel thumbnail, hashed shingles) proposes each row's k
// candidates; the signal's own distance (shift-tolerant correlation, exact Jaccard) scores them.
// Memory stays that of the kNN graph: n×k, never n×n.
import type { KnnGraph } from './knn.ts';

export function refineGraph(candidates: KnnGraph, distance: (i: number, j: number) => number): KnnGraph {
  const { n, k } = candidates, cand = candidates.indices;
  const indices = new Int32Array(n * k).fill(-1);
  const distances = new Float32Array(n * k).fill(Infinity);
  // Each candidate's distance in candidate order; a pair listed by both rows is measured once, as
  // the distance is symmetric to the bit (CopySignal.distance): about a third of kNN pairs are mutual.
  const raw = new Float64Array(n * k);
  const js = new Int32Array(k), ds = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    let m = 0, finite = true;
    for (let t = 0; t < k; t++) {
      const j = cand[i * k + t];
      if (j < 0) continue;
      let d = NaN, found = false;
      if (j < i)
        for (let u = 0; u < k; u++)
          if (cand[j * k + u] === i) {
            d = raw[j * k + u];
            found = true;
            break;
          }
      if (!found) d = distance(i, j);
      raw[i * k + t] = d;
      if (!Number.isFinite(d)) finite = false;
      // Insertion by (distance, index): ties keep the lower index, as knnCosine does.
      let s = m++;
      while (s > 0 && (d < ds[s - 1] || (d === ds[s - 1] && j < js[s - 1]))) {
        ds[s] = ds[s - 1];
        js[s] = js[s - 1];
        s--;
      }
      ds[s] = d;
      js[s] = j;
    }
    if (!finite) m = sortAsBefore(cand.subarray(i * k, (i + 1) * k), raw.subarray(i * k, (i + 1) * k), js, ds);
    for (let t = 0; t < m; t++) {
      indices[i * k + t] = js[t];
      distances[i * k + t] = ds[t];
    }
  }
  return { n, k, indices, distances };
}

/**
 * A row with NaN or ±Infinity distances is ordered exactly as Array.prototype.sort orders its
 * candidates with the comparator (a.d − b.d || a.j − b.j), which is no total order there (NaN − x
 * is NaN, then indices decide), so the insertion above could disagree with it. Returns the count.
 */
function sortAsBefore(cand: Int32Array, raw: Float64Array, js: Int32Array, ds: Float64Array): number {
  const order: { j: number; d: number }[] = [];
  cand.forEach((j, t) => {
    if (j >= 0) order.push({ j, d: raw[t] });
  });
  order.sort((a, b) => a.d - b.d || a.j - b.j);
  order.forEach((c, t) => {
    js[t] = c.j;
    ds[t] = c.d;
  });
  return order.length;
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
