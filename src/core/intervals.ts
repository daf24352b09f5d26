// 95% intervals: Wilson for the two fractions (good coverage even near 0 and 1, where the
// near-duplicate fractions usually live), a seeded stratified percentile bootstrap over rows for
// the classifier scores. The bootstrap holds the out-of-fold p fixed: it measures sampling
// noise in the scores given the fitted detectors, not refitting noise.
import { scoreOrder, weightedAuc } from './auc.ts';
import { createRng } from './random.ts';
import type { Estimate } from '../report/schema.ts';

const Z95 = 1.959963984540054;

export function wilson(successes: number, n: number, z = Z95): Estimate {
  if (n <= 0) return { value: 0, lo: 0, hi: 1, n: 0, method: 'wilson' };
  const phat = successes / n, z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (phat + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((phat * (1 - phat)) / n + z2 / (4 * n * n));
  return { value: phat, lo: Math.max(0, centre - half), hi: Math.min(1, centre + half), n, method: 'wilson' };
}

/** Linear-interpolated quantile of an ascending-sorted array. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q, lo = Math.floor(h), hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export interface ClassifierEstimates {
  unrealistic: Estimate;
  unrepresentative: Estimate;
  auc: Estimate;
  detectability: Estimate;
}

export interface BootstrapOptions {
  resamples?: number; // default 1000
  seed?: number;
}

/**
 * Point values and stratified bootstrap intervals (real and synthetic rows resampled
 * separately, so every resample keeps n_r and n_s). p is sorted once; each resample is a vector
 * of row counts, so a resample costs O(n) instead of a fresh O(n log n) sort.
 */
export function bootstrapClassifierScores(p: ArrayLike<number>, y: Uint8Array, opts: BootstrapOptions = {}): ClassifierEstimates {
  const B = opts.resamples ?? 1000;
  const rng = createRng(opts.seed ?? 0);
  const n = y.length;
  const synth: number[] = [], real: number[] = [];
  for (let i = 0; i < n; i++) (y[i] ? synth : real).push(i);
  const ns = synth.length, nr = real.length;
  const so = scoreOrder(p);
  const point = stats(p, y, so, synth, real);

  const draws = { unrealistic: new Float64Array(B), unrepresentative: new Float64Array(B), auc: new Float64Array(B) };
  const counts = new Uint32Array(n);
  for (let b = 0; b < B; b++) {
    counts.fill(0);
    for (let t = 0; t < ns; t++) counts[synth[rng.int(ns)]]++;
    for (let t = 0; t < nr; t++) counts[real[rng.int(nr)]]++;
    const s = stats(p, y, so, synth, real, counts);
    draws.unrealistic[b] = s.unrealistic;
    draws.unrepresentative[b] = s.unrepresentative;
    draws.auc[b] = s.auc;
  }
  const detect = draws.auc.map((a) => Math.max(0, 2 * a - 1));
  const est = (value: number, d: Float64Array, size: number): Estimate => {
    if (B === 0) return { value, lo: value, hi: value, n: size, method: 'bootstrap' };
    const sorted = Float64Array.from(d).sort();
    return { value, lo: quantileSorted(sorted, 0.025), hi: quantileSorted(sorted, 0.975), n: size, method: 'bootstrap' };
  };
  return {
    unrealistic: est(point.unrealistic, draws.unrealistic, ns),
    unrepresentative: est(point.unrepresentative, draws.unrepresentative, nr),
    auc: est(point.auc, draws.auc, n),
    detectability: est(Math.max(0, 2 * point.auc - 1), detect, n),
  };
}

function stats(p: ArrayLike<number>, y: Uint8Array, so: ReturnType<typeof scoreOrder>, synth: number[], real: number[], counts?: Uint32Array) {
  let s1 = 0, w1 = 0, s0 = 0, w0 = 0;
  for (const i of synth) { const w = counts ? counts[i] : 1; s1 += w * p[i]; w1 += w; }
  for (const i of real) { const w = counts ? counts[i] : 1; s0 += w * (1 - p[i]); w0 += w; }
  return { unrealistic: w1 > 0 ? s1 / w1 : NaN, unrepresentative: w0 > 0 ? s0 / w0 : NaN, auc: weightedAuc(so, y, counts) };
}
