// docs/metrics.md §1: unrealistic = mean over S of p_i; unrepresentative = mean over R of (1 − p_i);
// label issue = 1 − probability of the row's own label.
import { bootstrapClassifierScores, type ClassifierEstimates } from './intervals.ts';

export interface ClassifierScores extends ClassifierEstimates {
  /** Per row: 1 − p_i for synthetic rows, p_i for real rows. */
  labelIssue: Float64Array;
}

export function labelIssueScores(p: ArrayLike<number>, y: Uint8Array): Float64Array {
  return Float64Array.from(y, (label, i) => (label ? 1 - p[i] : p[i]));
}

export function classifierScores(p: ArrayLike<number>, y: Uint8Array, opts: { bootstrap?: number; seed?: number } = {}): ClassifierScores {
  return {
    ...bootstrapClassifierScores(p, y, { resamples: opts.bootstrap ?? 1000, seed: opts.seed ?? 0 }),
    labelIssue: labelIssueScores(p, y),
  };
}
