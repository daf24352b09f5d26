// The tabular detector under cross-validation: out-of-fold p_i = P(synthetic | row) with the same
// stratified K-fold as crossval.ts (same seed derivation, so the folds match the image path).
// 'trees' (default): gradient-boosted trees, early stopping inside each training fold.
// 'logistic': L2 logistic regression on z-scored features, λ chosen by balanced log-loss on an
// inner stratified 3-fold split of the training fold (as crossval.ts does for embeddings).
import { stratifiedFolds, DEFAULT_LAMBDAS } from '../crossval.ts';
import { checkpoint, type AbortSignalLike } from '../errors.ts';
import { balancedLogLoss, fitLogistic, type LogisticModel, predictLogistic } from '../logistic.ts';
import { type ProgressCallback, stageReporter } from '../progress.ts';
import { createRng, deriveSeed } from '../random.ts';
import { fitGbdt, type GbdtOptions, predictGbdt } from './gbdt.ts';

export type TableDetector = 'trees' | 'logistic';

export interface TableCvOptions {
  detector?: TableDetector;
  folds?: number;
  seed?: number;
  gbdt?: GbdtOptions;
  signal?: AbortSignalLike;
  onProgress?: ProgressCallback;
}

export interface TableCvResult {
  p: Float64Array;
  detector: TableDetector;
  /** Trees kept per fold (trees) or λ per fold (logistic). */
  perFold: number[];
}

export async function crossValidateTable(x: Float32Array, n: number, d: number, y: Uint8Array, opts: TableCvOptions = {}): Promise<TableCvResult> {
  const folds = opts.folds ?? 5, seed = opts.seed ?? 0, detector = opts.detector ?? 'trees';
  const fold = stratifiedFolds(y, folds, createRng(deriveSeed(seed, 2)));
  const p = new Float64Array(n);
  const perFold: number[] = [];
  const stage = stageReporter('detector', folds, opts.onProgress);
  stage.initiate();
  const xs = detector === 'logistic' ? zScore(x, n, d) : null;
  for (let f = 0; f < folds; f++) {
    await checkpoint(opts.signal);
    const train: number[] = [], test: number[] = [];
    for (let i = 0; i < n; i++) (fold[i] === f ? test : train).push(i);
    const yTr = Uint8Array.from(train, (i) => y[i]);
    if (detector === 'trees') {
      const model = fitGbdt(gather32(x, d, train), train.length, d, yTr, { ...opts.gbdt, seed: deriveSeed(seed, 100 + f) });
      perFold.push(model.iterations);
      const pt = predictGbdt(model, gather32(x, d, test), test.length, d);
      test.forEach((i, k) => (p[i] = pt[k]));
    } else {
      const xTr = gather64(xs!, d, train);
      const { lambda, warm } = chooseLambda(xTr, train.length, d, yTr, createRng(deriveSeed(seed, 100 + f)));
      perFold.push(lambda);
      const model = fitLogistic(xTr, train.length, d, yTr, { lambda, warmStart: warm });
      const pt = predictLogistic(model, gather64(xs!, d, test), test.length);
      test.forEach((i, k) => (p[i] = pt[k]));
    }
    stage.progress(f + 1);
  }
  stage.done();
  return { p, detector, perFold };
}

/** Columns to mean 0, variance 1 (constant columns to 0). Unsupervised, so fitting on all rows leaks no label. */
function zScore(x: Float32Array, n: number, d: number): Float64Array {
  const mean = new Float64Array(d), sq = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) { const v = x[i * d + j]; mean[j] += v; sq[j] += v * v; }
  const sd = new Float64Array(d);
  for (let j = 0; j < d; j++) { mean[j] /= n; const v = sq[j] / n - mean[j] ** 2; sd[j] = v > 1e-12 ? Math.sqrt(v) : 0; }
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) out[i * d + j] = sd[j] > 0 ? (x[i * d + j] - mean[j]) / sd[j] : 0;
  return out;
}

function chooseLambda(x: Float64Array, n: number, d: number, y: Uint8Array, rng: ReturnType<typeof createRng>): { lambda: number; warm?: LogisticModel } {
  const order = [...DEFAULT_LAMBDAS].sort((a, b) => b - a);
  const inner = stratifiedFolds(y, 3, rng);
  const rounds = n < 5000 ? 3 : 1;
  const loss = new Float64Array(order.length);
  const models: (LogisticModel | undefined)[] = [];
  for (let r = 0; r < rounds; r++) {
    const tr: number[] = [], va: number[] = [];
    for (let i = 0; i < n; i++) (inner[i] === r ? va : tr).push(i);
    const xTr = gather64(x, d, tr), yTr = Uint8Array.from(tr, (i) => y[i]);
    const xVa = gather64(x, d, va), yVa = Uint8Array.from(va, (i) => y[i]);
    let warm: LogisticModel | undefined;
    order.forEach((lambda, k) => {
      warm = fitLogistic(xTr, tr.length, d, yTr, { lambda, warmStart: warm });
      loss[k] += balancedLogLoss(predictLogistic(warm, xVa, va.length), yVa);
      if (r === 0) models[k] = warm;
    });
  }
  let best = 0;
  for (let k = 1; k < order.length; k++) if (loss[k] < loss[best] - 1e-12) best = k;
  return { lambda: order[best], warm: models[best] };
}

function gather32(x: Float32Array, d: number, rows: number[]): Float32Array {
  const out = new Float32Array(rows.length * d);
  rows.forEach((r, k) => out.set(x.subarray(r * d, (r + 1) * d), k * d));
  return out;
}

function gather64(x: Float64Array, d: number, rows: number[]): Float64Array {
  const out = new Float64Array(rows.length * d);
  rows.forEach((r, k) => out.set(x.subarray(r * d, (r + 1) * d), k * d));
  return out;
}
