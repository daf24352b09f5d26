// Near-duplicate sets for text: the connected components (size ≥ 2) of the union of three edge
// kinds: exact duplicates (same content hash), kNN edges with cosine distance < tau ('embedding'),
// and MinHash edges with character-5-gram Jaccard ≥ 0.8 ('minhash'). Set kinds and the
// unvaried/unoriginal counts follow docs/metrics.md §2 exactly as near-duplicates.ts does for one edge kind
// (a mixed set counts only toward unoriginal). Each joined pair keeps its reason.
import { collectSets, UnionFind } from '../duplicate-sets.ts';
import type { KnnGraph } from '../knn.ts';
import { exactDuplicateGroups, type NearDuplicateResult } from '../near-duplicates.ts';
import type { MinHashPair } from './minhash.ts';
// Output types that go into the report as they are: declared once, in the report's schema.
import type { PairReason, TextPair } from '../../report/schema.ts';
export type { PairReason, TextPair };

export interface TextNearDuplicateResult extends NearDuplicateResult {
  pairs: TextPair[];
  /** Rows per reason among synthetic rows in sets (a row can be joined for several reasons). */
  reasonCounts: Record<PairReason, number>;
}

export function textNearDuplicates(
  graph: KnnGraph, isSynthetic: Uint8Array, hashes: readonly (string | null | undefined)[],
  minhash: readonly MinHashPair[], tau: number,
): TextNearDuplicateResult {
  const n = graph.n;
  const edges = new Map<number, TextPair>();
  const edge = (i: number, j: number, reason: 'exact' | 'embedding' | 'minhash', d: number | null, jac: number | null) => {
    const a = Math.min(i, j), b = Math.max(i, j), key = a * n + b;
    const e = edges.get(key);
    if (!e) return void edges.set(key, { a, b, reason, distance: d, jaccard: jac });
    if (d !== null) e.distance = d;
    if (jac !== null) e.jaccard = jac;
    if (e.reason === 'exact' || reason === 'exact') e.reason = 'exact';
    else if (e.reason !== reason) e.reason = 'embedding+minhash';
  };
  const groups = exactDuplicateGroups(hashes);
  for (const g of groups) for (let t = 1; t < g.length; t++) edge(g[0], g[t], 'exact', 0, 1);
  for (let i = 0; i < n; i++)
    for (let t = 0; t < graph.k; t++) {
      const j = graph.indices[i * graph.k + t], d = graph.distances[i * graph.k + t];
      if (j < 0 || !(d < tau)) break;
      edge(i, j, 'embedding', d, null);
    }
  for (const p of minhash) edge(p.a, p.b, 'minhash', null, p.jaccard);
  const pairs = [...edges.values()].sort((p, q) => p.a - q.a || p.b - q.b);

  const uf = new UnionFind(n);
  for (const p of pairs) uf.union(p.a, p.b);
  const sets = collectSets(uf, n, isSynthetic, pairs.map((p) => ({ a: p.a, b: p.b, distance: p.distance, exact: p.reason === 'exact' })));
  const reasonCounts: Record<PairReason, number> = { exact: 0, embedding: 0, minhash: 0, 'embedding+minhash': 0 };
  const counted = new Set<string>();
  for (const p of pairs)
    for (const i of [p.a, p.b])
      if (isSynthetic[i] && !counted.has(`${i}:${p.reason}`)) { counted.add(`${i}:${p.reason}`); reasonCounts[p.reason]++; }
  const exactPairs = groups.reduce((s, g) => s + (g.length * (g.length - 1)) / 2, 0);
  return { tau, ...sets, exactDuplicatePairs: exactPairs, pairs, reasonCounts };
}
