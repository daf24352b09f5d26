// One experiment: real ∪ synthetic_i through the engine, shaped into the Report's Experiment.
import { analyse } from '../core/analyse.ts';
import { nearestDistance } from '../core/knn.ts';
import type { Experiment, RowScore, ThresholdInfo } from '../core/report.ts';
import type { ProgressCallback } from '../core/progress.ts';
import { stackSides, type EmbeddedSet } from './embed-set.ts';
import type { PipelineEnv } from './environment.ts';

export type ThresholdChoice = { kind: 'manifest' } | { kind: 'user'; value: number } | { kind: 'relative' };

export interface Settings {
  folds: number;
  k: number;
  seed: number;
  bootstrap: number;
}

export async function analyseExperiment(
  real: EmbeddedSet,
  synth: EmbeddedSet,
  named: { name: string; path: string },
  threshold: ThresholdChoice,
  settings: Settings,
  env: PipelineEnv,
  opts: { signal?: AbortSignal; onProgress?: ProgressCallback },
): Promise<Experiment> {
  const dim = env.embedder.manifest.output.dimension;
  // The engine normalises in place: give it its own copy so the real set stays reusable.
  const { vectors, isSynthetic, n } = stackSides(real, synth, dim);
  const items = [...real.items, ...synth.items];
  // Classes only when both sides have class sub-folders.
  const withClasses = items.every((it) => it.className !== null);

  const manifestTau = env.embedder.manifest.nearDuplicateThreshold.value;
  const tau = threshold.kind === 'user' ? threshold.value : threshold.kind === 'relative' ? 'relative' : manifestTau;
  const result = await analyse({
    vectors,
    n,
    dim,
    isSynthetic,
    hashes: [...real.pixelHashes, ...synth.pixelHashes],
    classes: withClasses ? items.map((it) => it.className) : null,
    tau,
    ...settings,
    gemm: env.gemm,
    signal: opts.signal,
    onProgress: (e) => opts.onProgress?.({ ...e, stage: `${named.name}: ${e.stage}` }),
  });

  const rows: RowScore[] = items.map((it, i) => ({
    path: it.path,
    side: isSynthetic[i] ? 'synthetic' : 'real',
    ...(it.className !== null ? { className: it.className } : {}),
    p: result.p[i],
    labelIssue: result.labelIssue[i],
    nearDuplicateSet: result.setIdPerRow[i],
    nearestDistance: nearestDistance(result.graph, i),
  }));

  return {
    name: named.name,
    syntheticPath: named.path,
    scores: result.scores,
    auc: result.auc,
    detectability: result.detectability,
    threshold: thresholdInfo(threshold, result.tau, manifestTau),
    counts: result.counts,
    classes: result.classes,
    rows,
    nearDuplicateSets: result.sets,
    skipped: synth.skipped,
    timings: result.timings,
    // The graph and hashes let the app move the threshold without re-running (Infinity → null in JSON).
    neighbours: { k: result.graph.k, indices: Array.from(result.graph.indices), distances: Array.from(result.graph.distances, (d) => (Number.isFinite(d) ? d : null)) },
    hashes: [...real.pixelHashes, ...synth.pixelHashes],
  };
}

function thresholdInfo(choice: ThresholdChoice, tau: number, manifestTau: number): ThresholdInfo {
  if (choice.kind === 'user') return { value: tau, source: 'user', note: 'set with --threshold' };
  if (choice.kind === 'relative')
    return {
      value: tau,
      source: 'relative',
      note: "Cleanlab's relative rule: 0.13 × median nearest-neighbour distance (fails when most rows are copies)",
    };
  return { value: manifestTau, source: 'manifest', note: "the model's calibrated default" };
}
