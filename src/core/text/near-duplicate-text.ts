// Near-duplicate sets for text: the connected components (size ≥ 2) of the union of three edge
// kinds: exact duplicates (same content hash), kNN edges with cosine distance < tau ('embedding'),
// and MinHash edges with character-5-gram Jaccard ≥ 0.8 ('minhash'). Set kinds and the
// unvaried/unoriginal counts follow METRICS §2 exactly as near-duplicates.ts does for one edge kind
// (a mixed set counts only toward unoriginal). Each joined pair keeps its reason.
import { wilson } from '../intervals.ts';
import type { KnnGraph } from '../knn.ts';
import { exactDuplicateGroups, type NearDuplicateResult } from '../near-duplicates.ts';
import type { NearDuplicateSet } from '../report.ts';
import type { MinHashPair } from './minhash.ts';

export type PairReason = 'exact' | 'embedding' | 'minhash' | 'embedding+minhash';

export interface TextPair {
  a: number;
  b: number;
  reason: PairReason;
  /** Cosine distance when known from the kNN graph, else null. */
  distance: number | null;
  /** Character-5-gram Jaccard when it made a MinHash edge, else null. */
  jaccard: number | null;
}

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

  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number) => { while (parent[i] !== i) i = parent[i] = parent[parent[i]]; return i; };
  for (const p of pairs) {
    const ra = find(p.a), rb = find(p.b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const minD = new Float64Array(n).fill(Infinity), maxD = new Float64Array(n).fill(-Infinity), exact = new Uint8Array(n);
  for (const p of pairs) {
    const r = find(p.a);
    if (p.reason === 'exact') exact[r] = 1;
    const d = p.reason === 'exact' ? 0 : p.distance;
    if (d !== null) { minD[r] = Math.min(minD[r], d); maxD[r] = Math.max(maxD[r], d); }
  }
  const size = new Int32Array(n), real = new Int32Array(n), synth = new Int32Array(n);
  for (let i = 0; i < n; i++) { const r = find(i); size[r]++; if (isSynthetic[i]) synth[r]++; else real[r]++; }
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
      // A set joined only by MinHash edges has no embedding distance: its range is reported as 0…0.
      sets.push({ id: sets.length, members: [], hasReal: real[r] > 0, kind, minDistance: Number.isFinite(minD[r]) ? minD[r] : 0, maxDistance: Number.isFinite(maxD[r]) ? maxD[r] : 0, exact: exact[r] === 1 });
    }
    const set = sets[idOfRoot[r]];
    set.members.push(i);
    setIdPerRow[i] = set.id;
    if (isSynthetic[i]) {
      if (set.kind === 'unvaried') unvariedRows++;
      else if (set.kind === 'unoriginal') unoriginalRows++;
    }
  }
  const reasonCounts: Record<PairReason, number> = { exact: 0, embedding: 0, minhash: 0, 'embedding+minhash': 0 };
  const counted = new Set<string>();
  for (const p of pairs)
    for (const i of [p.a, p.b])
      if (isSynthetic[i] && !counted.has(`${i}:${p.reason}`)) { counted.add(`${i}:${p.reason}`); reasonCounts[p.reason]++; }
  const exactPairs = groups.reduce((s, g) => s + (g.length * (g.length - 1)) / 2, 0);
  return {
    tau, sets, setIdPerRow,
    unvaried: wilson(unvariedRows, nSynth), unoriginal: wilson(unoriginalRows, nSynth),
    unvariedRows, unoriginalRows, exactDuplicatePairs: exactPairs, pairs, reasonCounts,
  };
}
