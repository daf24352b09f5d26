// docs/metrics.md §2: near-duplicate sets are the connected components (size ≥ 2) of the kNN graph
// restricted to edges with distance < tau, plus exact duplicates (same content hash), which are
// always joined. Recomputing for a new tau only re-runs union-find over the cached graph:
// O(n·k), a few milliseconds, fast enough for a UI slider.
import { collectSets, UnionFind, type DuplicateSets, type SetEdge } from './duplicate-sets.ts';
import type { KnnGraph } from './knn.ts';

export interface NearDuplicateResult extends DuplicateSets {
  tau: number;
  exactDuplicatePairs: number;
}

/** Cleanlab's relative rule: 0.13 × the median nearest-neighbour distance. */
export function relativeThreshold(graph: KnnGraph): number {
  const d: number[] = [];
  for (let i = 0; i < graph.n; i++) if (graph.k > 0 && graph.indices[i * graph.k] >= 0) d.push(graph.distances[i * graph.k]);
  if (d.length === 0) return 0;
  d.sort((a, b) => a - b);
  const mid = d.length >> 1;
  const median = d.length % 2 ? d[mid] : 0.5 * (d[mid - 1] + d[mid]);
  return 0.13 * median;
}

/** Groups of rows sharing a non-empty content hash (size ≥ 2). */
export function exactDuplicateGroups(hashes: readonly (string | null | undefined)[]): number[][] {
  const byHash = new Map<string, number[]>();
  hashes.forEach((h, i) => {
    if (!h) return;
    const g = byHash.get(h);
    if (g) g.push(i);
    else byHash.set(h, [i]);
  });
  return [...byHash.values()].filter((g) => g.length > 1);
}

/** Prepare once per graph; call the returned function for each tau. */
export function makeNearDuplicateFinder(graph: KnnGraph, isSynthetic: Uint8Array, hashes: readonly (string | null | undefined)[]) {
  const groups = exactDuplicateGroups(hashes);
  const exactPairs = groups.reduce((s, g) => s + (g.length * (g.length - 1)) / 2, 0);
  return (tau: number) => nearDuplicates(graph, isSynthetic, groups, exactPairs, tau);
}

export function findNearDuplicates(graph: KnnGraph, isSynthetic: Uint8Array, hashes: readonly (string | null | undefined)[], tau: number): NearDuplicateResult {
  return makeNearDuplicateFinder(graph, isSynthetic, hashes)(tau);
}

function nearDuplicates(graph: KnnGraph, isSynthetic: Uint8Array, groups: number[][], exactPairs: number, tau: number): NearDuplicateResult {
  const { n, k, indices, distances } = graph;
  const uf = new UnionFind(n);
  const edges: SetEdge[] = [];
  for (const g of groups)
    for (let t = 1; t < g.length; t++) {
      uf.union(g[0], g[t]);
      edges.push({ a: g[0], b: g[t], distance: 0, exact: true });
    }
  for (let i = 0; i < n; i++)
    for (let t = 0; t < k; t++) {
      const j = indices[i * k + t], d = distances[i * k + t];
      if (j < 0 || !(d < tau)) break; // distances ascend within a row
      uf.union(i, j);
      edges.push({ a: i, b: j, distance: d });
    }
  return { tau, ...collectSets(uf, n, isSynthetic, edges), exactDuplicatePairs: exactPairs };
}
