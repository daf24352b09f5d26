// Out-of-fold probabilities p_i = P(synthetic | x_i) from REPEATED stratified K-fold
// cross-validation (docs/uncertainty.md §1):
// - R repeats, each with its own fold deal, on one PCA sketch; p_i is the mean over repeats of
//   the out-of-fold p from the one model per repeat that did not see row i. One deal of the folds
//   moved the scores more than their interval admitted (issue 13); the sketch's seed moves them by
//   under a fifth of it (docs/uncertainty.md §1, "One sketch per run").
// - One λ for the run: every λ of the grid is fitted in every outer fold of every repeat (a warm-
//   started path, strongest first); λ is the minimum of the balanced log-loss of the pooled
//   out-of-fold p (n × R predictions), interpolated in log λ, and every fold is refitted there.
//   A per-fold inner split picked 0.01 or 0.001 almost at random, and the mean p (not the AUC)
//   swings with λ.
// Per repeat, the p of a refit at λ on a bootstrap resample of the rows is returned too
// (pPerRepeat): their spread is the refitting noise the intervals add to the bootstrap over rows
// (src/core/intervals.ts, docs/uncertainty.md §2).
import { checkpoint, type AbortSignalLike } from './errors.ts';
import type { Gemm } from './gemm.ts';
import { balancedLogLoss, fitLogistic, type LogisticModel, predictLogistic } from './logistic.ts';
import { standardisingPca } from './pca.ts';
import type { ProgressCallback } from './progress.ts';
import { stageReporter } from './progress.ts';
import { createRng, deriveSeed, type Rng, shuffle } from './random.ts';

/** On unit-variance features with the loss averaged per row, this spans "nearly free" to "heavy". */
export const DEFAULT_LAMBDAS = [1, 1e-1, 1e-2, 1e-3, 1e-4];
/** Repeats of the K-fold deal: 5 brings the seed spread under the interval (docs/uncertainty.md §4). */
export const DEFAULT_REPEATS = 5;

export interface CrossValOptions {
  folds?: number;
  seed?: number;
  gemm: Gemm;
  signal?: AbortSignalLike;
  onProgress?: ProgressCallback;
  /** PCA components (default 64). */
  components?: number;
  lambdas?: number[];
  /** Repeats of the K-fold deal (default DEFAULT_REPEATS). */
  repeats?: number;
}

