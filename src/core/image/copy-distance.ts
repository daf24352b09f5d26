// The image copy signal's distance (docs/copy-signal-images.md) between two descriptors of
// copy-descriptor.ts: it reads the fine parts only, 1 − their normalised correlation maximised
// over small shifts (coarse to fine), refined to a sub-pixel peak, small scale changes and a blur.
// Symmetric to the bit; flat against flat is 0, flat against anything else is 1.
import { blur121, COPY_SIGNAL_PARAMS, FLAT_EPS, isFlat, type CopySignalParams } from './copy-descriptor.ts';

/** Summed-area tables of a thumbnail and of its squares ((side + 1)² each): any rectangle's sums in four reads. */
interface Moments {
  sum: Float64Array;
  squares: Float64Array;
}

/** Fills `out` (row and column 0 stay 0): the tables of t. */
function moments(t: Float32Array, side: number, out: Moments): Moments {
  const w = side + 1, { sum, squares } = out;
  for (let y = 0; y < side; y++) {
    let rs = 0, rq = 0;
    for (let x = 0; x < side; x++) {
      const v = t[y * side + x];
      rs += v;
      rq += v * v;
      sum[(y + 1) * w + x + 1] = sum[y * w + x + 1] + rs;
      squares[(y + 1) * w + x + 1] = squares[y * w + x + 1] + rq;
    }
  }
  return out;
}

/** Sum over [x0, x1) × [y0, y1) of a summed-area table with rows of w. */
const rect = (t: Float64Array, w: number, x0: number, y0: number, x1: number, y1: number) => t[y1 * w + x1] - t[y0 * w + x1] - t[y1 * w + x0] + t[y0 * w + x0];

/**
 * Normalised correlation of a[x, y] with b[x + dx, y + dy] over their overlap; NaN without contrast.
 * The overlap's sums come from the summed-area tables, so the loop only multiplies.
 */
function shiftedCorrelation(a: Float32Array, b: Float32Array, ma: Moments, mb: Moments, side: number, dx: number, dy: number): number {
  const y0 = Math.max(0, -dy), y1 = Math.min(side, side - dy);
  const x0 = Math.max(0, -dx), x1 = Math.min(side, side - dx);
  let sab = 0;
  for (let y = y0; y < y1; y++) {
    let i = y * side + x0, j = (y + dy) * side + x0 + dx;
    for (let x = x0; x < x1; x++, i++, j++) sab += a[i] * b[j];
  }
  const n = (y1 - y0) * (x1 - x0), w = side + 1;
  const sa = rect(ma.sum, w, x0, y0, x1, y1), sb = rect(mb.sum, w, x0 + dx, y0 + dy, x1 + dx, y1 + dy);
  const varA = rect(ma.squares, w, x0, y0, x1, y1) - (sa * sa) / n, varB = rect(mb.squares, w, x0 + dx, y0 + dy, x1 + dx, y1 + dy) - (sb * sb) / n;
  if (varA <= FLAT_EPS || varB <= FLAT_EPS) return NaN;
  return (sab - (sa * sb) / n) / Math.sqrt(varA * varB);
}

/** Where the parabola through (−1, l), (0, c), (1, r) peaks, in [−0.5, 0.5]; 0 when c is no peak. */
function parabolaVertex(l: number, c: number, r: number): number {
  const curve = l + r - 2 * c; // l + r, not l − 2c + r: the swapped call's (r, c, l) must give −vertex to the bit
  if (!(curve < 0)) return 0;
  return Math.max(-0.5, Math.min(0.5, (l - r) / (2 * curve)));
}

/** Bilinear sample positions along one axis: t ↦ centre + (t − centre)·k + o, for t in [lo, hi) (inside the thumbnail). */
interface AxisSamples {
  idx: Int32Array;
  frac: Float64Array;
  lo: number;
  hi: number;
}

/** Four reusable sample tables (a's x and y, b's x and y): allocating them per call cost more than the sums. */
let scratch: AxisSamples[] = [];

