// Coverage of the 95% intervals by simulation (docs/uncertainty.md §2). Constructed sets with a known
// population value: real rows ~ N(0, I₂), synthetic rows ~ N(δ·e₁, I₂). With balanced classes the
// best detector is p(x) = σ(δ·x₁ − δ²/2), so the population values are
//   unrealistic = unrepresentative = E_{x~N(δ,1)} σ(δx − δ²/2) (by symmetry), AUC = Φ(δ/√2).
// Each draw is a fresh sample scored end to end (repeated CV, then the intervals); the interval
// must hold the population value in ≥ 90% of draws.
import { describe, expect, it } from 'vitest';
import { classifierScores } from '../../src/core/classifier-scores.ts';
import { newcombeDifference } from '../../src/core/compare.ts';
import { crossValidate } from '../../src/core/crossval.ts';
import { jsGemm } from '../../src/core/gemm.ts';
import { wilson } from '../../src/core/intervals.ts';
import { sigmoid } from '../../src/core/logistic.ts';
import { createRng, deriveSeed } from '../../src/core/random.ts';

const DELTA = 1, DIM = 2, PER_SIDE = 150, DRAWS = 200;

/** E_{x~N(δ,1)} σ(δx − δ²/2) by the trapezoid rule on ±10 sd. */
function populationUnrealistic(delta: number): number {
  let s = 0;
  const h = 1e-3;
  for (let z = -10; z <= 10; z += h) s += (Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI)) * sigmoid(delta * (z + delta) - delta * delta / 2) * h;
  return s;
}

/** Φ via the Abramowitz–Stegun erf approximation (error < 1.5e-7). */
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.SQRT2);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

describe('95% intervals cover the population value', () => {
  it(`classifier scores: ≥ 90% of ${DRAWS} draws (${PER_SIDE} + ${PER_SIDE} rows, δ = ${DELTA})`, async () => {
    const truth = { unrealistic: populationUnrealistic(DELTA), unrepresentative: populationUnrealistic(DELTA), auc: normalCdf(DELTA / Math.SQRT2) };
    expect(truth.unrealistic).toBeCloseTo(0.6020, 3); // ≈ σ(0.5 / √(1 + π/8)) = 0.604, the probit approximation
    expect(truth.auc).toBeCloseTo(0.7602, 3);
    const covered = { unrealistic: 0, unrepresentative: 0, auc: 0 };
    for (let d = 0; d < DRAWS; d++) {
      const rng = createRng(deriveSeed(42, d)), n = 2 * PER_SIDE;
      const x = Float32Array.from({ length: n * DIM }, (_, k) => rng.normal() + (k >= PER_SIDE * DIM && k % DIM === 0 ? DELTA : 0));
      const y = new Uint8Array(n).fill(1, PER_SIDE);
      const cv = await crossValidate(x, n, DIM, y, { gemm: jsGemm, seed: d });
      const s = classifierScores(cv.p, y, { bootstrap: 400, seed: d, pPerRepeat: cv.pPerRepeat });
      for (const k of ['unrealistic', 'unrepresentative', 'auc'] as const) if (s[k].lo <= truth[k] && truth[k] <= s[k].hi) covered[k]++;
    }
    // Measured 192, 191 and 186 of 200 (96%, 95.5%, 93%); the bootstrap over rows alone gave 173,
    // 172, 185 (docs/uncertainty.md §2). At a true 93% the binomial sd over 200 draws is 1.8%, so
    // 90% sits ~1.7 sd below the weakest score: a regression to the old 86% fails, noise does not.
    for (const k of ['unrealistic', 'unrepresentative', 'auc'] as const) expect(covered[k] / DRAWS, k).toBeGreaterThanOrEqual(0.9);
  });

  it('fractions: Wilson (one set) and Newcombe (B − A) cover p and the difference in ≥ 90% of 2,000 draws', () => {
    const rng = createRng(3), n = 200, draws = 2000;
    const binom = (p: number) => { let k = 0; for (let i = 0; i < n; i++) if (rng.next() < p) k++; return k; };
    for (const [pa, pb] of [[0.02, 0.02], [0.1, 0.2], [0, 0.05]]) {
      let one = 0, diff = 0;
      for (let t = 0; t < draws; t++) {
        const ka = binom(pa), kb = binom(pb);
        const e = wilson(kb, n), d = newcombeDifference(ka, n, kb, n);
        if (e.lo <= pb && pb <= e.hi) one++;
        if (d.lo <= pb - pa && pb - pa <= d.hi) diff++;
      }
      expect(one / draws, `Wilson at ${pb}`).toBeGreaterThanOrEqual(0.9);
      expect(diff / draws, `Newcombe ${pb} − ${pa}`).toBeGreaterThanOrEqual(0.9);
    }
  });
});
