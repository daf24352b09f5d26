// The one place near-duplicate *sets* are made (docs/metrics.md §2), whatever made the edges: kNN
// distance below tau (images, text), a copy signal (image thumbnails, text shingles), the all-columns rule (tables), or identical
// content. Sets are the connected components of size ≥ 2; a set with no real row is 'unvaried',
// one with real and synthetic rows 'unoriginal' (a mixed set counts only there, so
// unvaried + unoriginal ≤ 1), one with only real rows 'real-only'.
import { wilson } from './intervals.ts';
import type { Estimate, NearDuplicateSet } from '../report/schema.ts';

export class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    const p = this.parent;
    while (p[i] !== i) i = p[i] = p[p[i]]; // path halving
    return i;
  }
  /** Joins the two components; false when they were already one. The smaller root wins. */
  union(a: number, b: number): boolean {
    const ra = this.find(a), rb = this.find(b);
    if (ra === rb) return false;
    this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
    return true;
  }
}

/** An edge that joined two rows: its distance (null when the rule has none, e.g. the all-columns rule). */
export interface SetEdge {
  a: number;
  b: number;
  distance: number | null;
  exact?: boolean;
}

export interface DuplicateSets {
  sets: NearDuplicateSet[];
  /** Set id per row, or −1. */
  setIdPerRow: Int32Array;
  unvaried: Estimate;
  unoriginal: Estimate;
  unvariedRows: number;
  unoriginalRows: number;
}

/** `uf` already holds every union; `edges` give each set its distance range and exact flag. */
export function collectSets(uf: UnionFind, n: number, isSynthetic: ArrayLike<number>, edges: Iterable<SetEdge>): DuplicateSets {
  const minD = new Float64Array(n).fill(Infinity), maxD = new Float64Array(n).fill(-Infinity);
  const exact = new Uint8Array(n);
  for (const e of edges) {
    const r = uf.find(e.a);
    if (e.exact) exact[r] = 1;
    const d = e.exact ? 0 : e.distance;
    if (d === null) continue;
    if (d < minD[r]) minD[r] = d;
    if (d > maxD[r]) maxD[r] = d;
  }
  const size = new Int32Array(n), real = new Int32Array(n), synth = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = uf.find(i);
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
    const r = uf.find(i);
    if (size[r] < 2) continue;
    if (idOfRoot[r] < 0) {
      idOfRoot[r] = sets.length;
      const kind = real[r] === 0 ? 'unvaried' : synth[r] === 0 ? 'real-only' : 'unoriginal';
      // A set joined only by edges without a distance reports its range as 0…0.
      const [lo, hi] = Number.isFinite(minD[r]) ? [minD[r], maxD[r]] : [0, 0];
      sets.push({ id: sets.length, members: [], hasReal: real[r] > 0, kind, minDistance: lo, maxDistance: hi, exact: exact[r] === 1 });
    }
    const set = sets[idOfRoot[r]];
    set.members.push(i);
    setIdPerRow[i] = set.id;
    if (isSynthetic[i]) {
      if (set.kind === 'unvaried') unvariedRows++;
      else if (set.kind === 'unoriginal') unoriginalRows++;
    }
  }
  return { sets, setIdPerRow, unvaried: wilson(unvariedRows, nSynth), unoriginal: wilson(unoriginalRows, nSynth), unvariedRows, unoriginalRows };
}
