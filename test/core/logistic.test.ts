import { describe, expect, it } from 'vitest';
import { balancedLogLoss, balancedWeights, fitLogistic, predictLogistic } from '../../src/core/logistic.ts';
import { createRng } from '../../src/core/random.ts';

function data(n1: number, n0: number, dim: number, sep: number, seed: number) {
  const rng = createRng(seed), n = n1 + n0;
  const y = Uint8Array.from({ length: n }, (_, i) => (i < n1 ? 1 : 0));
  const x = Float64Array.from({ length: n * dim }, (_, k) => rng.normal() + (k % dim === 0 && y[Math.floor(k / dim)] ? sep : 0));
  return { x, y, n };
}

describe('class-balanced logistic regression', () => {
  it('weights balance the classes: total weight per class is n/2', () => {
    const w = balancedWeights(Uint8Array.from([1, 0, 0, 0]));
    expect(Array.from(w)).toEqual([2, 2 / 3, 2 / 3, 2 / 3]);
  });

  it('predicts ≈0.5 on uninformative features even with a 1:4 class ratio', () => {
    const { x, y, n } = data(100, 400, 5, 0, 1);
    const m = fitLogistic(x, n, 5, y, { lambda: 1 });
    const p = predictLogistic(m, x, n);
    const mp = p.reduce((a, b) => a + b, 0) / n;
    expect(Math.abs(mp - 0.5)).toBeLessThan(0.02); // unbalanced training would give 0.2
  });

  it('finds a separating direction; weaker λ fits more; warm start converges to the same solution', () => {
    const { x, y, n } = data(200, 200, 4, 3, 2);
    const strong = fitLogistic(x, n, 4, y, { lambda: 1 });
    const weak = fitLogistic(x, n, 4, y, { lambda: 1e-4 });
    const warm = fitLogistic(x, n, 4, y, { lambda: 1e-4, warmStart: strong });
    expect(weak.params[0]).toBeGreaterThan(strong.params[0]);
    expect(weak.params[0]).toBeGreaterThan(1);
    for (let j = 0; j < 5; j++) expect(warm.params[j]).toBeCloseTo(weak.params[j], 3);
    expect(balancedLogLoss(predictLogistic(weak, x, n), y)).toBeLessThan(balancedLogLoss(predictLogistic(strong, x, n), y));
  });

  it('balanced log-loss of p = 0.5 is ln 2', () => {
    expect(balancedLogLoss(Float64Array.from([0.5, 0.5, 0.5]), Uint8Array.from([1, 0, 0]))).toBeCloseTo(Math.LN2, 12);
  });
});
