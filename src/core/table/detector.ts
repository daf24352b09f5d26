// The tabular detector under REPEATED cross-validation (docs/uncertainty.md §1): out-of-fold
// p_i = P(synthetic | row), averaged over R fold deals (repeatFolds: repeat 0 is the single-pass
// deal, the same as crossval.ts's, so the folds match the image path). The per-repeat p are kept:
// their spread is the refitting noise the intervals and the paired comparisons add.
// 'trees' (default): gradient-boosted trees, early stopping inside each training fold.
// 'logistic': L2 logistic regression on z-scored features, through crossval.ts's repeated,
// pooled-λ path (one interpolated λ for the run).
import { DEFAULT_REPEATS, repeatFolds, repeatedLogisticCv, stratifiedResample } from '../crossval.ts';
import { createRng } from '../random.ts';
import { checkpoint, type AbortSignalLike } from '../errors.ts';
import { type ProgressCallback, type ProgressEvent, stageReporter } from '../progress.ts';
import { deriveSeed } from '../random.ts';
import { fitGbdtOnRows, type GbdtOptions, predictGbdtBinned } from './gbdt.ts';

export type TableDetector = 'trees' | 'logistic';

/** Repeats of the fold deal for trees (each is a full K-fold of boosted trees). */
export const TREE_REPEATS = DEFAULT_REPEATS;

export interface TableCvOptions {
  detector?: TableDetector;
  folds?: number;
  seed?: number;
  /** Repeats of the K-fold deal (default TREE_REPEATS for trees, DEFAULT_REPEATS for logistic). */
  repeats?: number;
  gbdt?: GbdtOptions;
  signal?: AbortSignalLike;
  onProgress?: ProgressCallback;
}

export interface TableCvResult {
  /** Per row: the mean over repeats of the out-of-fold p. */
  p: Float64Array;
  /** Per repeat: the out-of-fold p (the refitting noise). */
  pPerRepeat: Float64Array[];
  detector: TableDetector;
  /** Trees kept per fold of the first repeat (trees) or the run's one λ, once per fold (logistic). */
  perFold: number[];
}

export async function crossValidateTable(x: Float32Array, n: number, d: number, y: Uint8Array, opts: TableCvOptions = {}): Promise<TableCvResult> {
  const folds = opts.folds ?? 5, seed = opts.seed ?? 0, detector = opts.detector ?? 'trees';
  if (detector === 'logistic') {
    const xs = zScore(x, n, d);
    // crossval.ts reports its stage as 'classifier'; the table run calls it 'detector'.
    const onProgress = opts.onProgress && ((e: ProgressEvent) => opts.onProgress!({ ...e, stage: e.stage === 'classifier' ? 'detector' : e.stage }));
    const cv = await repeatedLogisticCv(() => ({ x: xs, c: d }), n, y, { folds, seed, repeats: opts.repeats ?? DEFAULT_REPEATS, signal: opts.signal, onProgress });
    return { p: cv.p, pPerRepeat: cv.pPerRepeat, detector, perFold: cv.lambdas };
  }
  const repeats = Math.max(1, opts.repeats ?? TREE_REPEATS);
  const p = new Float64Array(n);
  const pPerRepeat: Float64Array[] = [];
  const perFold: number[] = [];
  const stage = stageReporter('detector', 2 * repeats * folds, opts.onProgress);
  stage.initiate();
  for (let r = 0; r < repeats; r++) {
    const fold = repeatFolds(y, folds, seed, r);
    // Each repeat also refits every fold on one stratified resample of the rows, as the logistic
    // detector does (crossval.ts): those p carry the refitting noise the intervals need
    // (docs/uncertainty.md §2); the reported p is the mean over the plain repeats.
    const counts = stratifiedResample(y, createRng(deriveSeed(seed, 400 + r)));
    const plain = new Float64Array(n), refit = new Float64Array(n);
    for (let f = 0; f < folds; f++) {
      await checkpoint(opts.signal);
      const { train, test } = splitFold(fold, f);
      // Rows are binned once per fold (edges from the training rows) and read in place: no copies of x.
      // Repeat 0 keeps the single-pass seeds, so its p are those of one deal.
      const fitSeed = deriveSeed(seed, r === 0 ? 100 + f : 500 + r * folds + f);
      const { model, bins } = fitGbdtOnRows(x, n, d, train, Uint8Array.from(train, (i) => y[i]), { ...opts.gbdt, seed: fitSeed });
      if (r === 0) perFold.push(model.iterations);
      predictGbdtBinned(model, bins, test).forEach((v, k) => (plain[test[k]] = v));
      stage.progress(2 * (r * folds + f) + 1);
      const resampled = Int32Array.from(Array.from(train).flatMap((i) => Array<number>(counts[i]).fill(i)));
      const again = fitGbdtOnRows(x, n, d, resampled, Uint8Array.from(resampled, (i) => y[i]), { ...opts.gbdt, seed: fitSeed });
      predictGbdtBinned(again.model, again.bins, test).forEach((v, k) => (refit[test[k]] = v));
      stage.progress(2 * (r * folds + f) + 2);
    }
    for (let i = 0; i < n; i++) p[i] += plain[i] / repeats;
    pPerRepeat.push(refit);
  }
  stage.done();
  return { p, pPerRepeat, detector, perFold };
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

function splitFold(fold: Int32Array, f: number): { train: Int32Array; test: Int32Array } {
  let nTest = 0;
  for (let i = 0; i < fold.length; i++) if (fold[i] === f) nTest++;
  const train = new Int32Array(fold.length - nTest), test = new Int32Array(nTest);
  for (let i = 0, a = 0, b = 0; i < fold.length; i++) if (fold[i] === f) test[b++] = i; else train[a++] = i;
  return { train, test };
}
