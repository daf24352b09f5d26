// Normalised correlation of two thumbnails after a fractional shift and a relative scale, both
// sides sampled bilinearly: copy-distance.ts's sub-pixel refinement (docs/copy-signal-images.md).
// Apart from copy-distance.ts so that the blur search's three correlations at one alignment can
// share one pass (issue 17), each sum adding the same terms in the same order as alone.
import { FLAT_EPS } from './copy-descriptor.ts';

/** Bilinear sample positions along one axis: t ↦ centre + (t − centre)·k + o, for t in [lo, hi) (inside the thumbnail). */
export interface AxisSamples {
  idx: Int32Array;
  frac: Float64Array;
  lo: number;
  hi: number;
}

export function axisSamples(out: AxisSamples, side: number, k: number, o: number): AxisSamples {
  const centre = (side - 1) / 2, { idx, frac } = out;
  // p grows with t (k > 0): the samples inside [0, side − 1] form one run [lo, hi).
  out.lo = side;
  out.hi = 0;
  for (let t = 0; t < side; t++) {
    const p = centre + (t - centre) * k + o;
    if (p >= 0 && p <= side - 1) {
      out.lo = Math.min(out.lo, t);
      out.hi = t + 1;
    }
    idx[t] = Math.min(side - 2, Math.max(0, Math.floor(p)));
    frac[t] = p - idx[t];
  }
  return out;
}

/** Four reusable sample tables (a's x and y, b's x and y): allocating them per call cost more than the sums. */
let axes: AxisSamples[] = [];

/** The common window [x0, x1) × [y0, y1) of both sides' samples at the last alignment, and its size. */
let x0 = 0, x1 = 0, y0 = 0, y1 = 0, count = 0;

/** Both sides' samples at one alignment into axes, and their common window. */
function align(side: number, dx: number, dy: number, ka: number, kb: number): void {
  if (axes.length === 0 || axes[0].idx.length !== side) axes = Array.from({ length: 4 }, () => ({ idx: new Int32Array(side), frac: new Float64Array(side), lo: 0, hi: 0 }));
  const ax = axisSamples(axes[0], side, ka, -dx / 2), ay = axisSamples(axes[1], side, ka, -dy / 2);
  const bx = axisSamples(axes[2], side, kb, dx / 2), by = axisSamples(axes[3], side, kb, dy / 2);
  x0 = Math.max(ax.lo, bx.lo);
  x1 = Math.min(ax.hi, bx.hi);
  y0 = Math.max(ay.lo, by.lo);
  y1 = Math.min(ay.hi, by.hi);
  count = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
}

/** Normalised correlation from a window's sums; NaN without contrast. */
export function fromSums(n: number, sa: number, sb: number, saa: number, sbb: number, sab: number): number {
  const varA = saa - (sa * sa) / n, varB = sbb - (sb * sb) / n;
  if (!(n > 0) || varA <= FLAT_EPS || varB <= FLAT_EPS) return NaN;
  return (sab - (sa * sb) / n) / Math.sqrt(varA * varB);
}

/**
 * Normalised correlation after a fractional shift (dx, dy) and a relative scale kb/ka, applied half
 * to each side so that the swapped call at (−d, kb, ka) samples the very same points: a at
 * centre + (t − centre)·ka − d/2, b at centre + (t − centre)·kb + d/2, both bilinear. NaN without contrast.
 */
export function warpedCorrelation(a: Float32Array, b: Float32Array, side: number, dx: number, dy: number, ka: number, kb: number): number {
  align(side, dx, dy, ka, kb);
  const ay = axes[1], by = axes[3], aix = axes[0].idx, afx = axes[0].frac, bix = axes[2].idx, bfx = axes[2].frac;
  let sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
  for (let y = y0; y < y1; y++) {
    const ra = ay.idx[y] * side, fa = ay.frac[y], rb = by.idx[y] * side, fb = by.frac[y];
    for (let x = x0; x < x1; x++) {
      const oa = ra + aix[x], ob = rb + bix[x], ua = afx[x], ub = bfx[x];
      const ta = a[oa] + (a[oa + 1] - a[oa]) * ua, ba = a[oa + side] + (a[oa + side + 1] - a[oa + side]) * ua;
      const tb = b[ob] + (b[ob + 1] - b[ob]) * ub, bb = b[ob + side] + (b[ob + side + 1] - b[ob + side]) * ub;
      const va = ta + (ba - ta) * fa, vb = tb + (bb - tb) * fb;
      sa += va;
      sb += vb;
      saa += va * va;
      sbb += vb * vb;
      sab += va * vb;
    }
  }
  return fromSums(count, sa, sb, saa, sbb, sab);
}

/** t bilinearly at the cell whose top-left is o, fractions u (x) and f (y): the same operations as warpedCorrelation's. */
function bilinear(t: Float32Array, side: number, o: number, u: number, f: number): number {
  const top = t[o] + (t[o + 1] - t[o]) * u, bottom = t[o + side] + (t[o + side + 1] - t[o + side]) * u;
  return top + (bottom - top) * f;
}

/**
 * At one alignment (scale 1): the correlations of (a, b), (blurred a, b) and (a, blurred b), equal
 * to the bit to three warpedCorrelation calls (each sum adds the same terms in the same order), in
 * one pass that interpolates each sample position once.
 */
export function warpedWithBlurs(a: Float32Array, a2: Float32Array, b: Float32Array, b2: Float32Array, side: number, dx: number, dy: number, out: number[]): number[] {
  // out: three numbers, overwritten.
  align(side, dx, dy, 1, 1);
  const ay = axes[1], by = axes[3], aix = axes[0].idx, afx = axes[0].frac, bix = axes[2].idx, bfx = axes[2].frac, n = count;
  // a, a's blur (2), b, b's blur: their sums, sums of squares, and the three cross sums.
  let sa = 0, sb = 0, saa = 0, sbb = 0, sa2 = 0, sa2a2 = 0, sb2 = 0, sb2b2 = 0, sab = 0, sa2b = 0, sab2 = 0;
  for (let y = y0; y < y1; y++) {
    const ra = ay.idx[y] * side, fa = ay.frac[y], rb = by.idx[y] * side, fb = by.frac[y];
    for (let x = x0; x < x1; x++) {
      const oa = ra + aix[x], ob = rb + bix[x], ua = afx[x], ub = bfx[x];
      const va = bilinear(a, side, oa, ua, fa), vb = bilinear(b, side, ob, ub, fb), va2 = bilinear(a2, side, oa, ua, fa), vb2 = bilinear(b2, side, ob, ub, fb);
      sa += va;
      sb += vb;
      saa += va * va;
      sbb += vb * vb;
      sab += va * vb;
      sa2 += va2;
      sa2a2 += va2 * va2;
      sa2b += va2 * vb;
      sb2 += vb2;
      sb2b2 += vb2 * vb2;
      sab2 += va * vb2;
    }
  }
  out[0] = fromSums(n, sa, sb, saa, sbb, sab);
  out[1] = fromSums(n, sa2, sb, sa2a2, sbb, sa2b);
  out[2] = fromSums(n, sa, sb2, saa, sb2b2, sab2);
  return out;
}
