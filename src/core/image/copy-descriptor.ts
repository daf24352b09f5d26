// The copy signal for images (docs/copy-signal-images.md): a descriptor made to recognise a light
// edit of the same picture (shift, crop, resize, JPEG, brightness, noise), which the semantic
// embedding misses because it is built to call two different "7"s alike, not one "7" and its copy.
//
// Descriptor (two parts, each zero-mean and unit-norm, weighted so the whole is unit-norm):
// - coarse: grey levels in a window centred on the intensity centroid (so a shifted digit lands
//   where its source did), resampled to 16×16 and blurred; it carries 95% of the cosine, so the
//   exact cosine kNN over descriptors proposes a shifted copy's source among its candidates;
// - fine: the whole image, uncentred (centring moves a picture on a gradient background
//   differently from the picture), resampled to 24×24 and blurred once.
// copyDistance reads the fine part only: 1 − the normalised correlation maximised over small
// shifts (coarse to fine), refined to a sub-pixel peak, small scale changes and a blur. One
// function for the CLI and the browser: pure TypeScript over decoded RGBA pixels.
import type { DecodedImage } from '../../contracts/embedders.ts';

export interface CopySignalParams {
  /** Side in pixels of the fine part: the uncentred thumbnail that copyDistance aligns. */
  side: number;
  /** Passes of the [1 2 1]⊗[1 2 1] blur after resampling the fine part (0: none). */
  blur: number;
  /** Side of the coarse part (0: none), which only steers the kNN's cosine. */
  coarseSide: number;
  /** Blur passes of the coarse part. */
  coarseBlur: number;
  /** Share of the descriptor's squared norm (so of the cosine) given to the coarse part. */
  coarseShare: number;
  /** Centre the coarse part's window on the intensity centroid (see centroidWindow). */
  center: boolean;
  /** Fine part's filter. 'box': area averaging; 'triangle': area-like when shrinking, bilinear when growing (the coarse part's). */
  filter: 'box' | 'triangle';
  /** copyDistance tries every shift in [−maxShift, maxShift]² thumbnail pixels. */
  maxShift: number;
  /** Refine the best integer shift's correlation to the interpolated peak (see copyDistanceWith). */
  subpixel: boolean;
  /** The refinement also tries each side blurred by this many [1 2 1] passes (0: not). */
  blurSearch: number;
  /** Refine the peak once more with a parabola through warped correlations half a pixel apart. */
  refine: boolean;
  /** Below this best integer-shift correlation copyDistance stops there: the refinements gained at
   * most 0.07 on MNIST copies caught at 0.01, and thresholds sit near 0.99 (docs/copy-signal-images.md). */
  earlyExit: number;
}

/** The design measured best by scripts/measure/image-copy-signal.ts (table in docs/copy-signal-images.md). */
export const COPY_SIGNAL_PARAMS: CopySignalParams = {
  side: 24, blur: 1, filter: 'box', coarseSide: 16, coarseBlur: 1, coarseShare: 0.95, center: true,
  maxShift: 3, subpixel: true, refine: true, blurSearch: 1, earlyExit: 0.9,
};

export const COPY_DESCRIPTOR: { id: string; dim: number } = {
  id: 'thumb-ncc-v3',
  dim: COPY_SIGNAL_PARAMS.coarseSide ** 2 + COPY_SIGNAL_PARAMS.side ** 2,
};

/** Below this variance (per unit of a unit-norm vector) a thumbnail counts as flat. */
const FLAT_EPS = 1e-12;

/** Per output cell along one axis: the source indices it reads and their weights (none: off the image). */
interface AxisTaps {
  idx: Int32Array[];
  w: Float32Array[];
}

/**
 * Resampling taps that map the source window [offset, offset + n) of an axis of length n onto m
 * cells. Taps off the image are dropped and the rest renormalised; a cell wholly off the image has
 * none and takes the background. Repeating the edge instead would smear a stroke cut by the edge
 * across the centred window of a shifted copy.
 */
