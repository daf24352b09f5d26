// The engine's one order for every modality: classifier (PCA + CV) → bootstrap → kNN graph (and
// the copy signal's) → near-duplicate sets → per class. A modality supplies only what differs: the
// detector's input and its copy signal (analyse.ts for images, text/analyse-text.ts for text).
import { classifierScores } from './classifier-scores.ts';
import { classifierSamples, type ClassifierSamples } from './compare.ts';
import { crossValidate } from './crossval.ts';
import { checkpoint, TooFewRowsError, type AbortSignalLike } from './errors.ts';
import type { Gemm } from './gemm.ts';
import { knnCosine, type KnnGraph, type KnnPrefix } from './knn.ts';
import { cosineDistanceOf, copyGraph, type CopySignal } from './copy-signal.ts';
import { makeNearDuplicateFinder, relativeThreshold, type NearDuplicateResult } from './near-duplicates.ts';
import { edgesBelow } from './refine-graph.ts';
import { normaliseRows } from './normalise.ts';
import { perClassBreakdown } from './per-class.ts';
import type { ProgressCallback } from './progress.ts';
import { deriveSeed } from './random.ts';
import { stageTimer } from './stage-timer.ts';
import type { ClassBreakdown, Counts, Estimate, FourScores } from '../report/schema.ts';

export const MIN_ROWS_PER_SIDE = 20;

export interface EngineInput {
  /** n×dim row-major. Rows are L2-normalised IN PLACE (cosine distances need unit rows). */
  vectors: Float32Array;
  n: number;
  dim: number;
  /** 1 = synthetic, 0 = real. */
  isSynthetic: Uint8Array;
  /** Content hash per row; equal non-empty hashes are exact duplicates. */
  hashes: readonly (string | null | undefined)[];
  classes?: readonly (string | null | undefined)[] | null;
  /** Embedding near-duplicate threshold (cosine distance), or 'relative' for Cleanlab's 0.13 × median rule. */
  tau: number | 'relative';
  /**
   * Per row, its identity across experiments of one run (real rows are the same rows in every
   * experiment): paired comparisons draw them together. Default: the row index.
   */
  rowIds?: readonly string[];
  /** Repeats of the K-fold deal (docs/uncertainty.md); default DEFAULT_REPEATS. */
  repeats?: number;
  /** The first rows are a set other analyses share (the real set): its graphs among itself, read and kept here. */
  sharedRows?: SharedRows;
  /** The copy signal's threshold (docs/metrics.md §2); null: the signal joins no pair. */
  copyThreshold?: number | null;
  folds?: number;
  k?: number;
  seed?: number;
  bootstrap?: number;
  gemm: Gemm;
  signal?: AbortSignalLike;
  onProgress?: ProgressCallback;
}

/**
 * The real set's kNN state among itself (core/knn.ts), for the embedding graph and the copy
 * signal's candidates: the first analysis on it fills them, the next ones (the run's other
 * experiments, the page's next run on the same real set) skip those tiles (issue 17).
 */
export interface SharedRows {
  rows: number;
  embedding?: KnnPrefix;
  copy?: KnnPrefix;
  /** The copy signal's distances measured between two of these rows, by pair (i < j: i·rows + j). */
  copyPairs?: Map<number, number>;
}

/** At most this many kept pairs (~40 MB): a real set of 50,000 rows and more keeps the first ones only. */
const MAX_KEPT_PAIRS = 2 ** 19;

/** The copy signal with its distances between two shared rows kept in `shared` (the same values, measured once). */
function keepingSharedPairs(copy: CopySignal, shared: SharedRows): CopySignal {
  const p = shared.rows, pairs = (shared.copyPairs ??= new Map());
  return {
    ...copy,
    distance(i, j) {
      if (i >= p || j >= p) return copy.distance(i, j);
      const key = Math.min(i, j) * p + Math.max(i, j);
      let d = pairs.get(key);
      if (d !== undefined) return d;
      d = copy.distance(i, j);
      if (pairs.size < MAX_KEPT_PAIRS) pairs.set(key, d);
      return d;
    },
  };
}

type Timed = <T>(stage: string, fn: () => Promise<T> | T) => Promise<T>;

/** What a modality brings to the engine. */
export interface EngineParts {
  /** The detector's input, from the normalised vectors, and its PCA components (default 64). */
  detector(vectors: Float32Array, timed: Timed): Promise<{ x: Float32Array; dim: number; components?: number }> | { x: Float32Array; dim: number; components?: number };
  /** The modality's copy signal over the same rows, if it has one. */
  copySignal?(timed: Timed): Promise<CopySignal> | CopySignal;
}

export interface EngineResult {
  /** The embedding threshold in force (resolved when 'relative' was asked for). */
  tau: number;
  p: Float64Array;
  labelIssue: Float64Array;
  scores: FourScores;
  auc: Estimate;
  detectability: Estimate;
  graph: KnnGraph;
  nearDuplicates: NearDuplicateResult;
  /** Recompute the sets for another embedding tau from the cached graph (cheap). */
  nearDuplicatesAt: (tau: number) => NearDuplicateResult;
  counts: Counts;
  classes: ClassBreakdown[] | null;
  /** λ chosen per outer fold and PCA components used: for the report's diagnostics. */
  classifier: { lambdas: number[]; components: number; dim: number };
  /** What a paired comparison with another experiment on the same real set needs. */
  samples: ClassifierSamples;
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}

