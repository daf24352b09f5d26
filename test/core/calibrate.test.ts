// The per-run threshold calibration (docs/metrics.md §2): the threshold meets the stated false-pair
// rate on the null, reports what it catches, switches off a signal that does not separate, and
// falls back to the defaults below the minimum number of real rows.
import { describe, expect, it } from 'vitest';
import { calibrateOnReal, thresholdsInForce } from '../../src/core/calibrate-signals.ts';
import { calibrateSignal, FALSE_PAIR_RATE, MIN_CALIBRATION_ROWS, nearestDistinct, thresholdForFalsePairRate } from '../../src/core/calibrate.ts';
import type { CopySignal } from '../../src/core/copy-signal.ts';
import { jsGemm } from '../../src/core/gemm.ts';
import { createRng } from '../../src/core/random.ts';

describe('thresholdForFalsePairRate', () => {
  it('flags at most the stated share of the null, and as many as it may', () => {
    const rng = createRng(1);
    for (const n of [100, 1000, 5000]) {
      const nul = Array.from({ length: n }, () => 0.2 + rng.next());
      const t = thresholdForFalsePairRate(nul, 0.01);
      const flagged = nul.filter((d) => d < t).length;
      expect(flagged).toBeLessThanOrEqual(Math.floor(0.01 * n));
      expect(flagged).toBe(Math.floor(0.01 * n)); // the largest such threshold
    }
  });

  it('does not flag ties at the threshold (edges need d < t)', () => {
    expect(thresholdForFalsePairRate([0.1, 0.1, 0.1, 0.5], 0.25)).toBe(0.1);
  });
});

describe('calibrateSignal on constructed distributions', () => {
  const rng = createRng(2);
  const nul = Array.from({ length: 2000 }, () => 0.3 + 0.4 * rng.next());

  it('catches copies that sit below the genuine neighbours, per kind', () => {
    const copies = [...Array.from({ length: 300 }, () => ({ kind: 'shift', distance: 0.1 * rng.next() })), ...Array.from({ length: 100 }, () => ({ kind: 'far', distance: 0.9 }))];
    const c = calibrateSignal(nul, copies, { sampled: 100 });
    expect(c.falsePairRate).toBeLessThanOrEqual(FALSE_PAIR_RATE);
    expect(c.caughtByKind.shift).toBe(1);
    expect(c.caughtByKind.far).toBe(0);
    expect(c.catchRate).toBeCloseTo(0.75, 5);
    expect(c.used).toBe(true);
  });

  it('reports a signal whose copies overlap the genuine neighbours as not used', () => {
    const copies = Array.from({ length: 300 }, () => ({ kind: 'edit', distance: 0.3 + 0.4 * rng.next() }));
    const c = calibrateSignal(nul, copies, { sampled: 100 });
    expect(c.catchRate).toBeLessThan(0.1);
    expect(c.used).toBe(false);
  });
});

describe('nearestDistinct', () => {
  it('skips neighbours with the same content hash', () => {
    const graph = { n: 3, k: 2, indices: Int32Array.from([1, 2, 0, 2, 0, 1]), distances: Float32Array.from([0, 0.4, 0, 0.5, 0.4, 0.5]) };
    expect(nearestDistinct(graph, ['a', 'a', 'b'])).toEqual([expect.closeTo(0.4, 5), expect.closeTo(0.5, 5), expect.closeTo(0.4, 5)]);
  });
});

/** Unit rows scattered around `centres`, and a copy signal that is the same cosine distance. */
function cloud(n: number, dim: number, seed: number): Float32Array {
  const rng = createRng(seed), v = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let t = 0; t < dim; t++) s += (v[i * dim + t] = rng.next() - 0.5) ** 2;
    for (let t = 0; t < dim; t++) v[i * dim + t] /= Math.sqrt(s);
  }
  return v;
}
const cosineSignal = (v: Float32Array, dim: number): CopySignal => ({
  measure: 'cosine', candidates: v, dim,
  distance: (i, j) => { let s = 0; for (let t = 0; t < dim; t++) s += v[i * dim + t] * v[j * dim + t]; return 1 - s; },
});

describe('calibrateOnReal and thresholdsInForce', () => {
  const n = 200, dim = 16;
  const real = cloud(n, dim, 3);
  // Copies: each a slightly moved real row (distance ≪ genuine neighbours in 16-d).
  const m = 100, rng = createRng(4), copies = new Float32Array(m * dim), source: number[] = [];
  for (let c = 0; c < m; c++) {
    const s = c % n;
    source.push(s);
    let q = 0;
    for (let t = 0; t < dim; t++) q += (copies[c * dim + t] = real[s * dim + t] + 0.01 * (rng.next() - 0.5)) ** 2;
    for (let t = 0; t < dim; t++) copies[c * dim + t] /= Math.sqrt(q);
  }
  const all = new Float32Array((n + m) * dim);
  all.set(real);
  all.set(copies, n * dim);
  const hashes = Array.from({ length: n }, (_, i) => `h${i}`);

  it('sets both thresholds at the false-pair rate and drops an embedding that adds no catches', async () => {
    const cal = await calibrateOnReal({ real: { vectors: real, n, dim, hashes }, copies: { vectors: copies, source, kind: source.map(() => 'jitter') }, copySignal: cosineSignal(all, dim), gemm: jsGemm });
    expect(cal.copy!.falsePairRate).toBeLessThanOrEqual(FALSE_PAIR_RATE);
    expect(cal.copy!.catchRate).toBe(1);
    expect(cal.embedding.catchRate).toBe(1);
    // The same distance twice: the embedding catches nothing the copy signal misses.
    expect(cal.embedding.used).toBe(false);
    const t = thresholdsInForce({ kind: 'manifest' }, cal, { manifestTau: 0.5, copy: { value: 0.2, measure: 'cosine' }, realRows: n });
    expect(t.tau).toBe(0);
    expect(t.copyThreshold).toBe(cal.copy!.threshold);
    const info = t.describe(0);
    expect(info.source).toBe('calibrated');
    expect(info.signals!.map((s) => [s.signal, s.used])).toEqual([['embedding', false], ['copy', true]]);
    expect(info.note).toMatch(/not used/);
  });

  it('falls back to the defaults, labelled, below the minimum of real rows', () => {
    const t = thresholdsInForce({ kind: 'manifest' }, null, { manifestTau: 0.0084, copy: { value: 0.02, measure: 'thumbnails' }, realRows: MIN_CALIBRATION_ROWS - 1 });
    expect(t.tau).toBe(0.0084);
    expect(t.copyThreshold).toBe(0.02);
    const info = t.describe(0.0084);
    expect(info.source).toBe('manifest');
    expect(info.signals!.find((s) => s.signal === 'copy')!.source).toBe('default');
    expect(info.note).toMatch(/calibration needs 50/);
  });

  it("a user's threshold replaces the embedding's, labelled, and keeps the calibrated copy signal", async () => {
    const cal = await calibrateOnReal({ real: { vectors: real, n, dim, hashes }, copies: { vectors: copies, source, kind: source.map(() => 'jitter') }, copySignal: cosineSignal(all, dim), gemm: jsGemm });
    const t = thresholdsInForce({ kind: 'user', value: 0.05 }, cal, { manifestTau: 0.5, copy: { value: 0.2, measure: 'cosine' }, realRows: n });
    expect(t.tau).toBe(0.05);
    expect(t.describe(0.05).source).toBe('user');
    expect(t.describe(0.05).signals!.find((s) => s.signal === 'copy')!.source).toBe('calibrated');
  });
});
