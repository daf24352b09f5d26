// Every pair of a run's synthetic experiments compared score by score (docs/uncertainty.md §3).
// The samples each comparison needs (repeat-averaged p, per-repeat scores, counts) are kept by the
// pipeline while it runs and dropped with it: they are not part of the report.
import { compareExperiments, type ClassifierSamples, type Comparison, type ExperimentSamples } from '../core/compare.ts';
import { checkpoint } from '../core/errors.ts';
import type { ProgressCallback } from '../core/progress.ts';
import { stageReporter } from '../core/progress.ts';
import type { Counts, Experiment } from '../report/schema.ts';

/** The report's experiment, and what a paired comparison needs (kept by the run, not reported). */
export interface ScoredExperiment {
  experiment: Experiment;
  samples: ExperimentSamples;
}

export type { ExperimentSamples };

/** An experiment's samples from what its engine returned. */
export function experimentSamples(name: string, classifier: ClassifierSamples, counts: Pick<Counts, 'synthetic' | 'unvariedRows' | 'unoriginalRows'>): ExperimentSamples {
  return { name, classifier, counts: { synthetic: counts.synthetic, unvariedRows: counts.unvariedRows, unoriginalRows: counts.unoriginalRows } };
}

/** Each pair (i < j) as "j against i", with the run's bootstrap count and seed; [] for one experiment. */
export async function runComparisons(
  experiments: readonly ExperimentSamples[],
  settings: { bootstrap: number; seed: number },
  opts: { signal?: AbortSignal; onProgress?: ProgressCallback } = {},
): Promise<Comparison[]> {
  const pairs: [number, number][] = [];
  for (let i = 0; i < experiments.length; i++) for (let j = i + 1; j < experiments.length; j++) pairs.push([i, j]);
  if (!pairs.length) return [];
  const stage = stageReporter('comparisons', pairs.length, opts.onProgress);
  stage.initiate();
  const out: Comparison[] = [];
  for (const [k, [i, j]] of pairs.entries()) {
    await checkpoint(opts.signal);
    out.push(...compareExperiments(experiments[i], experiments[j], settings));
    stage.progress(k + 1);
  }
  stage.done();
  return out;
}
