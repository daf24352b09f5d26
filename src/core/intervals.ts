// 95% intervals (docs/uncertainty.md §2): Wilson for the two fractions (good coverage even near 0
// and 1, where the near-duplicate fractions usually live); for the classifier scores a seeded
// stratified percentile bootstrap over rows of the repeat-averaged p (sampling noise), each side
// then widened in quadrature by the spread of the refit replicates' scores (refitting noise: another
// sample of rows, folds, λ path), with Welch–Satterthwaite's t (withRefitNoise).
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
  // Clamped so the bounds always hold the estimate: in floating point the upper bound at k = n
  // came out as 0.9999999999999999 and the lower bound at k = 0 just above 0.
  const lo = successes <= 0 ? 0 : Math.min(phat, Math.max(0, centre - half));
  const hi = successes >= n ? 1 : Math.max(phat, Math.min(1, centre + half));
  return { value: phat, lo, hi, n, method: 'wilson' };
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
  /** Out-of-fold p of each repeat (p is their mean): adds the refitting noise to the intervals. */
  pPerRepeat?: readonly ArrayLike<number>[];
}

/** Each classifier score computed on one repeat's p alone. */
export interface RepeatScores {
  unrealistic: number[];
  unrepresentative: number[];
  auc: number[];
}

export function repeatScores(pPerRepeat: readonly ArrayLike<number>[], y: Uint8Array): RepeatScores {
  const synth: number[] = [], real: number[] = [];
  for (let i = 0; i < y.length; i++) (y[i] ? synth : real).push(i);
  const out: RepeatScores = { unrealistic: [], unrepresentative: [], auc: [] };
  for (const p of pPerRepeat) {
    const s = stats(p, y, scoreOrder(p), synth, real);
    out.unrealistic.push(s.unrealistic);
    out.unrepresentative.push(s.unrepresentative);
    out.auc.push(s.auc);
  }
  return out;
}

/** Student's t 97.5% quantiles for 1..10 degrees of freedom (beyond: the normal's, near enough). */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228];

/**
 * 95% half-width of the refitting noise: t_{R−1} · sd over the R per-repeat values, each a score
 * of a refit on a bootstrap resample of the rows (crossval.ts), so sd is how far a fit on another
 * sample of rows moves the score. Not sd / √R: the reported p is one fit's, and a new sample of rows
 * moves it as much as it moves one replicate. t, not 1.96: sd comes from only R values (0 with < 2).
 */
export function refitHalfWidth(values: ArrayLike<number>): number {
  const r = values.length;
  if (r < 2) return 0;
  let m = 0;
  for (let i = 0; i < r; i++) m += values[i] / r;
  let ss = 0;
  for (let i = 0; i < r; i++) ss += (values[i] - m) ** 2;
  return (T975[r - 2] ?? Z95) * Math.sqrt(ss / (r - 1));
}

/** Student's t 97.5% quantile for ν > 0 degrees of freedom (Cornish–Fisher; within 0.01 of the table from ν = 3). */
export function t975(nu: number): number {
  if (!(nu < 1e6)) return Z95;
  const z = Z95, z3 = z ** 3, z5 = z ** 5, z7 = z ** 7;
  return z + (z3 + z) / (4 * nu) + (5 * z5 + 16 * z3 + 3 * z) / (96 * nu * nu) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * nu ** 3);
}

/**
 * Combine the bootstrap interval over rows (sampling noise, well estimated) with the spread of R
 * bootstrap-refit replicates (refitting noise, sd from only R values): each side's variance is
 * b² + s² (b = that side's bootstrap half-width / 1.96), and its 95% half-width uses Student's t at
 * the Welch–Satterthwaite degrees of freedom ν = (b² + s²)² (R − 1) / s⁴: near 1.96 when the rows
 * dominate, t_{R−1} when the refits do. Clamped to `bounds`, never excluding the value.
 */
export function withRefitNoise(e: Estimate, refits: ArrayLike<number>, bounds: [number, number] = [0, 1]): Estimate {
  const r = refits.length;
  if (r < 2) return e;
  let m = 0, ss = 0;
  for (let i = 0; i < r; i++) m += refits[i] / r;
  for (let i = 0; i < r; i++) ss += (refits[i] - m) ** 2;
  const s2 = ss / (r - 1);
  if (!(s2 > 0)) return e;
  const side = (half: number) => { const v = (half / Z95) ** 2 + s2; return t975((v * v * (r - 1)) / (s2 * s2)) * Math.sqrt(v); };
  const lo = e.value - side(e.value - e.lo), hi = e.value + side(e.hi - e.value);
  return { ...e, lo: Math.min(e.value, Math.max(bounds[0], lo)), hi: Math.max(e.value, Math.min(bounds[1], hi)) };
}

/**
 * Widen a percentile interval by an independent error of 95% half-width `half`, each side in
 * quadrature (keeps the bootstrap's asymmetry), clamped to the score's bounds and never
 * excluding the value.
 */
export function widenInterval(e: Estimate, half: number, bounds: [number, number] = [0, 1]): Estimate {
  if (!(half > 0)) return e;
  const add = half * half;
  const lo = e.value - Math.sqrt((e.value - e.lo) ** 2 + add);
  const hi = e.value + Math.sqrt((e.hi - e.value) ** 2 + add);
  return { ...e, lo: Math.min(e.value, Math.max(bounds[0], lo)), hi: Math.max(e.value, Math.min(bounds[1], hi)) };
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
    const lo = Math.min(value, quantileSorted(sorted, 0.025)), hi = Math.max(value, quantileSorted(sorted, 0.975));
    return { value, lo, hi, n: size, method: 'bootstrap' };
  };
  const rep = opts.pPerRepeat && opts.pPerRepeat.length > 1 ? repeatScores(opts.pPerRepeat, y) : null;
  const refit = (e: Estimate, k: keyof RepeatScores) => (rep ? withRefitNoise(e, rep[k]) : e);
  const auc = refit(est(point.auc, draws.auc, n), 'auc');
  const detectability = est(Math.max(0, 2 * point.auc - 1), detect, n);
  return {
    unrealistic: refit(est(point.unrealistic, draws.unrealistic, ns), 'unrealistic'),
    unrepresentative: refit(est(point.unrepresentative, draws.unrepresentative, nr), 'unrepresentative'),
    auc,
    // detectability = max(0, 2·AUC − 1): its interval is the AUC's, mapped.
    detectability: rep ? { ...detectability, lo: Math.max(0, 2 * auc.lo - 1), hi: Math.max(0, 2 * auc.hi - 1) } : detectability,
  };
}

function stats(p: ArrayLike<number>, y: Uint8Array, so: ReturnType<typeof scoreOrder>, synth: number[], real: number[], counts?: Uint32Array) {
  let s1 = 0, w1 = 0, s0 = 0, w0 = 0;
  for (const i of synth) { const w = counts ? counts[i] : 1; s1 += w * p[i]; w1 += w; }
  for (const i of real) { const w = counts ? counts[i] : 1; s0 += w * (1 - p[i]); w0 += w; }
  return { unrealistic: w1 > 0 ? s1 / w1 : NaN, unrepresentative: w0 > 0 ? s0 / w0 : NaN, auc: weightedAuc(so, y, counts) };
}
