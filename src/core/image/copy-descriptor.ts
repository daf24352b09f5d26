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
// copyDistance (copy-distance.ts) reads the fine part only. One function for the CLI and the
// browser: pure TypeScript over decoded RGBA pixels.
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
export const FLAT_EPS = 1e-12;

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
export function blur121(t: Float32Array, side: number, out: Float32Array = new Float32Array(t.length), tmp: Float32Array = new Float32Array(t.length)): Float32Array {
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

/** A descriptor (or part) of a flat image: all zeros. */
export function isFlat(a: Float32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== 0) return false;
  return true;
}

/** coarseSide² + side² floats, zero mean and unit norm (all zeros for a flat image); orientation is ignored. */
export function copyDescriptor(img: DecodedImage): Float32Array {
  return copyDescriptorWith(img, COPY_SIGNAL_PARAMS);
}
