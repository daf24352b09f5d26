// The orders every view shows a report's items in (the app's galleries and row tables, the HTML
// export): most unrealistic synthetic rows, least represented real rows, near-duplicate sets and
// pairs, and columns least similar first.
import type { ColumnStat, Experiment, NearDuplicateSet, RowScore } from './schema.ts';

/** Synthetic rows, most obviously synthetic first (p descending; ties by row order). */
export function mostUnrealistic(rows: readonly RowScore[]): number[] {
  const idx: number[] = [];
  rows.forEach((r, i) => r.side === 'synthetic' && idx.push(i));
  return idx.sort((a, b) => rows[b].p - rows[a].p || a - b);
}

/** Real rows, least represented first (1 − p descending, i.e. p ascending; ties by row order). */
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

/** Sets of one kind, largest synthetic share first, then tightest, then by id. */
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

/** Pairs from each set: its first member (a real row when there is one) with each other member; unoriginal sets first. */
export function duplicatePairs(ex: Experiment): { kind: NearDuplicateSet['kind']; exact: boolean; a: number; b: number }[] {
  const order = { unoriginal: 0, unvaried: 1, 'real-only': 2 } as const;
  const sets = [...ex.nearDuplicateSets].sort((s, t) => order[s.kind] - order[t.kind] || s.id - t.id);
  return sets.flatMap((s) => {
    const m = [...s.members].sort((a, b) => (ex.rows[a].side === ex.rows[b].side ? a - b : ex.rows[a].side === 'real' ? -1 : 1));
    return m.slice(1).map((b) => ({ kind: s.kind, exact: s.exact, a: m[0], b }));
  });
}

/** Columns least similar first (the column that gives the data away leads), ties by name. */
export function columnsLeastSimilarFirst(columns: readonly ColumnStat[]): ColumnStat[] {
  return [...columns].sort((a, b) => a.shape - b.shape || (a.column < b.column ? -1 : 1));
}
