// docs/metrics.md §2: near-duplicate sets are the connected components (size ≥ 2) of three kinds of
// edge: exact duplicates (same content hash), always; the embedding's kNN edges with cosine
// distance < tau; and the modality's copy signal (pixel thumbnails, character shingles), whose
// edges are fixed by its own calibrated threshold. Each joined pair keeps its reason and both
// signals' values. A new tau only re-runs union-find over the cached graph: O(n·k), milliseconds,
// fast enough for a UI slider.
import { collectSets, UnionFind, type DuplicateSets } from './duplicate-sets.ts';
import type { KnnGraph } from './knn.ts';
import type { NearDuplicatePair, PairReason } from '../report/schema.ts';
export type { NearDuplicatePair, PairReason };

export interface NearDuplicateResult extends DuplicateSets {
  tau: number;
  exactDuplicatePairs: number;
  /** Every pair that joined a set, with its reason and both signals' values where known. */
  pairs: NearDuplicatePair[];
  /** Synthetic rows in sets per reason (a row can count under several). */
  reasonCounts: Record<PairReason, number>;
}

/** An edge of the copy signal: its distance (1 − similarity of that signal). */
export interface CopyEdge {
  a: number;
  b: number;
  copyDistance: number;
}

export interface FinderOptions {
  /** Copy-signal edges, fixed whatever tau is. */
  copyEdges?: readonly CopyEdge[];
  /** Fill in the embedding distance of a pair the copy signal joined. */
  embeddingDistance?: (i: number, j: number) => number;
  /** Fill in the copy distance of a pair the embedding joined. */
  copyDistance?: (i: number, j: number) => number;
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

const EMPTY_COUNTS = (): Record<PairReason, number> => ({ exact: 0, embedding: 0, copy: 0, 'embedding+copy': 0 });

/** Prepare once per graph; call the returned function for each tau. */
export function makeNearDuplicateFinder(
  graph: KnnGraph,
  isSynthetic: ArrayLike<number>,
  hashes: readonly (string | null | undefined)[],
  opts: FinderOptions = {},
): (tau: number) => NearDuplicateResult {
  const { n } = graph;
  const groups = exactDuplicateGroups(hashes);
  const exactPairs = groups.reduce((s, g) => s + (g.length * (g.length - 1)) / 2, 0);
  // Exact and copy pairs do not depend on tau: made once.
  const fixed = new Map<number, NearDuplicatePair>();
  for (const g of groups) for (let t = 1; t < g.length; t++) fixed.set(g[0] * n + g[t], { a: g[0], b: g[t], reason: 'exact', distance: 0, copyDistance: 0 });
  for (const e of opts.copyEdges ?? []) {
    const a = Math.min(e.a, e.b), b = Math.max(e.a, e.b), key = a * n + b;
    if (!fixed.has(key)) fixed.set(key, { a, b, reason: 'copy', distance: null, copyDistance: e.copyDistance });
  }

  return (tau: number) => {
    const pairs = new Map<number, NearDuplicatePair>();
    for (const [key, p] of fixed) pairs.set(key, { ...p });
    for (let i = 0; i < n; i++)
      for (let t = 0; t < graph.k; t++) {
        const j = graph.indices[i * graph.k + t], d = graph.distances[i * graph.k + t];
        if (j < 0 || !(d < tau)) break; // distances ascend within a row
        const a = Math.min(i, j), b = Math.max(i, j), key = a * n + b;
        const p = pairs.get(key);
        if (!p) pairs.set(key, { a, b, reason: 'embedding', distance: d, copyDistance: null });
        else if (p.reason === 'copy') Object.assign(p, { reason: 'embedding+copy', distance: d });
      }
    const list = [...pairs.values()].sort((p, q) => p.a - q.a || p.b - q.b);
    for (const p of list) {
      if (p.distance === null && opts.embeddingDistance) p.distance = opts.embeddingDistance(p.a, p.b);
      if (p.copyDistance === null && opts.copyDistance) p.copyDistance = opts.copyDistance(p.a, p.b);
    }
    const uf = new UnionFind(n);
    for (const p of list) uf.union(p.a, p.b);
    const sets = collectSets(uf, n, isSynthetic, list.map((p) => ({ a: p.a, b: p.b, distance: p.distance, exact: p.reason === "exact" })));
    return { tau, ...sets, exactDuplicatePairs: exactPairs, pairs: list, reasonCounts: reasonCounts(list, isSynthetic) };
  };
}

export function findNearDuplicates(graph: KnnGraph, isSynthetic: ArrayLike<number>, hashes: readonly (string | null | undefined)[], tau: number, opts?: FinderOptions): NearDuplicateResult {
  return makeNearDuplicateFinder(graph, isSynthetic, hashes, opts)(tau);
}

function reasonCounts(pairs: readonly NearDuplicatePair[], isSynthetic: ArrayLike<number>): Record<PairReason, number> {
  const out = EMPTY_COUNTS();
  const counted = new Set<string>();
  for (const p of pairs)
    for (const i of [p.a, p.b])
      if (isSynthetic[i] && !counted.has(`${i}:${p.reason}`)) {
        counted.add(`${i}:${p.reason}`);
        out[p.reason]++;
      }
  return out;
}
