// Out-of-fold probabilities p_i = P(synthetic | x_i) from stratified K-fold cross-validation.
// The L2 strength is chosen inside each training fold (never on the held-out fold), by
// balanced log-loss on an inner stratified split, then the model is refitted on the whole
// training fold.
import { checkpoint, type AbortSignalLike } from './errors.ts';
import type { Gemm } from './gemm.ts';
import { balancedLogLoss, fitLogistic, type LogisticModel, predictLogistic } from './logistic.ts';
import { standardisingPca } from './pca.ts';
import type { ProgressCallback } from './progress.ts';
import { stageReporter } from './progress.ts';
import { createRng, deriveSeed, type Rng, shuffle } from './random.ts';

/** On unit-variance features with the loss averaged per row, this spans "nearly free" to "heavy". */
export const DEFAULT_LAMBDAS = [1, 1e-1, 1e-2, 1e-3, 1e-4];

export interface CrossValOptions {
  folds?: number;
  seed?: number;
  gemm: Gemm;
  signal?: AbortSignalLike;
  onProgress?: ProgressCallback;
  /** PCA components (default 64). */
  components?: number;
  lambdas?: number[];
}

export interface CrossValResult {
  p: Float64Array;
  /** λ chosen in each outer fold. */
  lambdas: number[];
  components: number;
}

/** Fold id per row; each class is shuffled and dealt round-robin so folds stay stratified. */
export function stratifiedFolds(y: Uint8Array, folds: number, rng: Rng): Int32Array {
  const fold = new Int32Array(y.length);
  let deal = 0;
  for (const cls of [0, 1]) {
    const idx: number[] = [];
    for (let i = 0; i < y.length; i++) if (y[i] === cls) idx.push(i);
    shuffle(idx, rng);
    for (const i of idx) fold[i] = deal++ % folds;
  }
  return fold;
}

export async function crossValidatedProbabilities(x: Float32Array, n: number, dim: number, y: Uint8Array, opts: CrossValOptions): Promise<Float64Array> {
  return (await crossValidate(x, n, dim, y, opts)).p;
}

export async function crossValidate(x: Float32Array, n: number, dim: number, y: Uint8Array, opts: CrossValOptions): Promise<CrossValResult> {
  const folds = opts.folds ?? 5, seed = opts.seed ?? 0, lambdas = opts.lambdas ?? DEFAULT_LAMBDAS;
  const pcaStage = stageReporter('pca', 1, opts.onProgress);
  pcaStage.initiate();
  const pca = await standardisingPca(x, n, dim, { gemm: opts.gemm, components: opts.components, seed: deriveSeed(seed, 1), signal: opts.signal });
  pcaStage.done();
  const c = pca.components;
  const feats = Float64Array.from(pca.projected);

  const stage = stageReporter('classifier', folds, opts.onProgress);
  stage.initiate();
  const fold = stratifiedFolds(y, folds, createRng(deriveSeed(seed, 2)));
  const p = new Float64Array(n);
  const chosen: number[] = [];
  for (let f = 0; f < folds; f++) {
    await checkpoint(opts.signal);
    const train = rowsWhere(fold, (k) => k !== f), test = rowsWhere(fold, (k) => k === f);
    const xTrain = gather(feats, c, train), yTrain = Uint8Array.from(train, (i) => y[i]);
    const { lambda, warm } = await chooseLambda(xTrain, train.length, c, yTrain, lambdas, createRng(deriveSeed(seed, 100 + f)), opts.signal);
    chosen.push(lambda);
    const model = fitLogistic(xTrain, train.length, c, yTrain, { lambda, warmStart: warm });
    const pTest = predictLogistic(model, gather(feats, c, test), test.length);
    test.forEach((i, k) => (p[i] = pTest[k]));
    stage.progress(f + 1);
  }
  stage.done();
  return { p, lambdas: chosen, components: c };
}

/**
 * Inner stratified 3-fold. Small training folds use all three rounds (a noisy criterion
 * otherwise); large ones use one round, a 1/3 holdout, which is plenty and 3× cheaper.
 * λ runs from strongest to weakest so each fit warm-starts from the previous one.
 */
async function chooseLambda(x: Float64Array, n: number, c: number, y: Uint8Array, lambdas: number[], rng: Rng, signal?: AbortSignalLike): Promise<{ lambda: number; warm?: LogisticModel }> {
  if (lambdas.length === 1) return { lambda: lambdas[0] };
  const order = [...lambdas].sort((a, b) => b - a);
  const inner = stratifiedFolds(y, 3, rng);
  const rounds = n < 5000 ? 3 : 1;
  const loss = new Float64Array(order.length);
  const models: (LogisticModel | undefined)[] = [];
  for (let r = 0; r < rounds; r++) {
    await checkpoint(signal);
    const tr = rowsWhere(inner, (k) => k !== r), va = rowsWhere(inner, (k) => k === r);
    const xTr = gather(x, c, tr), yTr = Uint8Array.from(tr, (i) => y[i]);
    const xVa = gather(x, c, va), yVa = Uint8Array.from(va, (i) => y[i]);
    let warm: LogisticModel | undefined;
    order.forEach((lambda, k) => {
      warm = fitLogistic(xTr, tr.length, c, yTr, { lambda, warmStart: warm });
      loss[k] += balancedLogLoss(predictLogistic(warm, xVa, va.length), yVa);
      if (r === 0) models[k] = warm;
    });
  }
  let best = 0;
  for (let k = 1; k < order.length; k++) if (loss[k] < loss[best] - 1e-12) best = k;
  return { lambda: order[best], warm: models[best] };
}

function rowsWhere(fold: Int32Array, keep: (k: number) => boolean): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < fold.length; i++) if (keep(fold[i])) out.push(i);
  return Int32Array.from(out);
}

function gather(x: Float64Array, c: number, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length * c);
  rows.forEach((r, k) => out.set(x.subarray(r * c, (r + 1) * c), k * c));
  return out;
}
