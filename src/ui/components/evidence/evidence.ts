// Pure helpers behind the evidence galleries: the rankings of METRICS §1 and the near-duplicate
// sets of METRICS §2 at the threshold in force, and the per-class duplicate fractions for that tau.
import type { KnnGraph } from '../../../core/knn.ts';
import { wilson } from '../../../core/intervals.ts';
import type { ClassBreakdown, Estimate, Experiment, NearDuplicateSet, RowScore } from '../../../core/report.ts';

/** The report's neighbour graph as the engine's typed graph, or null when the report has none. */
export function graphOf(ex: Experiment): KnnGraph | null {
  const nb = ex.neighbours;
  const n = ex.rows.length;
  if (!nb || nb.indices.length !== n * nb.k || nb.distances.length !== n * nb.k) return null;
  return {
    n,
    k: nb.k,
    indices: Int32Array.from(nb.indices),
    distances: Float32Array.from(nb.distances, (d) => (d == null ? Infinity : d)),
  };
}

/** Synthetic rows, most obviously synthetic first (p descending; ties by row order). */
export function mostUnrealistic(rows: readonly RowScore[]): number[] {
  const idx: number[] = [];
  rows.forEach((r, i) => r.side === 'synthetic' && idx.push(i));
  return idx.sort((a, b) => rows[b].p - rows[a].p || a - b);
}

/** Real rows, least represented first (1 − p descending, i.e. p ascending). */
export function leastRepresented(rows: readonly RowScore[]): number[] {
  const idx: number[] = [];
  rows.forEach((r, i) => r.side === 'real' && idx.push(i));
  return idx.sort((a, b) => rows[a].p - rows[b].p || a - b);
}

/** A set as a gallery shows it: synthetic members first, then the real items they copy. */
export interface ShownSet {
  set: NearDuplicateSet;
  synthetic: number[];
  real: number[];
}

/** Sets of one kind, largest synthetic share first, then tightest. */
export function setsOfKind(sets: readonly NearDuplicateSet[], rows: readonly RowScore[], kind: 'unvaried' | 'unoriginal'): ShownSet[] {
  return sets
    .filter((s) => s.kind === kind)
    .map((set) => ({
      set,
      synthetic: set.members.filter((i) => rows[i].side === 'synthetic'),
      real: set.members.filter((i) => rows[i].side === 'real'),
    }))
    .sort((a, b) => b.synthetic.length - a.synthetic.length || a.set.minDistance - b.set.minDistance || a.set.id - b.set.id);
}

/** Per-class unvaried / unoriginal for sets found at another tau (same rules as core/per-class.ts). */
export function classDuplicates(
  classes: readonly ClassBreakdown[], rows: readonly RowScore[], setIdPerRow: ArrayLike<number>, sets: readonly NearDuplicateSet[],
): Map<string, { unvaried: Estimate; unoriginal: Estimate }> {
  const tally = new Map<string, { n: number; unvaried: number; unoriginal: number }>();
  for (const c of classes) tally.set(c.className, { n: 0, unvaried: 0, unoriginal: 0 });
  rows.forEach((r, i) => {
    const t = r.className != null ? tally.get(r.className) : undefined;
    if (!t || r.side !== 'synthetic') return;
    t.n++;
    const id = setIdPerRow[i];
    if (id < 0) return;
    if (sets[id].kind === 'unvaried') t.unvaried++;
    else if (sets[id].kind === 'unoriginal') t.unoriginal++;
  });
  const out = new Map<string, { unvaried: Estimate; unoriginal: Estimate }>();
  for (const [name, t] of tally) out.set(name, { unvaried: wilson(t.unvaried, t.n), unoriginal: wilson(t.unoriginal, t.n) });
  return out;
}

/** The last path segment, for captions. */
export const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
