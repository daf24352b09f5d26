// The engine for text: the same order as analyse.ts (classifier → bootstrap → kNN graph →
// near-duplicate sets → per class) with the text rules: the detector sees the sentence embedding
// concatenated with hashed character n-grams (features 'both', the default); the copy signal is
// the character-shingle Jaccard (copy-signal.ts), joined with the embedding's kNN edges and exact
// duplicates; text findings (lengths, distinct-n, over-used phrases) are added.
import { runEngine, type EngineInput, type EngineResult } from '../engine.ts';
import { stageTimer } from '../stage-timer.ts';
import { textCopySignal } from './copy-signal.ts';
import { concatBlocks, hashedCharNgrams } from './ngrams.ts';
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

export interface AnalyseTextInput extends Omit<EngineInput, 'vectors'> {
  /** n×dim sentence embeddings (normalised here, in place). */
  embeddings: Float32Array;
  texts: readonly string[];
  features?: TextFeatures;
  components?: number;
}

export interface AnalyseTextResult extends Omit<EngineResult, 'classifier'> {
  findings: TextFindings;
  classifier: { lambdas: number[]; components: number; features: TextFeatures; dim: number };
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
  const { embeddings, n, dim, texts, isSynthetic } = input;
  const features = input.features ?? 'both';
  if (embeddings.length !== n * dim || texts.length !== n || isSynthetic.length !== n || input.hashes.length !== n) {
    throw new RangeError('analyseText: embeddings, texts, isSynthetic and hashes must describe the same n rows');
  }
  const r = await runEngine({ ...input, vectors: embeddings }, {
    detector: async (vectors, timed) => ({
      ...(await timed('features', () => textClassifierFeatures(vectors, n, dim, texts, features))),
      components: input.components ?? textComponents(n),
    }),
    copySignal: (timed) => timed('shingles', () => textCopySignal(texts)),
  });
  const { timings, timed } = stageTimer();
  const findings = await timed('findings', () => textFindings(texts.filter((_, i) => !isSynthetic[i]), texts.filter((_, i) => isSynthetic[i])));
  return { ...r, findings, classifier: { ...r.classifier, features }, timings: { ...r.timings, ...timings } };
}
