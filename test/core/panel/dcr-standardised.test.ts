// The DCR share on standardised features (core/panel/dcr-standardised.ts) against the literal
// computation: z-score each feature by the training rows, Euclidean distance, nearest of each set.
import { describe, expect, it } from 'vitest';
import { jsGemm } from '../../../src/core/gemm.ts';
import { standardisedDcrShare } from '../../../src/core/panel/dcr-standardised.ts';
import { createRng } from '../../../src/core/random.ts';

/** Rows whose features have very different scales (×1000 on the first), as a table's encoded columns do. */
function rows(n: number, dim: number, seed: number): Float32Array {
  const rng = createRng(seed), x = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) for (let c = 0; c < dim; c++) x[i * dim + c] = (c === 0 ? 1000 : c === 1 ? 0.01 : 1) * rng.normal() + (c === 2 ? 5 : 0);
  return x;
}

function literal(synthetic: Float32Array, training: Float32Array, holdout: Float32Array, dim: number): [number, number, number] {
  const nt = training.length / dim, mean = new Float64Array(dim), sd = new Float64Array(dim);
  for (let i = 0; i < nt; i++) for (let c = 0; c < dim; c++) mean[c] += training[i * dim + c] / nt;
  for (let i = 0; i < nt; i++) for (let c = 0; c < dim; c++) sd[c] += (training[i * dim + c] - mean[c]) ** 2 / (nt - 1);
  const z = (x: Float32Array, i: number, c: number) => (x[i * dim + c] - mean[c]) / Math.sqrt(sd[c]);
  const nearest = (s: number, ref: Float32Array) => {
    let best = Infinity;
    for (let r = 0; r < ref.length / dim; r++) {
      let d = 0;
      for (let c = 0; c < dim; c++) d += (z(synthetic, s, c) - z(ref, r, c)) ** 2;
      best = Math.min(best, d);
    }
    return best;
  };
  const out: [number, number, number] = [0, 0, 0];
  for (let s = 0; s < synthetic.length / dim; s++) {
    const t = nearest(s, training), h = nearest(s, holdout);
    out[t < h ? 0 : t > h ? 2 : 1]++;
  }
  return out;
}

describe('standardisedDcrShare', () => {
  it('counts what the literal z-scored Euclidean search counts', async () => {
    const dim = 6, synthetic = rows(150, dim, 3), training = rows(200, dim, 1), holdout = rows(200, dim, 2);
    const r = await standardisedDcrShare(synthetic, training, holdout, dim, { gemm: jsGemm });
    const [t, ties, h] = literal(synthetic, training, holdout, dim);
    // Float32 rounding may flip a near-tie or two.
    expect(Math.abs(r.nearerTraining - t)).toBeLessThanOrEqual(2);
    expect(Math.abs(r.nearerHoldout - h)).toBeLessThanOrEqual(2);
    expect(r.ties).toBe(ties);
  });

  it('is 1 for copies and about 0.5 for fresh rows, features 10⁵ apart in scale', async () => {
    const dim = 6, training = rows(300, dim, 1), holdout = rows(300, dim, 2);
    const copies = training.slice(0, 100 * dim);
    const r = await standardisedDcrShare(copies, training, holdout, dim, { gemm: jsGemm });
    expect(r.share).toBe(1);
    const fresh = await standardisedDcrShare(rows(400, dim, 9), training, holdout, dim, { gemm: jsGemm });
    expect(Math.abs(fresh.share - 0.5)).toBeLessThan(0.08);
  });
});
