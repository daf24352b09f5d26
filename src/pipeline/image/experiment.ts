// One experiment: real ∪ synthetic_i through the engine, shaped into the Report's Experiment.
import { analyse } from '../../core/analyse.ts';
import type { SharedRows } from '../../core/engine.ts';
import type { Experiment, Panel } from '../../report/schema.ts';
import type { ProgressCallback } from '../../core/progress.ts';
import { stackSides, type EmbeddedSet } from './embed-set.ts';
import type { PipelineEnv } from './environment.ts';
import type { Thresholds } from '../../core/calibrate-signals.ts';
import { imageCopySignal } from '../../core/image/image-copy-signal.ts';
import { nearestInGraph, rowScores, type Settings } from '../assemble.ts';
import { experimentSamples, type ScoredExperiment } from '../comparisons.ts';
import { imageIssuePanel } from './issue-panel.ts';

export async function analyseExperiment(
  real: EmbeddedSet,
  synth: EmbeddedSet,
  named: { name: string; path: string },
  thresholds: Thresholds,
  settings: Settings,
  env: PipelineEnv,
  opts: { signal?: AbortSignal; onProgress?: ProgressCallback; sharedRows?: SharedRows },
): Promise<ScoredExperiment> {
  const dim = env.embedder.manifest.output.dimension;
  // The engine normalises in place: give it its own copy so the real set stays reusable.
  const { vectors, descriptors, isSynthetic, n } = stackSides(real, synth, dim);
  const items = [...real.items, ...synth.items];
  // Classes only when both sides have class sub-folders.
  const withClasses = items.every((it) => it.className !== null);

  const result = await analyse({
    vectors,
    n,
    dim,
    isSynthetic,
    hashes: [...real.pixelHashes, ...synth.pixelHashes],
    classes: withClasses ? items.map((it) => it.className) : null,
    tau: thresholds.tau,
    copyThreshold: thresholds.copyThreshold,
    copySignal: imageCopySignal(descriptors, n),
    ...settings,
    gemm: env.gemm,
    sharedRows: opts.sharedRows,
    signal: opts.signal,
    onProgress: (e) => opts.onProgress?.({ ...e, stage: `${named.name}: ${e.stage}` }),
  });

  const experiment: Experiment = {
    name: named.name,
    syntheticPath: named.path,
    scores: result.scores,
    auc: result.auc,
    detectability: result.detectability,
    threshold: thresholds.describe(result.tau),
    counts: result.counts,
    classes: result.classes,
    rows: rowScores(items, isSynthetic, { ...result, nearest: nearestInGraph(result.graph) }),
    nearDuplicateSets: result.sets,
    pairs: result.nearDuplicates.pairs,
    reasonCounts: result.nearDuplicates.reasonCounts,
    skipped: synth.skipped,
    timings: result.timings,
    // The graph and hashes let the app move the threshold without re-running (Infinity → null in JSON).
    neighbours: { k: result.graph.k, indices: Array.from(result.graph.indices), distances: Array.from(result.graph.distances, (d) => (Number.isFinite(d) ? d : null)) },
    hashes: [...real.pixelHashes, ...synth.pixelHashes],
  };
  return { experiment, samples: experimentSamples(named.name, result.samples, result.counts) };
}

/**
 * The image-only measures of an experiment's panel (docs/panel.md), merged into what
 * pipeline/panel.ts computes from the vectors: CleanVision's issue rates per set, from the scores
 * the embedding pass stored (no image decoded again).
 */
export function imagePanelExtras(real: EmbeddedSet, synth: EmbeddedSet): Partial<Panel> {
  return { imageIssues: imageIssuePanel(real, synth) };
}