export async function runEngine(input: EngineInput, parts: EngineParts): Promise<EngineResult> {
  const { vectors, n, dim, isSynthetic, gemm, signal, onProgress } = input;
  const folds = input.folds ?? 5, k = input.k ?? 10, seed = input.seed ?? 0, bootstrap = input.bootstrap ?? 1000;
  validate(input, folds);
  const nSynth = checkRowsPerSide(isSynthetic, folds);
  // The stages with no progress of their own show on the progress panel all the same (issue 17).
  const { timings, timed } = stageTimer({ onProgress, stages: ['bootstrap', 'copyGraph', 'nearDuplicates', 'classes'] });
  await checkpoint(signal);
  await timed('normalise', () => normaliseRows(vectors, n, dim));

  const det = await parts.detector(vectors, timed);
  const cv = await timed('classifier', () =>
    crossValidate(det.x, n, det.dim, isSynthetic, { folds, seed, gemm, signal, onProgress, components: det.components, repeats: input.repeats }),
  );
  await checkpoint(signal);
  const cls = await timed('bootstrap', () => classifierScores(cv.p, isSynthetic, { bootstrap, seed: deriveSeed(seed, 3), pPerRepeat: cv.pPerRepeat }));

  const shared = input.sharedRows;
  const prefix = (graph: 'embedding' | 'copy') => (shared ? { prefixRows: shared.rows, prefix: shared[graph], onPrefix: (p: KnnPrefix) => { shared[graph] = p; } } : {});
  const graph = await timed('knn', () => knnCosine(vectors, n, dim, k, { gemm, signal, onProgress, ...prefix('embedding') }));
  await checkpoint(signal);
  const ownCopy = parts.copySignal ? await parts.copySignal(timed) : null;
  const copy = ownCopy && shared ? keepingSharedPairs(ownCopy, shared) : ownCopy;
  const copyEdges = copy && input.copyThreshold != null
    ? await timed('copyGraph', async () => edgesBelow(await copyGraph(copy, n, k, { gemm, signal, ...prefix('copy') }), input.copyThreshold!).map((e) => ({ a: e.a, b: e.b, copyDistance: e.d })))
    : [];
  await checkpoint(signal);
  const nearDuplicatesAt = makeNearDuplicateFinder(graph, isSynthetic, input.hashes, {
    copyEdges,
    embeddingDistance: cosineDistanceOf(vectors, dim),
    copyDistance: copy ? (i, j) => copy.distance(i, j) : undefined,
  });
  const tau = input.tau === 'relative' ? relativeThreshold(graph) : input.tau;
  const nd = await timed('nearDuplicates', () => nearDuplicatesAt(tau));

  const classes = input.classes
    ? await timed('classes', () => perClassBreakdown(input.classes!, isSynthetic, cv.p, nd.setIdPerRow, nd.sets, { minRowsPerSide: folds, bootstrap, seed, pPerRepeat: cv.pPerRepeat }))
    : null;
  return {
    tau,
    p: cv.p,
    labelIssue: cls.labelIssue,
    scores: { unrealistic: cls.unrealistic, unrepresentative: cls.unrepresentative, unvaried: nd.unvaried, unoriginal: nd.unoriginal },
    auc: cls.auc,
    detectability: cls.detectability,
    graph,
    nearDuplicates: nd,
    nearDuplicatesAt,
    counts: {
      real: n - nSynth,
      synthetic: nSynth,
      unvariedRows: nd.unvariedRows,
      unoriginalRows: nd.unoriginalRows,
      nearDuplicateSets: nd.sets.length,
      exactDuplicatePairs: nd.exactDuplicatePairs,
    },
    classes,
    classifier: { lambdas: cv.lambdas, components: cv.components, dim: det.dim },
    samples: classifierSamples(cv, isSynthetic, input.rowIds ?? Array.from({ length: n }, (_, i) => String(i))),
    timings,
  };
}

function validate(input: EngineInput, folds: number): void {
  const { vectors, n, dim, isSynthetic, hashes } = input;
  if (vectors.length !== n * dim) throw new RangeError(`vectors has ${vectors.length} values, expected n×dim = ${n}×${dim}`);
  if (isSynthetic.length !== n || hashes.length !== n) throw new RangeError('isSynthetic and hashes must have one entry per row');
  if (input.classes && input.classes.length !== n) throw new RangeError('classes must have one entry per row');
  if (!(folds >= 2)) throw new RangeError('folds must be at least 2');
  for (let i = 0; i < vectors.length; i++) {
    if (!Number.isFinite(vectors[i])) throw new RangeError(`vectors contains a non-finite value at row ${Math.floor(i / dim)}`);
  }
}

/** Each side needs MIN_ROWS_PER_SIDE rows (and one per fold); returns the synthetic count. */
export function checkRowsPerSide(isSynthetic: ArrayLike<number>, folds: number): number {
  const n = isSynthetic.length;
  let nSynth = 0;
  for (let i = 0; i < n; i++) nSynth += isSynthetic[i] ? 1 : 0;
  const nReal = n - nSynth, need = Math.max(MIN_ROWS_PER_SIDE, folds);
  if (nReal < need || nSynth < need) {
    throw new TooFewRowsError(`Too few rows to score: ${nReal} real and ${nSynth} synthetic; each side needs at least ${need}.`);
  }
  return nSynth;
}
