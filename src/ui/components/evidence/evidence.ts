// Pure helpers behind the evidence galleries: the report's neighbour graph, for the near-duplicate
// sets of docs/metrics.md §2 at the threshold in force, and the per-class duplicate fractions for
// that tau. The galleries' rankings (docs/metrics.md §1) are src/report/rankings.ts, shared with the HTML export.
import type { KnnGraph } from '../../../core/knn.ts';
import { wilson } from '../../../core/intervals.ts';
import type { ClassBreakdown, Estimate, Experiment, NearDuplicateSet, RowScore } from '../../../report/schema.ts';

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
