// METRICS §2: near-duplicate sets are the connected components (size ≥ 2) of the kNN graph
// restricted to edges with distance < tau, plus exact duplicates (same content hash), which are
// always joined. Recomputing for a new tau only re-runs union-find over the cached graph:
// O(n·k), a few milliseconds, fast enough for a UI slider.
import { wilson } from './intervals.ts';
import type { KnnGraph } from './knn.ts';
import type { Estimate, NearDuplicateSet } from './report.ts';

export interface NearDuplicateResult {
  tau: number;
  sets: NearDuplicateSet[];
  /** Set id per row, or −1. */
  setIdPerRow: Int32Array;
  unvaried: Estimate;
  unoriginal: Estimate;
  unvariedRows: number;
  unoriginalRows: number;
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
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number) => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]]; // path halving
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a), rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (const g of groups) for (let t = 1; t < g.length; t++) union(g[0], g[t]);
  for (let i = 0; i < n; i++)
    for (let t = 0; t < k; t++) {
      const j = indices[i * k + t];
      if (j < 0 || !(distances[i * k + t] < tau)) break; // distances ascend within a row
      union(i, j);
    }

  // Edge distance range per component (exact duplicates count as distance 0).
  const minD = new Float64Array(n).fill(Infinity), maxD = new Float64Array(n).fill(-Infinity);
  const exact = new Uint8Array(n);
  for (const g of groups) {
    const r = find(g[0]);
    exact[r] = 1;
    minD[r] = 0;
    maxD[r] = Math.max(maxD[r], 0);
  }
  for (let i = 0; i < n; i++)
    for (let t = 0; t < k; t++) {
      const j = indices[i * k + t], d = distances[i * k + t];
      if (j < 0 || !(d < tau)) break;
      const r = find(i);
      if (d < minD[r]) minD[r] = d;
      if (d > maxD[r]) maxD[r] = d;
    }

  const size = new Int32Array(n), real = new Int32Array(n), synth = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = find(i);
    size[r]++;
    if (isSynthetic[i]) synth[r]++;
    else real[r]++;
  }
  // Set ids in order of each set's smallest row index: deterministic, stable across taus.
  const idOfRoot = new Int32Array(n).fill(-1), setIdPerRow = new Int32Array(n).fill(-1);
  const sets: NearDuplicateSet[] = [];
  let unvariedRows = 0, unoriginalRows = 0, nSynth = 0;
  for (let i = 0; i < n; i++) {
    if (isSynthetic[i]) nSynth++;
    const r = find(i);
    if (size[r] < 2) continue;
    if (idOfRoot[r] < 0) {
      idOfRoot[r] = sets.length;
      const kind = real[r] === 0 ? 'unvaried' : synth[r] === 0 ? 'real-only' : 'unoriginal';
      sets.push({ id: sets.length, members: [], hasReal: real[r] > 0, kind, minDistance: minD[r], maxDistance: maxD[r], exact: exact[r] === 1 });
    }
    const set = sets[idOfRoot[r]];
    set.members.push(i);
    setIdPerRow[i] = set.id;
    if (isSynthetic[i]) {
      // A mixed set counts only toward unoriginal, so unvaried + unoriginal ≤ 1.
      if (set.kind === 'unvaried') unvariedRows++;
      else if (set.kind === 'unoriginal') unoriginalRows++;
    }
  }
  return {
    tau,
    sets,
    setIdPerRow,
    unvaried: wilson(unvariedRows, nSynth),
    unoriginal: wilson(unoriginalRows, nSynth),
    unvariedRows,
    unoriginalRows,
    exactDuplicatePairs: exactPairs,
  };
}
