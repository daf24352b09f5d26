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
import { fitGbdtOnRows, type GbdtOptions, predictGbdtBinned } from './gbdt.ts';

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
    const { train, test } = splitFold(fold, f);
    const yTr = Uint8Array.from(train, (i) => y[i]);
    if (detector === 'trees') {
      // Rows are binned once per fold (edges from the training rows) and read in place: no copies of x.
      const { model, bins } = fitGbdtOnRows(x, n, d, train, yTr, { ...opts.gbdt, seed: deriveSeed(seed, 100 + f) });
      perFold.push(model.iterations);
      const pt = predictGbdtBinned(model, bins, test);
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

function splitFold(fold: Int32Array, f: number): { train: Int32Array; test: Int32Array } {
  let nTest = 0;
  for (let i = 0; i < fold.length; i++) if (fold[i] === f) nTest++;
  const train = new Int32Array(fold.length - nTest), test = new Int32Array(nTest);
  for (let i = 0, a = 0, b = 0; i < fold.length; i++) if (fold[i] === f) test[b++] = i; else train[a++] = i;
  return { train, test };
}

function gather64(x: Float64Array, d: number, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length * d);
  for (let k = 0; k < rows.length; k++) out.set(x.subarray(rows[k] * d, (rows[k] + 1) * d), k * d);
  return out;
}
