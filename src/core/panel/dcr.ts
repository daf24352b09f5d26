// DCR share with a holdout (the distance-to-closest-record test of SDMetrics and synthcity): the
// share of synthetic rows whose nearest training-real row is closer than their nearest holdout
// row, ties counting half. A generator that learned the distribution and copied nothing puts its
// rows as close to unseen real rows as to the ones it trained on: 0.5. Copying pushes it to 1.
// 0.5 holds only when both reference sets have the same size (a bigger set has nearer
// neighbours), so the larger of training and holdout is subsampled to the smaller's size.
import type { AbortSignalLike } from '../errors.ts';
import type { Gemm } from '../gemm.ts';
import { createRng, deriveSeed, sampleIndices } from '../random.ts';
import { nearestRows } from './tiles.ts';

export interface DcrResult {
  /** Synthetic rows nearer the training rows, nearer the holdout, and tied. */
  nearerTraining: number;
  nearerHoldout: number;
  ties: number;
  /** (nearerTraining + ties / 2) / n. */
  share: number;
  /** Two-sided exact sign test of share = 0.5 (ties left out, as the sign test does). */
  pValue: number;
  /** Rows of training and of holdout each comparison used. */
  referenceRows: number;
}

function rowsOf(x: Float32Array, dim: number, rows: Int32Array): Float32Array {
  const out = new Float32Array(rows.length * dim);
  rows.forEach((r, t) => out.set(x.subarray(r * dim, (r + 1) * dim), t * dim));
  return out;
}

export async function dcrShare(
  synthetic: Float32Array,
  training: Float32Array,
  holdout: Float32Array,
  dim: number,
  opts: { gemm: Gemm; seed?: number; signal?: AbortSignalLike; nearestTrainingSimilarity?: Float32Array },
): Promise<DcrResult> {
  const nt = training.length / dim, nh = holdout.length / dim, m = Math.min(nt, nh);
  const rng = createRng(deriveSeed(opts.seed ?? 0, 0xdc));
  const trainingSim = nt === m && opts.nearestTrainingSimilarity
    ? opts.nearestTrainingSimilarity
    : (await nearestRows(synthetic, nt === m ? training : rowsOf(training, dim, sampleIndices(nt, m, rng)), dim, opts.gemm, opts.signal)).similarity;
  const holdoutSim = (await nearestRows(synthetic, nh === m ? holdout : rowsOf(holdout, dim, sampleIndices(nh, m, rng)), dim, opts.gemm, opts.signal)).similarity;
  let nearerTraining = 0, nearerHoldout = 0, ties = 0;
  for (let j = 0; j < trainingSim.length; j++) {
    if (trainingSim[j] > holdoutSim[j]) nearerTraining++;
    else if (trainingSim[j] < holdoutSim[j]) nearerHoldout++;
    else ties++;
  }
  const n = trainingSim.length;
  return {
    nearerTraining,
    nearerHoldout,
    ties,
    share: n > 0 ? (nearerTraining + ties / 2) / n : NaN,
    pValue: signTestPValue(nearerTraining, nearerHoldout),
    referenceRows: m,
  };
}

/**
 * Two-sided exact binomial test of p = 0.5 for `a` successes against `b` failures:
 * 2·P(X ≤ min(a, b)), X ~ Binomial(a + b, ½), capped at 1. Summed in log space so n = 10⁶ is fine.
 */
export function signTestPValue(a: number, b: number): number {
  const n = a + b, k = Math.min(a, b);
  if (n === 0) return 1;
  // log P(X = k) = log C(n, k) − n log 2, then walk down with P(i−1)/P(i) = i / (n − i + 1).
  let logP = -n * Math.LN2;
  for (let i = 1; i <= k; i++) logP += Math.log((n - k + i) / i);
  let tail = 0, term = 1; // tail / exp(logP)
  for (let i = k; i >= 0; i--) {
    tail += term;
    term *= i / (n - i + 1);
    if (term < 1e-17 * tail) break;
  }
  return Math.min(1, 2 * Math.exp(logP + Math.log(tail)));
}
