import { describe, expect, it } from 'vitest';
import { jsGemm } from '../../../src/core/gemm.ts';
import { computePanel } from '../../../src/core/panel/index.ts';
import { dcrShare, signTestPValue } from '../../../src/core/panel/dcr.ts';
import { circle, pick, sphereCloud } from './clouds.ts';

describe('DCR share', () => {
  it('is near 0.5 for fresh rows and the test does not reject', async () => {
    const dim = 16;
    const r = await dcrShare(sphereCloud(1500, dim, 3), sphereCloud(1000, dim, 1), sphereCloud(1000, dim, 2), dim, { gemm: jsGemm });
    expect(Math.abs(r.share - 0.5)).toBeLessThan(0.05);
    expect(r.pValue).toBeGreaterThan(0.01);
  });

  it('subsamples the larger reference so unequal sizes still centre on 0.5', async () => {
    const dim = 16;
    const r = await dcrShare(sphereCloud(1000, dim, 3), sphereCloud(4000, dim, 1), sphereCloud(500, dim, 2), dim, { gemm: jsGemm });
    expect(r.referenceRows).toBe(500);
    expect(Math.abs(r.share - 0.5)).toBeLessThan(0.06);
  });

  it('is 1 for copies of training rows, with a tiny p-value', async () => {
    const dim = 16, training = sphereCloud(800, dim, 1);
    const copies = pick(training, dim, Array.from({ length: 300 }, (_, i) => (i * 7) % 800));
    const p = await computePanel({ real: training, synthetic: copies, holdout: sphereCloud(800, dim, 2), dim, gemm: jsGemm, resamples: 0 });
    expect(p.dcrShare?.value).toBe(1);
    expect(p.dcrShare?.lo).toBeGreaterThan(0.98);
    expect(p.dcrPValue).toBeLessThan(1e-50);
    expect(p.authenticity.value).toBe(0); // a copy is never authentic
  });

  it('counts ties half (worked by hand)', async () => {
    // Training at 0°, holdout at 20°; synthetic at 5° (training nearer), 10° (tie), 18° (holdout nearer), 2° (training).
    const r = await dcrShare(circle([5, 10, 18, 2]), circle([0]), circle([20]), 2, { gemm: jsGemm });
    expect([r.nearerTraining, r.ties, r.nearerHoldout]).toEqual([2, 1, 1]);
    expect(r.share).toBeCloseTo(2.5 / 4, 12);
  });
});

describe('signTestPValue', () => {
  it('gives the exact two-sided binomial p-values worked by hand', () => {
    expect(signTestPValue(0, 10)).toBeCloseTo(2 / 1024, 14);
    expect(signTestPValue(2, 8)).toBeCloseTo((2 * (1 + 10 + 45)) / 1024, 14);
    expect(signTestPValue(5, 5)).toBe(1);
    expect(signTestPValue(0, 0)).toBe(1);
    // Large n stays finite and symmetric.
    expect(signTestPValue(5200, 4800)).toBeCloseTo(signTestPValue(4800, 5200), 14);
    expect(signTestPValue(5200, 4800)).toBeGreaterThan(5e-5);
    expect(signTestPValue(5200, 4800)).toBeLessThan(1e-4);
  });
});