export interface CrossValResult {
  /** Per row: the mean over repeats of the out-of-fold p at the chosen λ. */
  p: Float64Array;
  /** Per repeat: out-of-fold p at λ of folds refitted on a bootstrap resample of the rows (the refitting noise). */
  pPerRepeat: Float64Array[];
  /** The one λ of the run. */
  lambda: number;
  /** λ per outer fold, for the report's diagnostics: the run's λ, K times. */
  lambdas: number[];
  /** Pooled balanced out-of-fold log-loss per λ of the grid (grid order). */
  lossByLambda: { lambda: number; loss: number }[];
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

/** The fold deal of repeat r (repeat 0 keeps the single-pass seed, so folds match the table path). */
export function repeatFolds(y: Uint8Array, folds: number, seed: number, r: number): Int32Array {
  return stratifiedFolds(y, folds, createRng(r === 0 ? deriveSeed(seed, 2) : deriveSeed(seed, 200 + r)));
}

export async function crossValidatedProbabilities(x: Float32Array, n: number, dim: number, y: Uint8Array, opts: CrossValOptions): Promise<Float64Array> {
  return (await crossValidate(x, n, dim, y, opts)).p;
}

export async function crossValidate(x: Float32Array, n: number, dim: number, y: Uint8Array, opts: CrossValOptions): Promise<CrossValResult> {
  const seed = opts.seed ?? 0, repeats = Math.max(1, opts.repeats ?? DEFAULT_REPEATS);
  const pcaStage = stageReporter('pca', 1, opts.onProgress);
  pcaStage.initiate();
  // One sketch for every repeat (the seed repeat 0's sketch had when each repeat drew its own).
  const pca = await standardisingPca(x, n, dim, { gemm: opts.gemm, components: opts.components, seed: deriveSeed(seed, 1), signal: opts.signal });
  const features = { x: pca.projected, c: pca.components };
  pcaStage.done();
  const cv = await repeatedLogisticCv(() => features, n, y, { ...opts, repeats });
  return { ...cv, components: features.c };
}

export interface RepeatedCvOptions {
  folds?: number;
  seed?: number;
  lambdas?: number[];
  repeats?: number;
  signal?: AbortSignalLike;
  onProgress?: ProgressCallback;
}

/**
 * The repeated, pooled-λ logistic cross-validation over ready features (row-major n×c, possibly
 * different per repeat). Also used by the table detector's `logistic` mode.
 */
export async function repeatedLogisticCv(
  featuresOf: (repeat: number) => { x: ArrayLike<number>; c: number },
  n: number,
  y: Uint8Array,
  opts: RepeatedCvOptions,
): Promise<Omit<CrossValResult, 'components'>> {
  const folds = opts.folds ?? 5, seed = opts.seed ?? 0, repeats = Math.max(1, opts.repeats ?? DEFAULT_REPEATS);
  const grid = opts.lambdas ?? DEFAULT_LAMBDAS;
  const order = [...grid].sort((a, b) => b - a); // strongest first: each fit warm-starts the next
  // oof[r][k][i]: out-of-fold p of row i in repeat r at λ = order[k]; models[r][f][k] the fits.
  const oof = Array.from({ length: repeats }, () => order.map(() => new Float64Array(n)));
  const models: LogisticModel[][][] = [];
  const stage = stageReporter('classifier', repeats * folds, opts.onProgress);
  stage.initiate();
  for (let r = 0; r < repeats; r++) {
    models.push(await eachFold(featuresOf(r), y, repeatFolds(y, folds, seed, r), opts.signal, (f, fit, predict) => {
      let warm: LogisticModel | undefined;
      const path = order.map((lambda, k) => {
        warm = fit(lambda, warm);
        predict(warm, oof[r][k]);
        return warm;
      });
      stage.progress(r * folds + f + 1);
      return path;
    }));
  }
  const loss = order.map((_, k) => oof.reduce((s, perLambda) => s + balancedLogLoss(perLambda[k], y), 0) / repeats);
  const { lambda, nearest } = lossMinimum(order, loss);
  let pPerRepeat = oof.map((perLambda) => perLambda[nearest]);
  if (lambda !== order[nearest]) {
    // Refit at the interpolated λ, warm-started from the nearest grid fit (a few iterations each).
    pPerRepeat = [];
    for (let r = 0; r < repeats; r++) {
      const pr = new Float64Array(n);
      await eachFold(featuresOf(r), y, repeatFolds(y, folds, seed, r), opts.signal, (f, fit, predict) => predict(fit(lambda, models[r][f][nearest]), pr));
      pPerRepeat.push(pr);
    }
  }
  const p = new Float64Array(n);
  for (const pr of pPerRepeat) for (let i = 0; i < n; i++) p[i] += pr[i] / repeats;
  // Refitting noise: per repeat, every fold refitted at λ on a stratified bootstrap resample of the
  // rows (one resample shared by the repeat's folds, so the scores move as a fit on another sample
  // of rows would; independent per-fold resamples would average that away). The repeats' own
  // spread misses it: a score sums each row's influence over the K folds, so a new deal cancels it.
  const pRefit: Float64Array[] = [];
  for (let r = 0; r < repeats; r++) {
    const pr = new Float64Array(n), counts = stratifiedResample(y, createRng(deriveSeed(seed, 400 + r)));
    await eachFold(featuresOf(r), y, repeatFolds(y, folds, seed, r), opts.signal, (f, fit, predict) => predict(fit(lambda, models[r][f][nearest]), pr), counts);
    pRefit.push(pr);
  }
  stage.done(); // after the refit replicates: they are the classifier's work too
  return {
    p,
    pPerRepeat: pRefit,
    lambda,
    lambdas: Array.from({ length: folds }, () => lambda),
    lossByLambda: grid.map((l) => ({ lambda: l, loss: loss[order.indexOf(l)] })),
  };
}

/**
 * The minimum of the pooled loss over log λ: the grid's best point refined by the parabola through
 * it and its two neighbours. A continuous λ moves a little when the loss moves a little; the grid's
 * argmin jumped a decade on a near-tie and took the mean p with it (docs/uncertainty.md §1).
 */
export function lossMinimum(order: readonly number[], loss: readonly number[]): { lambda: number; nearest: number } {
  let k = 0;
  for (let j = 1; j < order.length; j++) if (loss[j] < loss[k] - 1e-12) k = j;
  if (k === 0 || k === order.length - 1) return { lambda: order[k], nearest: k };
  const [t0, t1, t2] = [order[k - 1], order[k], order[k + 1]].map(Math.log10);
  const [l0, l1, l2] = [loss[k - 1], loss[k], loss[k + 1]];
  const num = (t1 - t0) ** 2 * (l1 - l2) - (t1 - t2) ** 2 * (l1 - l0);
  const den = (t1 - t0) * (l1 - l2) - (t1 - t2) * (l1 - l0);
  if (!(Math.abs(den) > 1e-15)) return { lambda: order[k], nearest: k };
  const t = Math.min(Math.max(t1 - num / (2 * den), Math.min(t0, t2)), Math.max(t0, t2));
  return { lambda: 10 ** t, nearest: Math.abs(t - t0) < Math.abs(t - t1) ? k - 1 : Math.abs(t - t2) < Math.abs(t - t1) ? k + 1 : k };
}

type FoldFit = (lambda: number, warm?: LogisticModel) => LogisticModel;
type FoldPredict = (model: LogisticModel, into: Float64Array) => void;

/** Runs `body` on each outer fold with a fitter on its training rows and a predictor for its test rows. */
async function eachFold<T>(
  feats: { x: ArrayLike<number>; c: number },
  y: Uint8Array,
  fold: Int32Array,
  signal: AbortSignalLike | undefined,
  body: (f: number, fit: FoldFit, predict: FoldPredict) => T,
  counts?: Uint32Array,
): Promise<T[]> {
  const { x, c } = feats;
  let folds = 0;
  for (let i = 0; i < fold.length; i++) folds = Math.max(folds, fold[i] + 1);
  const out: T[] = [];
  for (let f = 0; f < folds; f++) {
    await checkpoint(signal);
    const train = withCounts(rowsWhere(fold, (k) => k !== f), counts), test = rowsWhere(fold, (k) => k === f);
    const xTrain = gather(x, c, train), yTrain = Uint8Array.from(train, (i) => y[i]), xTest = gather(x, c, test);
    const fit: FoldFit = (lambda, warm) => fitLogistic(xTrain, train.length, c, yTrain, { lambda, warmStart: warm });
    const predict: FoldPredict = (model, into) => predictLogistic(model, xTest, test.length).forEach((v, t) => (into[test[t]] = v));
    out.push(body(f, fit, predict));
  }
  return out;
}

function rowsWhere(fold: Int32Array, keep: (k: number) => boolean): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < fold.length; i++) if (keep(fold[i])) out.push(i);
  return Int32Array.from(out);
}

function gather(x: ArrayLike<number>, c: number, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length * c);
  rows.forEach((r, k) => { for (let j = 0; j < c; j++) out[k * c + j] = x[r * c + j]; });
  return out;
}

/** Each row repeated counts[i] times (all rows once without counts). */
function withCounts(rows: Int32Array, counts?: Uint32Array): Int32Array {
  if (!counts) return rows;
  const out: number[] = [];
  for (const i of rows) for (let c = 0; c < counts[i]; c++) out.push(i);
  return Int32Array.from(out);
}

/** Times each row is drawn in a bootstrap resample that keeps each class' size. */
export function stratifiedResample(y: Uint8Array, rng: Rng): Uint32Array {
  const counts = new Uint32Array(y.length);
  for (const cls of [0, 1]) {
    const idx: number[] = [];
    for (let i = 0; i < y.length; i++) if (y[i] === cls) idx.push(i);
    for (let t = 0; t < idx.length; t++) counts[idx[rng.int(idx.length)]]++;
  }
  return counts;
}
