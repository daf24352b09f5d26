import { describe, expect, it } from 'vitest';
import { jsGemm } from '../../src/core/gemm.ts';
import { computeMap, stratifiedSubsample } from '../../src/core/map2d.ts';
import { createRng } from '../../src/core/random.ts';

/** Two well-separated clusters of unit vectors: real around e0, synthetic around e1. */
function clusters(nr: number, ns: number, dim: number, seed = 1) {
  const rng = createRng(seed);
  const n = nr + ns;
  const v = new Float32Array(n * dim);
  const isSynthetic = new Uint8Array(n).fill(1, nr);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let d = 0; d < dim; d++) {
      const x = (d === (isSynthetic[i] ? 1 : 0) ? 4 : 0) + rng.normal() * 0.3;
      v[i * dim + d] = x;
      s += x * x;
    }
    for (let d = 0; d < dim; d++) v[i * dim + d] /= Math.sqrt(s);
  }
  return { v, isSynthetic };
}

describe('stratifiedSubsample', () => {
  it('keeps everything under the cap, and both sides in proportion above it', () => {
    const small = new Uint8Array(100).fill(1, 60);
    expect(stratifiedSubsample(small, 5000, 0).length).toBe(100);
    const big = new Uint8Array(12_000).fill(1, 9_000);
    const s = stratifiedSubsample(big, 5000, 0);
    expect(s.length).toBe(5000);
    const synth = Array.from(s).filter((i) => big[i]).length;
    expect(synth).toBeGreaterThan(1200);
    expect(synth).toBeLessThan(1300);
    expect(new Set(s).size).toBe(5000);
    expect(Array.from(s)).toEqual(Array.from(stratifiedSubsample(big, 5000, 0)));
  });
  it('keeps a tenth of the cap for a small side', () => {
    const lopsided = new Uint8Array(20_000).fill(1, 19_900);
    const s = stratifiedSubsample(lopsided, 1000, 3);
    expect(Array.from(s).filter((i) => lopsided[i]).length).toBe(100);
  });
});

describe('computeMap', () => {
  it('is seeded, scaled to [0, 1], and separates two clusters', async () => {
    const { v, isSynthetic } = clusters(80, 80, 16);
    const a = await computeMap(v, 16, isSynthetic, { gemm: jsGemm, seed: 7 });
    const b = await computeMap(v, 16, isSynthetic, { gemm: jsGemm, seed: 7 });
    expect(a).not.toBeNull();
    expect(a!.xy).toEqual(b!.xy);
    expect(a!.rows.length).toBe(160);
    expect(a!.xy.length).toBe(320);
    expect(Math.min(...a!.xy)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...a!.xy)).toBeLessThanOrEqual(1);
    // Centroids of the two sides are far apart relative to the spread.
    const c = [0, 1].map((side: number) => {
      const pts = a!.rows.map((r, i) => [r, i]).filter(([r]) => isSynthetic[r] === side).map(([, i]) => [a!.xy[2 * i], a!.xy[2 * i + 1]]);
      return [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
    });
    expect(Math.hypot(c[0][0] - c[1][0], c[0][1] - c[1][1])).toBeGreaterThan(0.3);
  });
  it('maps 5,000 of 6,000 points in reasonable time', async () => {
    const { v, isSynthetic } = clusters(3000, 3000, 32, 2);
    const t = performance.now();
    const m = await computeMap(v, 32, isSynthetic, { gemm: jsGemm, seed: 0 });
    console.info(`map of ${m!.rows.length} points: ${(performance.now() - t).toFixed(0)} ms`);
    expect(m!.rows.length).toBe(5000);
    expect(m!.total).toBe(6000);
  });
});
