// One text experiment: real ∪ synthetic_i through the text engine, shaped into the Report's
// Experiment (Experiment.text holds the text extras), with the samples a paired comparison needs.
import type { Experiment, SkippedItem } from '../../report/schema.ts';
import type { Gemm } from '../../core/gemm.ts';
import type { ProgressCallback } from '../../core/progress.ts';
import { analyseText, type TextFeatures } from '../../core/text/analyse-text.ts';
import type { SharedRows } from '../../core/engine.ts';
import type { Thresholds } from '../../core/calibrate-signals.ts';
import { TEXT_COPY_SIGNAL } from '../../core/text/copy-signal.ts';
import type { TextSample } from '../../ingest/text-set.ts';
import { nearestInGraph, rowScores, type Settings } from '../assemble.ts';
import { experimentSamples } from '../comparisons.ts';
import { mapOfVectors } from '../experiment-map.ts';
import type { ScoredExperiment } from '../comparisons.ts';

/** One side: its samples and their embeddings (row-major, samples.length × dim). */
export interface TextSide {
  samples: readonly TextSample[];
  vectors: Float32Array;
  skipped: SkippedItem[];
}

export async function analyseTextExperiment(
  real: TextSide,
  synth: TextSide,
  named: { name: string; path: string },
  thresholds: Thresholds,
  run: { settings: Settings; features?: TextFeatures; dim: number; gemm: Gemm; headOfText: (t: string) => string },
  opts: { signal?: AbortSignal; onProgress?: ProgressCallback; sharedRows?: SharedRows },
): Promise<ScoredExperiment> {
  const { dim, settings } = run;
  const samples = [...real.samples, ...synth.samples];
  const n = samples.length;
  const { embeddings, isSynthetic } = stackSides(real, synth, dim);
  // The statistics, the copy signal and the report's copy see a text's head (memory flat in its length);
  // exact duplicates compare the whole text.
  const texts = samples.map((s) => run.headOfText(s.text));
  const withClasses = samples.every((s) => s.className !== null);
  const r = await analyseText({
    embeddings, n, dim, texts, isSynthetic,
    hashes: samples.map((s) => s.text.trim()), // exact duplicates: identical text after trimming
    classes: withClasses ? samples.map((s) => s.className) : null,
    tau: thresholds.tau, copyThreshold: thresholds.copyThreshold, features: run.features, ...settings, gemm: run.gemm, sharedRows: opts.sharedRows, signal: opts.signal,
    onProgress: (ev) => opts.onProgress?.({ ...ev, stage: `${named.name}: ${ev.stage}` }),
  });
  const ex: Experiment = {
    name: named.name,
    syntheticPath: named.path,
    scores: r.scores,
    auc: r.auc,
    detectability: r.detectability,
    threshold: thresholds.describe(r.tau),
    counts: r.counts,
    classes: r.classes,
    rows: rowScores(samples, isSynthetic, { ...r, setIdPerRow: r.nearDuplicates.setIdPerRow, nearest: nearestInGraph(r.graph) }),
    nearDuplicateSets: r.nearDuplicates.sets,
    pairs: r.nearDuplicates.pairs,
    reasonCounts: r.nearDuplicates.reasonCounts,
    skipped: synth.skipped,
    timings: r.timings,
    text: {
      features: r.classifier.features,
      featureDim: r.classifier.dim,
      shingles: { size: TEXT_COPY_SIGNAL.shingle, normalisation: 'NFKC, lower case, punctuation removed, whitespace runs → one space' },
      findings: r.findings,
      texts,
    },
  };
  return { experiment: ex, samples: experimentSamples(named.name, r.samples, r.counts) };
}

/** The experiment's 2-D map (sets ex.map): drawn after the run's scores are shown (issue 17). */
export async function textExperimentMap(
  ex: Experiment, real: TextSide, synth: TextSide,
  run: { map: { maxPoints?: number }; seed: number; dim: number; gemm: Gemm },
  opts: { signal?: AbortSignal; onProgress?: ProgressCallback },
): Promise<void> {
  const { embeddings, isSynthetic } = stackSides(real, synth, run.dim);
  await mapOfVectors(ex, embeddings, run.dim, isSynthetic, run.gemm, { ...run.map, seed: run.seed, signal: opts.signal, onProgress: opts.onProgress });
}

/** Real rows then synthetic rows, and which are synthetic. */
function stackSides(real: TextSide, synth: TextSide, dim: number): { embeddings: Float32Array; isSynthetic: Uint8Array } {
  const nr = real.samples.length, n = nr + synth.samples.length;
  const embeddings = new Float32Array(n * dim);
  embeddings.set(real.vectors, 0);
  embeddings.set(synth.vectors, nr * dim);
  return { embeddings, isSynthetic: new Uint8Array(n).fill(1, nr) };
}
