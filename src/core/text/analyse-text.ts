// The engine for text: the same order as analyse.ts (classifier → bootstrap → kNN graph →
// near-duplicate sets → per class) with the text rules: the detector sees the sentence embedding
// concatenated with hashed character n-grams (features 'both', the default); near-duplicate sets
// join kNN edges below tau on the embedding, MinHash edges (5-gram Jaccard ≥ 0.8) and exact
// duplicates; text findings (lengths, distinct-n, over-used phrases) are added.
import { classifierScores } from '../classifier-scores.ts';
import { crossValidate } from '../crossval.ts';
import { checkpoint, type AbortSignalLike } from '../errors.ts';
import type { Gemm } from '../gemm.ts';
import { knnCosine, type KnnGraph } from '../knn.ts';
import { relativeThreshold } from '../near-duplicates.ts';
import { normaliseRows } from '../normalise.ts';
import { perClassBreakdown } from '../per-class.ts';
import type { ProgressCallback } from '../progress.ts';
import { deriveSeed } from '../random.ts';
import type { ClassBreakdown, Counts, Estimate, FourScores } from '../../report/schema.ts';
import { checkRowsPerSide } from '../analyse.ts';
import { stageTimer } from '../stage-timer.ts';
import { minhashPairs, type MinHashPair } from './minhash.ts';
import { concatBlocks, hashedCharNgrams } from './ngrams.ts';
import { textNearDuplicates, type TextNearDuplicateResult } from './near-duplicate-text.ts';
import { textFindings, type TextFindings } from './text-stats.ts';

export type TextFeatures = 'both' | 'embedding' | 'ngrams';

/** PCA components for the text detector (its input is 512 + 4,096 wide). */
export const TEXT_COMPONENTS = 128;

/**
 * Fewer components for small sets: with ~100 training rows over 128 components every λ but the
 * heaviest overfits, the inner selection picks it, and p flattens to 0.5 even for an obvious tic.
 * One component per 8 rows keeps the detector able to learn (measured: 60 + 60 texts).
 */
export function textComponents(n: number): number {
  return Math.max(8, Math.min(TEXT_COMPONENTS, Math.floor(n / 8)));
}

export interface AnalyseTextInput {
  /** n×dim sentence embeddings (normalised here, in place). */
  embeddings: Float32Array;
  n: number;
  dim: number;
  texts: readonly string[];
  isSynthetic: Uint8Array;
  hashes: readonly (string | null | undefined)[];
  classes?: readonly (string | null | undefined)[] | null;
  tau: number | 'relative';
  features?: TextFeatures;
  folds?: number;
  k?: number;
  seed?: number;
  bootstrap?: number;
  components?: number;
  gemm: Gemm;
  signal?: AbortSignalLike;
  onProgress?: ProgressCallback;
}

export interface AnalyseTextResult {
  tau: number;
  p: Float64Array;
  labelIssue: Float64Array;
  scores: FourScores;
  auc: Estimate;
  detectability: Estimate;
  graph: KnnGraph;
  nearDuplicates: TextNearDuplicateResult;
  minhash: MinHashPair[];
  /** Recompute sets for another tau (MinHash edges fixed). */
  nearDuplicatesAt(tau: number): TextNearDuplicateResult;
  counts: Counts;
  classes: ClassBreakdown[] | null;
  findings: TextFindings;
  classifier: { lambdas: number[]; components: number; features: TextFeatures; dim: number };
  timings: Record<string, number>;
}

/** The detector's input: embedding, n-grams, or both blocks (each row-normalised, equal weight). */
export function textClassifierFeatures(embeddings: Float32Array, n: number, dim: number, texts: readonly string[], which: TextFeatures): { x: Float32Array; dim: number } {
  if (which === 'embedding') return { x: embeddings.slice(), dim };
  const ng = hashedCharNgrams(texts);
  if (which === 'ngrams') return { x: ng.features, dim: ng.dim };
  const c = concatBlocks([{ x: embeddings, dim }, { x: ng.features, dim: ng.dim }], n);
  return { x: c.features, dim: c.dim };
}

export async function analyseText(input: AnalyseTextInput): Promise<AnalyseTextResult> {
  const { embeddings, n, dim, texts, isSynthetic, gemm, signal, onProgress } = input;
  const folds = input.folds ?? 5, k = input.k ?? 10, seed = input.seed ?? 0, bootstrap = input.bootstrap ?? 1000;
  const features = input.features ?? 'both';
  if (embeddings.length !== n * dim || texts.length !== n || isSynthetic.length !== n || input.hashes.length !== n) {
    throw new RangeError('analyseText: embeddings, texts, isSynthetic and hashes must describe the same n rows');
  }
  const nSynth = checkRowsPerSide(isSynthetic, folds);
  const { timings, timed } = stageTimer();
  normaliseRows(embeddings, n, dim);
  const feats = await timed('features', () => textClassifierFeatures(embeddings, n, dim, texts, features));
  const cv = await timed('classifier', () =>
    crossValidate(feats.x, n, feats.dim, isSynthetic, { folds, seed, gemm, signal, onProgress, components: input.components ?? textComponents(n) }));
  await checkpoint(signal);
  const cls = await timed('bootstrap', () => classifierScores(cv.p, isSynthetic, { bootstrap, seed: deriveSeed(seed, 3) }));
  const graph = await timed('knn', () => knnCosine(embeddings, n, dim, k, { gemm, signal, onProgress }));
  await checkpoint(signal);
  const minhash = await timed('minhash', () => minhashPairs(texts));
  const tau = input.tau === 'relative' ? relativeThreshold(graph) : input.tau;
  const nearDuplicatesAt = (t: number) => textNearDuplicates(graph, isSynthetic, input.hashes, minhash, t);
  const nd = await timed('nearDuplicates', () => nearDuplicatesAt(tau));
  const classes = input.classes
    ? await timed('classes', () => perClassBreakdown(input.classes!, isSynthetic, cv.p, nd.setIdPerRow, nd.sets, { minRowsPerSide: folds, bootstrap, seed }))
    : null;
  const findings = await timed('findings', () =>
    textFindings(texts.filter((_, i) => !isSynthetic[i]), texts.filter((_, i) => isSynthetic[i])));
  return {
    tau,
    p: cv.p,
    labelIssue: cls.labelIssue,
    scores: { unrealistic: cls.unrealistic, unrepresentative: cls.unrepresentative, unvaried: nd.unvaried, unoriginal: nd.unoriginal },
    auc: cls.auc,
    detectability: cls.detectability,
    graph,
    nearDuplicates: nd,
    minhash,
    nearDuplicatesAt,
    counts: {
      real: n - nSynth, synthetic: nSynth, unvariedRows: nd.unvariedRows, unoriginalRows: nd.unoriginalRows,
      nearDuplicateSets: nd.sets.length, exactDuplicatePairs: nd.exactDuplicatePairs,
    },
    classes,
    findings,
    classifier: { lambdas: cv.lambdas, components: cv.components, features, dim: feats.dim },
    timings,
  };
}
