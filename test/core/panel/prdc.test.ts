import { describe, expect, it } from 'vitest';
import { jsGemm } from '../../../src/core/gemm.ts';
import { computePanel } from '../../../src/core/panel/index.ts';
import { forEachTile } from '../../../src/core/panel/tiles.ts';
import { createRng } from '../../../src/core/random.ts';
import { normaliseRows } from '../../../src/core/normalise.ts';
import { circle, sphereCloud } from './clouds.ts';

/** prdc's reference computation, literally: Euclidean distances, k-th value including self. */
function referencePrdc(real: Float32Array, fake: Float32Array, dim: number, k: number) {
  const nr = real.length / dim, nf = fake.length / dim;
  const dist = (a: Float32Array, i: number, b: Float32Array, j: number) => {
    let s = 0;
    for (let t = 0; t < dim; t++) s += (a[i * dim + t] - b[j * dim + t]) ** 2;
    return Math.sqrt(s);
  };
  const kth = (x: Float32Array, n: number) =>
    Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => dist(x, i, x, j)).sort((a, b) => a - b)[k]);
  const rr = kth(real, nr), rf = kth(fake, nf);
  const d = Array.from({ length: nr }, (_, i) => Array.from({ length: nf }, (_, j) => dist(real, i, fake, j)));
  let precision = 0, density = 0, recall = 0, coverage = 0;
  for (let j = 0; j < nf; j++) {
    let inside = 0;
    for (let i = 0; i < nr; i++) if (d[i][j] < rr[i]) inside++;
    precision += inside > 0 ? 1 : 0;
    density += inside;
  }
  for (let i = 0; i < nr; i++) {
    if (d[i].some((v, j) => v < rf[j])) recall++;
    if (Math.min(...d[i]) < rr[i]) coverage++;
  }
  return { precision: precision / nf, recall: recall / nr, density: density / (k * nf), coverage: coverage / nr };
}

const values = (p: Awaited<ReturnType<typeof computePanel>>) => ({
  precision: p.precision.value, recall: p.recall.value, density: p.density.value, coverage: p.coverage.value,
});

describe('precision, recall, density, coverage', () => {
  it('give the values worked out by hand on a circle (k = 1)', async () => {
    // Real at 0°, 10°, 20°, 30° (each real radius: 10°); synthetic at 5° and 100° (radii: 95°).
    // 5° lies in the balls of 0° and 10°; 100° in none → precision 1/2, density 2/(1·2) = 1.
    // Within 10° of a synthetic row: 0° and 10° → coverage 2/4. Every real row lies within 95° of 5° → recall 1.
    const p = await computePanel({ real: circle([0, 10, 20, 30]), synthetic: circle([5, 100]), dim: 2, gemm: jsGemm, k: 1 });
    expect(values(p)).toEqual({ precision: 0.5, recall: 1, density: 1, coverage: 0.5 });
    expect(p.precision.n).toBe(2);
    expect(p.coverage.n).toBe(4);
  });

  it("match prdc's reference computation (Euclidean distances) on random unit rows", async () => {
    const rng = createRng(3), dim = 5;
    const cloud = (n: number) => normaliseRows(Float32Array.from({ length: n * dim }, () => rng.normal()), n, dim);
    const real = cloud(60), fake = cloud(45);
    const p = await computePanel({ real, synthetic: fake, dim, gemm: jsGemm });
    const ref = referencePrdc(real, fake, dim, 5);
    expect(values(p).precision).toBeCloseTo(ref.precision, 10);
    expect(values(p).recall).toBeCloseTo(ref.recall, 10);
    expect(values(p).density).toBeCloseTo(ref.density, 10);
    expect(values(p).coverage).toBeCloseTo(ref.coverage, 10);
  });

  it('on identical distributions: density ≈ 1 and coverage ≈ 1 − 2⁻ᵏ (Naeem et al., §4)', async () => {
    const p = await computePanel({ real: sphereCloud(1000, 16, 1), synthetic: sphereCloud(1000, 16, 2), dim: 16, gemm: jsGemm, resamples: 200 });
    expect(p.density.value).toBeGreaterThan(0.9);
    expect(p.density.value).toBeLessThan(1.1);
    expect(p.density.lo).toBeLessThan(1);
    expect(p.density.hi).toBeGreaterThan(1);
    // E[coverage] = 1 − Π_{t=1..5} (N − t)/(M + N − t) = 0.9690 for M = N = 1000.
    expect(Math.abs(p.coverage.value - 0.969)).toBeLessThan(0.015);
    expect(p.precision.value).toBeGreaterThan(0.9);
    expect(p.recall.value).toBeGreaterThan(0.9);
  });

  it('drop when the synthetic cloud moves away from the real one', async () => {
    const real = sphereCloud(800, 16, 1, 0, 0.2);
    const same = await computePanel({ real, synthetic: sphereCloud(800, 16, 2, 0, 0.2), dim: 16, gemm: jsGemm, resamples: 0 });
    const moved = await computePanel({ real, synthetic: sphereCloud(800, 16, 2, 1, 0.2), dim: 16, gemm: jsGemm, resamples: 0 });
    expect(moved.precision.value).toBeLessThan(same.precision.value - 0.3);
    expect(moved.recall.value).toBeLessThan(same.recall.value - 0.3);
    expect(moved.density.value).toBeLessThan(0.5 * same.density.value);
    expect(moved.coverage.value).toBeLessThan(same.coverage.value - 0.3);
  });

  it('lose recall and coverage, not precision, when the synthetic set drops a mode', async () => {
    const dim = 16;
    const modeA = sphereCloud(400, dim, 1, 0, 0.15), modeB = sphereCloud(400, dim, 2, 3, 0.15);
    const real = Float32Array.from([...modeA, ...modeB]);
    const both = Float32Array.from([...sphereCloud(400, dim, 3, 0, 0.15), ...sphereCloud(400, dim, 4, 3, 0.15)]);
    const onlyA = sphereCloud(800, dim, 5, 0, 0.15);
    const full = await computePanel({ real, synthetic: both, dim, gemm: jsGemm, resamples: 0 });
    const dropped = await computePanel({ real, synthetic: onlyA, dim, gemm: jsGemm, resamples: 0 });
    expect(dropped.coverage.value).toBeLessThan(0.6);
    expect(dropped.recall.value).toBeLessThan(0.6);
    expect(full.coverage.value).toBeGreaterThan(0.9);
    expect(dropped.precision.value).toBeGreaterThan(full.precision.value - 0.05);
  });
});

describe('forEachTile', () => {
  it('visits every similarity exactly once whatever the block size', async () => {
    const rng = createRng(9), dim = 3;
    const a = Float32Array.from({ length: 11 * dim }, () => rng.normal()), b = Float32Array.from({ length: 7 * dim }, () => rng.normal());
    const seen = new Float64Array(11 * 7);
    await forEachTile(a, b, dim, jsGemm, (tile, a0, ar, b0, br) => {
      for (let i = 0; i < ar; i++) for (let j = 0; j < br; j++) seen[(a0 + i) * 7 + b0 + j] += tile[i * br + j];
    }, { blockRows: 4 });
    for (let i = 0; i < 11; i++) for (let j = 0; j < 7; j++) {
      let s = 0;
      for (let t = 0; t < dim; t++) s += a[i * dim + t] * b[j * dim + t];
      expect(seen[i * 7 + j]).toBeCloseTo(s, 5);
    }
  });
});
