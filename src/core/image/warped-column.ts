// Three warped correlations a column apart: copy-distance.ts's second parabola measures the
// alignment (dx, dy) and its neighbours (dx, dy ∓ h) at scale 1 (docs/copy-signal-images.md). The
// three share their x samples, and their y samples lie within a row of each other, so one pass
// interpolates each needed source row along x once (at most three rows a sample, not six) and
// blends it along y for each (issue 17: 1.6× faster than three warpedCorrelation calls). Every
// value and sum is the one warpedCorrelation computes, in the same order: equal to the bit.
import { type AxisSamples, axisSamples, fromSums } from './warped-correlation.ts';

/** Sample tables: a's x, b's x, then a's y and b's y for each of the three alignments. */
let tables: AxisSamples[] = [];
/** Each alignment's five sums (a, b, a², b², ab). */
const sums = new Float64Array(15);

/**
 * warpedCorrelation(a, b, side, dx, dy + (t − 1)·h, 1, 1) into out[t] for t = 0, 1, 2 (so
 * out[0] at dy − h, out[1] at dy, out[2] at dy + h); h ≤ 0.5 keeps their source rows within one
 * row of each other. Returns out.
 */
export function warpedColumn(a: Float32Array, b: Float32Array, side: number, dx: number, dy: number, h: number, out: number[]): number[] {
  if (!(h > 0 && h <= 0.5)) throw new RangeError(`warpedColumn: step ${h} must be in (0, 0.5]`);
  if (tables.length === 0 || tables[0].idx.length !== side) tables = Array.from({ length: 8 }, () => ({ idx: new Int32Array(side), frac: new Float64Array(side), lo: 0, hi: 0 }));
  const ax = axisSamples(tables[0], side, 1, -dx / 2), bx = axisSamples(tables[1], side, 1, dx / 2);
  // The same expressions warpedCorrelation evaluates for its dy argument (dy − h, dy, dy + h).
  const ay0 = axisSamples(tables[2], side, 1, -(dy - h) / 2), by0 = axisSamples(tables[3], side, 1, (dy - h) / 2);
  const ay1 = axisSamples(tables[4], side, 1, -dy / 2), by1 = axisSamples(tables[5], side, 1, dy / 2);
  const ay2 = axisSamples(tables[6], side, 1, -(dy + h) / 2), by2 = axisSamples(tables[7], side, 1, (dy + h) / 2);
  const x0 = Math.max(ax.lo, bx.lo), x1 = Math.min(ax.hi, bx.hi);
  const lo0 = Math.max(ay0.lo, by0.lo), hi0 = Math.min(ay0.hi, by0.hi);
  const lo1 = Math.max(ay1.lo, by1.lo), hi1 = Math.min(ay1.hi, by1.hi);
  const lo2 = Math.max(ay2.lo, by2.lo), hi2 = Math.min(ay2.hi, by2.hi);
  const aix = ax.idx, afx = ax.frac, bix = bx.idx, bfx = bx.frac;
  sums.fill(0);
  for (let y = Math.min(lo0, lo1, lo2); y < Math.max(hi0, hi1, hi2); y++) {
    const on0 = y >= lo0 && y < hi0, on1 = y >= lo1 && y < hi1, on2 = y >= lo2 && y < hi2;
    if (!on0 && !on1 && !on2) continue;
    // The lowest source row any alignment taking this row reads (on each side), and each one's offset from it.
    const ra = Math.min(on0 ? ay0.idx[y] : side, on1 ? ay1.idx[y] : side, on2 ? ay2.idx[y] : side);
    const rb = Math.min(on0 ? by0.idx[y] : side, on1 ? by1.idx[y] : side, on2 ? by2.idx[y] : side);
    const oa0 = on0 ? ay0.idx[y] - ra : 0, oa1 = on1 ? ay1.idx[y] - ra : 0, oa2 = on2 ? ay2.idx[y] - ra : 0;
    const ob0 = on0 ? by0.idx[y] - rb : 0, ob1 = on1 ? by1.idx[y] - rb : 0, ob2 = on2 ? by2.idx[y] - rb : 0;
    const fa0 = ay0.frac[y], fa1 = ay1.frac[y], fa2 = ay2.frac[y], fb0 = by0.frac[y], fb1 = by1.frac[y], fb2 = by2.frac[y];
    const threeA = oa0 + oa1 + oa2 > 0, threeB = ob0 + ob1 + ob2 > 0; // a third source row is read
    const RA = ra * side, RB = rb * side, S2 = 2 * side;
    let sa0 = sums[0], sb0 = sums[1], saa0 = sums[2], sbb0 = sums[3], sab0 = sums[4];
    let sa1 = sums[5], sb1 = sums[6], saa1 = sums[7], sbb1 = sums[8], sab1 = sums[9];
    let sa2 = sums[10], sb2 = sums[11], saa2 = sums[12], sbb2 = sums[13], sab2 = sums[14];
    for (let x = x0; x < x1; x++) {
      const i = RA + aix[x], ua = afx[x], j = RB + bix[x], ub = bfx[x];
      // Source rows ra, ra + 1 (and ra + 2) along x, as warpedCorrelation's top and bottom rows.
      const a0 = a[i] + (a[i + 1] - a[i]) * ua, a1 = a[i + side] + (a[i + side + 1] - a[i + side]) * ua;
      const a2 = threeA ? a[i + S2] + (a[i + S2 + 1] - a[i + S2]) * ua : 0;
      const b0 = b[j] + (b[j + 1] - b[j]) * ub, b1 = b[j + side] + (b[j + side + 1] - b[j + side]) * ub;
      const b2 = threeB ? b[j + S2] + (b[j + S2 + 1] - b[j + S2]) * ub : 0;
      if (on0) {
        const ta = oa0 ? a1 : a0, ba = oa0 ? a2 : a1, tb = ob0 ? b1 : b0, bb = ob0 ? b2 : b1;
        const va = ta + (ba - ta) * fa0, vb = tb + (bb - tb) * fb0;
        sa0 += va;
        sb0 += vb;
        saa0 += va * va;
        sbb0 += vb * vb;
        sab0 += va * vb;
      }
      if (on1) {
        const ta = oa1 ? a1 : a0, ba = oa1 ? a2 : a1, tb = ob1 ? b1 : b0, bb = ob1 ? b2 : b1;
        const va = ta + (ba - ta) * fa1, vb = tb + (bb - tb) * fb1;
        sa1 += va;
        sb1 += vb;
        saa1 += va * va;
        sbb1 += vb * vb;
        sab1 += va * vb;
      }
      if (on2) {
        const ta = oa2 ? a1 : a0, ba = oa2 ? a2 : a1, tb = ob2 ? b1 : b0, bb = ob2 ? b2 : b1;
        const va = ta + (ba - ta) * fa2, vb = tb + (bb - tb) * fb2;
        sa2 += va;
        sb2 += vb;
        saa2 += va * va;
        sbb2 += vb * vb;
        sab2 += va * vb;
      }
    }
    sums[0] = sa0; sums[1] = sb0; sums[2] = saa0; sums[3] = sbb0; sums[4] = sab0;
    sums[5] = sa1; sums[6] = sb1; sums[7] = saa1; sums[8] = sbb1; sums[9] = sab1;
    sums[10] = sa2; sums[11] = sb2; sums[12] = saa2; sums[13] = sbb2; sums[14] = sab2;
  }
  const w = Math.max(0, x1 - x0);
  out[0] = fromSums(w * Math.max(0, hi0 - lo0), sums[0], sums[1], sums[2], sums[3], sums[4]);
  out[1] = fromSums(w * Math.max(0, hi1 - lo1), sums[5], sums[6], sums[7], sums[8], sums[9]);
  out[2] = fromSums(w * Math.max(0, hi2 - lo2), sums[10], sums[11], sums[12], sums[13], sums[14]);
  return out;
}