function axisSamples(out: AxisSamples, side: number, k: number, o: number): AxisSamples {
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

/**
 * Normalised correlation after a fractional shift d and a relative scale kb/ka, applied half to each
 * side so that the swapped call at (−d, kb, ka) samples the very same points: a at
 * centre + (t − centre)·ka − d/2, b at centre + (t − centre)·kb + d/2, both bilinear. NaN without contrast.
 */
function warpedCorrelation(a: Float32Array, b: Float32Array, side: number, dx: number, dy: number, ka: number, kb: number): number {
  if (scratch.length === 0 || scratch[0].idx.length !== side)
    scratch = Array.from({ length: 4 }, () => ({ idx: new Int32Array(side), frac: new Float64Array(side), lo: 0, hi: 0 }));
  const ax = axisSamples(scratch[0], side, ka, -dx / 2), ay = axisSamples(scratch[1], side, ka, -dy / 2);
  const bx = axisSamples(scratch[2], side, kb, dx / 2), by = axisSamples(scratch[3], side, kb, dy / 2);
  const x0 = Math.max(ax.lo, bx.lo), x1 = Math.min(ax.hi, bx.hi), y0 = Math.max(ay.lo, by.lo), y1 = Math.min(ay.hi, by.hi);
  const aix = ax.idx, afx = ax.frac, bix = bx.idx, bfx = bx.frac;
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
  const n = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
  const varA = saa - (sa * sa) / n, varB = sbb - (sb * sb) / n;
  if (!(n > 0) || varA <= FLAT_EPS || varB <= FLAT_EPS) return NaN;
  return (sab - (sa * sb) / n) / Math.sqrt(varA * varB);
}

/** 2×2 averages of a side×side thumbnail (side even): the coarse grid of the shift search. */
function halve(t: Float32Array, side: number, out: Float32Array): Float32Array {
  const h = side >> 1;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < h; x++) {
      const o = 2 * y * side + 2 * x;
      out[y * h + x] = (t[o] + t[o + 1] + t[o + side] + t[o + side + 1]) / 4;
    }
  return out;
}

/**
 * Buffers copyDistance reuses from call to call: allocating typed arrays (a few hundred bytes
 * each) per call cost as much as the correlations. One per thumbnail side and shift range.
 */
interface Workspace {
  side: number;
  maxShift: number;
  ma: Moments;
  mb: Moments;
  hma: Moments;
  hmb: Moments;
  ha: Float32Array;
  hb: Float32Array;
  surface: Float64Array;
  blurred: Float32Array[];
}

let workspace: Workspace | undefined;

function workspaceFor(side: number, maxShift: number): Workspace {
  if (workspace?.side === side && workspace.maxShift === maxShift) return workspace;
  const tables = (n: number): Moments => ({ sum: new Float64Array((n + 1) ** 2), squares: new Float64Array((n + 1) ** 2) });
  const h = side >> 1;
  workspace = {
    side, maxShift, ma: tables(side), mb: tables(side), hma: tables(h), hmb: tables(h),
    ha: new Float32Array(h * h), hb: new Float32Array(h * h),
    surface: new Float64Array((2 * maxShift + 3) ** 2),
    blurred: Array.from({ length: 5 }, () => new Float32Array(side * side)),
  };
  return workspace;
}

/**
 * 1 − the normalised correlation of the two fine parts at their best alignment, in [0, 2]; the
 * coarse part only steers the kNN. The best integer shift (dx, dy) ∈ [−maxShift, maxShift]²,
 * pairing a[x, y] with b[x + dx, y + dy] over the overlap, is found coarse to fine: every shift of
 * the 2×2-averaged thumbnails, then the 3×3 full-resolution shifts around the best one (the
 * swapped call visits the same pairs at (−dx, −dy), in the same order). Below `earlyExit` it stops
 * there: the refinements gain a few hundredths, and thresholds sit near 0.99. With `subpixel`, the
 * best integer shift is refined to the vertex of the parabolas through its neighbours and measured
 * there (bilinear) at scales 1/S, 1 and S: on MNIST a copy offset by half a thumbnail pixel, or
 * cropped by 4%, otherwise loses as much correlation as two different digits differ by
 * (docs/copy-signal-images.md). With `blurSearch` passes, the refined alignment is also measured
 * with either side blurred: a copy resized to 60% otherwise loses half its catches on MNIST.
 * Symmetric to the bit, as every refinement samples the same points in the swapped call. Flat
 * against flat is 0; flat against anything else is 1.
 */
