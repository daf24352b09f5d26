// Per-class breakdown (docs/metrics.md §4). Choices, so the numbers add up with the headline ones:
// - Classifier scores reuse the single whole-dataset classifier's out-of-fold p, restricted to
//   the class' rows: "how detectable are this class' synthetic rows", not a fresh per-class
//   detector (which would need far more rows per class and would ignore class mix).
// - Near-duplicate sets are the global sets. A synthetic row of class c is unoriginal when its
//   set contains any real row, of any class (copying a "dog" into "cat" is still copying);
//   denominators are the class' synthetic rows. So the class counts sum to the global counts.
// Rows whose class is null are left out of the breakdown.
import { bootstrapClassifierScores, wilson } from './intervals.ts';
import { deriveSeed } from './random.ts';
import type { ClassBreakdown, NearDuplicateSet } from '../report/schema.ts';

export interface PerClassOptions {
  /** Minimum rows per side for scores (the fold count K). */
  minRowsPerSide: number;
  bootstrap?: number;
  seed?: number;
  /** Each repeat's out-of-fold p (whole run): a class' intervals then cover refitting noise too. */
  pPerRepeat?: readonly ArrayLike<number>[];
}

export function perClassBreakdown(
  classes: readonly (string | null | undefined)[],
  isSynthetic: Uint8Array,
  p: ArrayLike<number>,
  setIdPerRow: Int32Array,
  sets: readonly NearDuplicateSet[],
  opts: PerClassOptions,
): ClassBreakdown[] {
  const rowsByClass = new Map<string, number[]>();
  classes.forEach((c, i) => {
    if (c == null) return;
    const rows = rowsByClass.get(c);
    if (rows) rows.push(i);
    else rowsByClass.set(c, [i]);
  });
  // Code-unit order, not localeCompare: identical in every browser and in Node.
  const names = [...rowsByClass.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((className, ci) => {
    const rows = rowsByClass.get(className)!;
    const y = Uint8Array.from(rows, (i) => isSynthetic[i]);
    const nSynth = y.reduce((s, v) => s + v, 0), nReal = rows.length - nSynth;
    const counts = { real: nReal, synthetic: nSynth };
    const K = opts.minRowsPerSide;
    if (nReal < K || nSynth < K) {
      return { className, counts, scores: null, note: `fewer than ${K} rows on a side (${nReal} real, ${nSynth} synthetic); scores need at least K = ${K} per side` };
    }
    const pPerRepeat = opts.pPerRepeat?.map((pr) => Float64Array.from(rows, (i) => pr[i]));
    const est = bootstrapClassifierScores(Float64Array.from(rows, (i) => p[i]), y, { resamples: opts.bootstrap ?? 1000, seed: deriveSeed(opts.seed ?? 0, 1000 + ci), pPerRepeat });
    let unvaried = 0, unoriginal = 0;
    for (const i of rows) {
      if (!isSynthetic[i] || setIdPerRow[i] < 0) continue;
      const kind = sets[setIdPerRow[i]].kind;
      if (kind === 'unvaried') unvaried++;
      else if (kind === 'unoriginal') unoriginal++;
    }
    return {
      className,
      counts,
      scores: { unrealistic: est.unrealistic, unrepresentative: est.unrepresentative, unvaried: wilson(unvaried, nSynth), unoriginal: wilson(unoriginal, nSynth) },
    };
  });
}