function axisTaps(n: number, m: number, offset: number, filter: 'box' | 'triangle'): AxisTaps {
  const step = n / m, idx: Int32Array[] = [], w: Float32Array[] = [];
  for (let i = 0; i < m; i++) {
    const is: number[] = [], ws: number[] = [];
    if (filter === 'box') {
      const lo = offset + i * step, hi = lo + step;
      for (let s = Math.max(0, Math.floor(lo)); s < Math.min(n, hi); s++) {
        is.push(s);
        ws.push(Math.min(hi, s + 1) - Math.max(lo, s));
      }
    } else {
      // Triangle of half-width max(1, step): averages like the area filter when shrinking, so a
      // copy left small and its source meet on one smooth thumbnail; bilinear when growing.
      const centre = offset + (i + 0.5) * step - 0.5, support = Math.max(1, step);
      for (let s = Math.max(0, Math.ceil(centre - support)); s <= Math.min(n - 1, Math.floor(centre + support)); s++) {
        const v = 1 - Math.abs(s - centre) / support;
        if (v <= 0) continue;
        is.push(s);
        ws.push(v);
      }
    }
    const total = ws.reduce((t, v) => t + v, 0);
    idx.push(Int32Array.from(is));
    w.push(Float32Array.from(ws, (v) => v / total));
  }
  return { idx, w };
}

/** Rec. 601 luma of every pixel. */
function greyLevels(img: DecodedImage): Float32Array {
  const { data } = img, out = new Float32Array(img.width * img.height);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) out[i] = 0.299 * data[p] + 0.587 * data[p + 1] + 0.114 * data[p + 2];
  return out;
}

/** Grey levels below this distance from the background are noise or JPEG ringing, not content. */
const CENTROID_DEADBAND = 8;
/** The window moves by at most this share of the image: content near the edge stays in view. */
const MAX_CENTRE_SHIFT = 0.25;

/**
 * The background and how far (x, y) in source pixels the centroid of |grey − background| lies from the image centre,
 * the background being the median of the border pixels. Centring the thumbnail there makes the
 * zero-shift correlation (the kNN's cosine) blind to a shift of the picture on its background:
 * without it a digit moved by 2 px has other digits nearer than its source (docs/copy-signal-images.md).
 */
function centroidWindow(grey: Float32Array, w: number, h: number): { offset: [number, number]; background: number } {
  const border: number[] = [];
  for (let x = 0; x < w; x++) border.push(grey[x], grey[(h - 1) * w + x]);
  for (let y = 1; y < h - 1; y++) border.push(grey[y * w], grey[y * w + w - 1]);
  border.sort((a, b) => a - b);
  const bg = border[border.length >> 1];
  let sw = 0, sx = 0, sy = 0;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const v = Math.abs(grey[y * w + x] - bg) - CENTROID_DEADBAND;
      if (v <= 0) continue;
      sw += v;
      sx += v * (x + 0.5);
      sy += v * (y + 0.5);
    }
  if (!(sw > 0)) return { offset: [0, 0], background: bg };
  const limit = (d: number, n: number) => Math.max(-MAX_CENTRE_SHIFT * n, Math.min(MAX_CENTRE_SHIFT * n, d));
  return { offset: [limit(sx / sw - w / 2, w), limit(sy / sw - h / 2, h)], background: bg };
}

/** Grey thumbnail side×side of the image's window (its own size, moved by `offset`); cells off the image are `background`. */
function greyThumbnail(grey: Float32Array, w: number, h: number, side: number, offset: [number, number], background: number, filter: 'box' | 'triangle'): Float32Array {
  const cols = axisTaps(w, side, offset[0], filter), rows = axisTaps(h, side, offset[1], filter);
  // Rows first into a side-wide strip per source row, then columns: O(w·h + h·side + side²).
  const strip = new Float32Array(h * side);
  for (let y = 0; y < h; y++)
    for (let u = 0; u < side; u++) {
      const is = cols.idx[u], ws = cols.w[u];
      let acc = ws.length ? 0 : background;
      for (let k = 0; k < ws.length; k++) acc += ws[k] * grey[y * w + is[k]];
      strip[y * side + u] = acc;
    }
  const out = new Float32Array(side * side);
  for (let v = 0; v < side; v++) {
    const is = rows.idx[v], ws = rows.w[v];
    if (!ws.length) out.fill(background, v * side, (v + 1) * side);
    for (let k = 0; k < ws.length; k++) {
      const wk = ws[k], o = is[k] * side;
      for (let u = 0; u < side; u++) out[v * side + u] += wk * strip[o + u];
    }
  }
  return out;
}

