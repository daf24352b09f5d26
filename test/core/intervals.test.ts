import { describe, expect, it } from 'vitest';
import { bootstrapClassifierScores, quantileSorted, wilson } from '../../src/core/intervals.ts';
import { createRng } from '../../src/core/random.ts';

describe('Wilson interval', () => {
  it.each([
    [0, 10, 0, 0.2775328],
    [5, 10, 0.2365931, 0.7634069],
    [81, 263, 0.2552885, 0.3662096], // Newcombe (1998) / Wikipedia worked example
    [10, 200, 0.0273826, 0.0895781],
    [1, 1, 0.2065493, 1],
  ])('%i of %i → [%f, %f]', (k, n, lo, hi) => {
    const e = wilson(k, n);
    expect(e.value).toBeCloseTo(k / n, 12);
    expect(e.lo).toBeCloseTo(lo, 6);
    expect(e.hi).toBeCloseTo(hi, 6);
    expect(e).toMatchObject({ n, method: 'wilson' });
  });

  it('covers the true proportion about 95% of the time', () => {
    const rng = createRng(5);
    const p = 0.05, n = 200, trials = 2000;
    let covered = 0;
    for (let t = 0; t < trials; t++) {
      let k = 0;
      for (let i = 0; i < n; i++) if (rng.next() < p) k++;
      const e = wilson(k, n);
      if (e.lo <= p && p <= e.hi) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.92);
    expect(covered / trials).toBeLessThan(0.985);
  });
});

describe('stratified bootstrap of the classifier scores', () => {
  const rng = createRng(9);
  const n = 400;
  const y = Uint8Array.from({ length: n }, (_, i) => (i < 150 ? 0 : 1));
  const p = Float64Array.from(y, (v) => Math.min(1, Math.max(0, 0.5 + (v ? 0.1 : -0.1) + 0.6 * (rng.next() - 0.5))));

  it('gives point values, intervals around them, and is deterministic for a seed', () => {
    const a = bootstrapClassifierScores(p, y, { resamples: 500, seed: 1 });
    const b = bootstrapClassifierScores(p, y, { resamples: 500, seed: 1 });
    expect(a).toEqual(b);
    let s = 0;
    for (let i = 150; i < n; i++) s += p[i];
    expect(a.unrealistic.value).toBeCloseTo(s / 250, 12);
    expect(a.unrealistic.n).toBe(250);
    expect(a.unrepresentative.n).toBe(150);
    for (const e of [a.unrealistic, a.unrepresentative, a.auc, a.detectability]) {
      expect(e.lo).toBeLessThanOrEqual(e.value);
      expect(e.hi).toBeGreaterThanOrEqual(e.value);
      expect(e.hi - e.lo).toBeGreaterThan(0);
      expect(e.method).toBe('bootstrap');
    }
    expect(a.detectability.value).toBeCloseTo(2 * a.auc.value - 1, 12);
    // Standard error of a mean of 250 uniform(±0.3) values ≈ 0.011 → 95% width ≈ 0.043.
    expect(a.unrealistic.hi - a.unrealistic.lo).toBeGreaterThan(0.033);
    expect(a.unrealistic.hi - a.unrealistic.lo).toBeLessThan(0.055);
  });

  it('quantiles interpolate linearly', () => {
    expect(quantileSorted([0, 10], 0.25)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4, 5], 0.5)).toBe(3);
  });
});

describe('Wilson bounds hold the estimate', () => {
  it('100% has upper bound exactly 1 and 0% lower bound exactly 0, for any n', () => {
    for (const n of [1, 3, 7, 10, 49, 263, 1000, 12345]) {
      expect(wilson(n, n).hi).toBe(1);
      expect(wilson(0, n).lo).toBe(0);
      for (const k of [0, 1, n - 1, n]) {
        const e = wilson(k, n);
        expect(e.lo).toBeLessThanOrEqual(e.value);
        expect(e.hi).toBeGreaterThanOrEqual(e.value);
      }
    }
  });
});

describe('refitting noise widens the classifier intervals', () => {
  it('per-repeat p that disagree widen the interval; identical repeats leave it as the bootstrap gave it', () => {
    const rng = createRng(4), n = 300;
    const y = Uint8Array.from({ length: n }, (_, i) => (i < 150 ? 0 : 1));
    const reps = Array.from({ length: 5 }, (_, r) => Float64Array.from(y, (v) => 0.5 + (v ? 0.1 : -0.1) + 0.02 * (r - 2) + 0.2 * (rng.next() - 0.5)));
    const p = Float64Array.from(y, (_, i) => reps.reduce((s, q) => s + q[i], 0) / 5);
    const plain = bootstrapClassifierScores(p, y, { resamples: 400, seed: 1 });
    const same = bootstrapClassifierScores(p, y, { resamples: 400, seed: 1, pPerRepeat: [p, p, p] });
    const wide = bootstrapClassifierScores(p, y, { resamples: 400, seed: 1, pPerRepeat: reps });
    expect(same).toEqual(plain);
    const width = (e: { lo: number; hi: number }) => e.hi - e.lo;
    // Replicate means shift by 0.02 each: sd 0.0316 → ~t₄ × 0.0316 ≈ 0.088 added in quadrature (Satterthwaite t).
    expect(width(wide.unrealistic)).toBeGreaterThan(width(plain.unrealistic) + 0.03);
    expect(wide.unrealistic.value).toBe(plain.unrealistic.value);
  });
});
