// docs/metrics.md §1: unrealistic = mean over S of p_i; unrepresentative = mean over R of (1 − p_i);
// label issue = 1 − probability of the row's own label. p is the repeat-averaged out-of-fold p;
// with the per-repeat p the intervals also cover refitting noise (docs/uncertainty.md §2).
import { bootstrapClassifierScores, type ClassifierEstimates } from './intervals.ts';

export interface ClassifierScores extends ClassifierEstimates {
  /** Per row: 1 − p_i for synthetic rows, p_i for real rows. */
  labelIssue: Float64Array;
}

export interface ClassifierScoreOptions {
  bootstrap?: number;
  seed?: number;
  /** Out-of-fold p of each repeat (crossValidate's pPerRepeat). */
  pPerRepeat?: readonly ArrayLike<number>[];
}

export function labelIssueScores(p: ArrayLike<number>, y: Uint8Array): Float64Array {
  return Float64Array.from(y, (label, i) => (label ? 1 - p[i] : p[i]));
}

export function classifierScores(p: ArrayLike<number>, y: Uint8Array, opts: ClassifierScoreOptions = {}): ClassifierScores {
  return {
    ...bootstrapClassifierScores(p, y, { resamples: opts.bootstrap ?? 1000, seed: opts.seed ?? 0, pPerRepeat: opts.pPerRepeat }),
    labelIssue: labelIssueScores(p, y),
  };
}