/** Separable [1 2 1]/4 blur, edges clamped (written out, no per-pixel clamping: copyDistance blurs twice a call). */
function blur121(t: Float32Array, side: number, out: Float32Array = new Float32Array(t.length), tmp: Float32Array = new Float32Array(t.length)): Float32Array {
  const last = side - 1;
  for (let y = 0; y < side; y++) {
    const o = y * side;
    for (let x = 0; x < side; x++) tmp[o + x] = (t[o + (x > 0 ? x - 1 : 0)] + 2 * t[o + x] + t[o + (x < last ? x + 1 : last)]) / 4;
  }
  for (let y = 0; y < side; y++) {
    const up = (y > 0 ? y - 1 : 0) * side, o = y * side, down = (y < last ? y + 1 : last) * side;
    for (let x = 0; x < side; x++) out[o + x] = (tmp[up + x] + 2 * tmp[o + x] + tmp[down + x]) / 4;
  }
  return out;
}

/** Zero mean, unit norm in place; a flat thumbnail becomes all zeros (never NaN). */
function standardise(t: Float32Array): Float32Array {
  let mean = 0;
  for (let i = 0; i < t.length; i++) mean += t[i];
  mean /= t.length;
  let ss = 0;
  for (let i = 0; i < t.length; i++) {
    t[i] -= mean;
    ss += t[i] * t[i];
  }
  // Grey levels are 0–255: a spread below ~1e-3 of a level is rounding, not content.
  if (ss < 1e-6 * t.length) return t.fill(0);
  const inv = 1 / Math.sqrt(ss);
  for (let i = 0; i < t.length; i++) t[i] *= inv;
  return t;
}

/** One part of the descriptor: a side×side thumbnail of the window (moved by the centroid when `center`), blurred, standardised. */
function thumbnailPart(grey: Float32Array, w: number, h: number, side: number, blur: number, center: boolean, filter: 'box' | 'triangle'): Float32Array {
  const { offset, background } = center ? centroidWindow(grey, w, h) : { offset: [0, 0] as [number, number], background: 0 };
  let thumb = greyThumbnail(grey, w, h, side, offset, background, filter);
  for (let k = 0; k < blur; k++) thumb = blur121(thumb, side);
  return standardise(thumb);
}

/** Floats in the descriptor: the coarse part, then the fine part. */
export function descriptorLength(p: CopySignalParams): number {
  return p.coarseSide * p.coarseSide + p.side * p.side;
}

/** The descriptor with explicit parameters (the measurement script compares variants). */
export function copyDescriptorWith(img: DecodedImage, p: CopySignalParams): Float32Array {
  const { width: w, height: h } = img, coarseLen = p.coarseSide * p.coarseSide;
  const out = new Float32Array(descriptorLength(p));
  if (w < 1 || h < 1) return out;
  const grey = greyLevels(img);
  // Each part is zero-mean and unit-norm; weighting them by √share and √(1 − share) keeps the
  // whole unit-norm and makes the cosine share·(coarse correlation) + (1 − share)·(fine correlation).
  const fine = thumbnailPart(grey, w, h, p.side, p.blur, false, p.filter);
  const coarse = coarseLen ? thumbnailPart(grey, w, h, p.coarseSide, p.coarseBlur, p.center, 'triangle') : out.subarray(0, 0);
  // A coarse part blurred flat (a lone pixel) leaves the fine part the whole unit norm.
  const coarseW = isFlat(coarse) ? 0 : Math.sqrt(p.coarseShare), fineW = Math.sqrt(1 - coarseW * coarseW);
  for (let i = 0; i < coarseLen; i++) out[i] = coarseW * coarse[i];
  for (let i = 0; i < fine.length; i++) out[coarseLen + i] = fineW * fine[i];
  return out;
}

/** coarseSide² + side² floats, zero mean and unit norm (all zeros for a flat image); orientation is ignored. */
export function copyDescriptor(img: DecodedImage): Float32Array {
  return copyDescriptorWith(img, COPY_SIGNAL_PARAMS);
}

function isFlat(a: Float32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== 0) return false;
  return true;
}

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