export function copyDistanceWith(da: Float32Array, db: Float32Array, p: CopySignalParams): number {
  if (da.length !== db.length) throw new RangeError(`copy descriptors differ in length: ${da.length} vs ${db.length}`);
  const side = p.side, maxShift = p.maxShift, skip = p.coarseSide * p.coarseSide;
  const a = da.subarray(skip, skip + side * side), b = db.subarray(skip, skip + side * side);
  const fa = isFlat(a), fb = isFlat(b);
  if (fa || fb) return fa && fb ? 0 : 1;
  // Correlations by shift, up to maxShift + 1 (the parabola's neighbours); NaN: not yet measured.
  const w = 2 * maxShift + 3;
  const ws = workspaceFor(side, maxShift);
  const surface = ws.surface.fill(NaN);
  const ma = moments(a, side, ws.ma), mb = moments(b, side, ws.mb);
  const at = (dx: number, dy: number) => {
    const k = (dy + maxShift + 1) * w + dx + maxShift + 1;
    let r = surface[k];
    // A shift without contrast stays NaN and is measured again: rare, and NaN never wins.
    if (r !== r) r = surface[k] = shiftedCorrelation(a, b, ma, mb, side, dx, dy);
    return r;
  };
  // Coarse: every shift s in [−⌈(maxShift − 1)/2⌉, …]² of the halved thumbnails (an even side);
  // the full-resolution shifts 2s − 1, 2s, 2s + 1 around the best s then cover [−maxShift, maxShift].
  let cx = 0, cy = 0;
  const coarseFirst = side % 2 === 0 && maxShift >= 2;
  if (coarseFirst) {
    const ha = halve(a, side, ws.ha), hb = halve(b, side, ws.hb), hs = side >> 1, hm = Math.ceil((maxShift - 1) / 2);
    const hma = moments(ha, hs, ws.hma), hmb = moments(hb, hs, ws.hmb);
    let hbest = -Infinity;
    for (let dy = -hm; dy <= hm; dy++)
      for (let dx = -hm; dx <= hm; dx++) {
        const r = shiftedCorrelation(ha, hb, hma, hmb, hs, dx, dy);
        if (r > hbest) {
          hbest = r;
          cx = 2 * dx;
          cy = 2 * dy;
        }
      }
  }
  const span = coarseFirst ? 1 : maxShift;
  let best = -Infinity, bx = 0, by = 0;
  for (let dy = Math.max(-maxShift, cy - span); dy <= Math.min(maxShift, cy + span); dy++)
    for (let dx = Math.max(-maxShift, cx - span); dx <= Math.min(maxShift, cx + span); dx++) {
      const r = at(dx, dy);
      if (r > best) {
        best = r;
        bx = dx;
        by = dy;
      }
    }
  // No shift had contrast on both sides (e.g. one lone pixel in a corner): no evidence either way.
  if (best === -Infinity) return 1;
  if (best < p.earlyExit || !p.subpixel) return Math.min(2, Math.max(0, 1 - best));
  let fx = bx + parabolaVertex(at(bx - 1, by), best, at(bx + 1, by));
  let fy = by + parabolaVertex(at(bx, by - 1), best, at(bx, by + 1));
  // The parabola through integer shifts misplaces the peak of a blurred, resampled thumbnail by up
  // to a quarter pixel, which on MNIST costs a 3 px shift its catch: one more parabola through
  // the warped correlation half a pixel either side of it.
  if (p.refine) {
    const h = 0.5, c = warpedCorrelation(a, b, side, fx, fy, 1, 1);
    if (c > best) best = c;
    const nx = fx + h * parabolaVertex(warpedCorrelation(a, b, side, fx - h, fy, 1, 1), c, warpedCorrelation(a, b, side, fx + h, fy, 1, 1));
    fy += h * parabolaVertex(warpedCorrelation(a, b, side, fx, fy - h, 1, 1), c, warpedCorrelation(a, b, side, fx, fy + h, 1, 1));
    fx = nx;
  }
  for (const [ka, kb] of SCALE_PAIRS) {
    const r = warpedCorrelation(a, b, side, fx, fy, ka, kb);
    if (r > best) best = r;
  }
  // A resized copy lost detail its source kept: blur the sharper one to match (trying both sides
  // keeps it symmetric). Two distinct images rarely gain from it, as they differ coarsely too.
  if (p.blurSearch > 0) {
    let ba: Float32Array = a, bb: Float32Array = b;
    const [tmp, a1, a2, b1, b2] = ws.blurred;
    for (let k = 0; k < p.blurSearch; k++) {
      ba = blur121(ba, side, k % 2 ? a2 : a1, tmp);
      bb = blur121(bb, side, k % 2 ? b2 : b1, tmp);
    }
    best = Math.max(best, warpedCorrelation(ba, b, side, fx, fy, 1, 1), warpedCorrelation(a, bb, side, fx, fy, 1, 1));
  }
  return Math.min(2, Math.max(0, 1 - best));
}

/** Relative scales tried by the refinement (a 2–5% crop scaled back to size enlarges by 1.02–1.05),
 * as (ka, kb) pairs closed under swapping, so the swapped call tries the same numbers. */
const HALF_SCALE = Math.sqrt(1.035);
const SCALE_PAIRS: [number, number][] = [[1, 1], [HALF_SCALE, 1 / HALF_SCALE], [1 / HALF_SCALE, HALF_SCALE]];

/** copyDistanceWith at the chosen design's shifts. */
export function copyDistance(a: Float32Array, b: Float32Array): number {
  return copyDistanceWith(a, b, COPY_SIGNAL_PARAMS);
}
