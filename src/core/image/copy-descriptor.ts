// The copy signal for images (docs/copy-signal-images.md): a descriptor made to recognise a light
// edit of the same picture (shift, crop, resize, JPEG, brightness, noise), which the semantic
// embedding misses because it is built to call two different "7"s alike, not one "7" and its copy.
//
// Descriptor: grey levels, area-resampled to a small square thumbnail (whatever the image's size),
// a [1 2 1] blur to absorb sub-pixel offsets, then zero mean and unit norm, so the cosine of two
// descriptors is their normalised correlation at zero shift (an exact cosine kNN over descriptors
// proposes the candidates). copyDistance refines a candidate pair: 1 − the normalised correlation
// maximised over small shifts of one thumbnail against the other. One function for the CLI and the
// browser: pure TypeScript over decoded RGBA pixels.
import type { DecodedImage } from '../../contracts/embedders.ts';

export interface CopySignalParams {
  /** Thumbnail side in pixels (the descriptor is side² floats). */
  side: number;
  /** Passes of the [1 2 1]⊗[1 2 1] blur after resampling (0: none). */
  blur: number;
  /** Centre the thumbnail's window on the intensity centroid (see centroidWindow). */
  center: boolean;
  /** 'box': area averaging; 'triangle': area-like when shrinking, bilinear when growing. */
  filter: 'box' | 'triangle';
  /** copyDistance tries every shift in [−maxShift, maxShift]² thumbnail pixels. */
  maxShift: number;
  /** Refine the best integer shift's correlation to the interpolated peak (see copyDistanceWith). */
  subpixel: boolean;
  /** The refinement also tries each side blurred by this many [1 2 1] passes (0: not). */
  blurSearch: number;
}

/** The design measured best by scripts/measure/image-copy-signal.ts (table in docs/copy-signal-images.md). */
export const COPY_SIGNAL_PARAMS: CopySignalParams = { side: 24, blur: 1, center: true, filter: 'triangle', maxShift: 3, subpixel: true, blurSearch: 1 };

export const COPY_DESCRIPTOR: { id: string; dim: number } = {
  id: 'thumb-ncc-v2',
  dim: COPY_SIGNAL_PARAMS.side * COPY_SIGNAL_PARAMS.side,
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

/** Separable [1 2 1]/4 blur, edges clamped. */
function blur121(t: Float32Array, side: number): Float32Array {
  const tmp = new Float32Array(t.length), out = new Float32Array(t.length);
  const at = (i: number) => Math.min(side - 1, Math.max(0, i));
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) tmp[y * side + x] = (t[y * side + at(x - 1)] + 2 * t[y * side + x] + t[y * side + at(x + 1)]) / 4;
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) out[y * side + x] = (tmp[at(y - 1) * side + x] + 2 * tmp[y * side + x] + tmp[at(y + 1) * side + x]) / 4;
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

/** The descriptor with explicit parameters (the measurement script compares variants). */
export function copyDescriptorWith(img: DecodedImage, p: CopySignalParams): Float32Array {
  const { width: w, height: h } = img;
  if (w < 1 || h < 1) return new Float32Array(p.side * p.side);
  const grey = greyLevels(img);
  const { offset, background } = p.center ? centroidWindow(grey, w, h) : { offset: [0, 0] as [number, number], background: 0 };
  let thumb = greyThumbnail(grey, w, h, p.side, offset, background, p.filter);
  for (let k = 0; k < p.blur; k++) thumb = blur121(thumb, p.side);
  return standardise(thumb);
}

/** side² floats, zero mean and unit norm (all zeros for a flat image); orientation is ignored. */
export function copyDescriptor(img: DecodedImage): Float32Array {
  return copyDescriptorWith(img, COPY_SIGNAL_PARAMS);
}

function isFlat(a: Float32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== 0) return false;
  return true;
}

/** Normalised correlation of a[x, y] with b[x + dx, y + dy] over their overlap; NaN without contrast. */
function shiftedCorrelation(a: Float32Array, b: Float32Array, side: number, dx: number, dy: number): number {
  const y0 = Math.max(0, -dy), y1 = Math.min(side, side - dy);
  const x0 = Math.max(0, -dx), x1 = Math.min(side, side - dx);
  let sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
  for (let y = y0; y < y1; y++) {
    let i = y * side + x0, j = (y + dy) * side + x0 + dx;
    for (let x = x0; x < x1; x++, i++, j++) {
      const va = a[i], vb = b[j];
      sa += va;
      sb += vb;
      saa += va * va;
      sbb += vb * vb;
      sab += va * vb;
    }
  }
  const n = (y1 - y0) * (x1 - x0);
  const varA = saa - (sa * sa) / n, varB = sbb - (sb * sb) / n;
  if (varA <= FLAT_EPS || varB <= FLAT_EPS) return NaN;
  return (sab - (sa * sb) / n) / Math.sqrt(varA * varB);
}

/** Where the parabola through (−1, l), (0, c), (1, r) peaks, in [−0.5, 0.5]; 0 when c is no peak. */
function parabolaVertex(l: number, c: number, r: number): number {
  const curve = l + r - 2 * c; // l + r, not l − 2c + r: the swapped call's (r, c, l) must give −vertex to the bit
  if (!(curve < 0)) return 0;
  return Math.max(-0.5, Math.min(0.5, (l - r) / (2 * curve)));
}

/** Bilinear sample positions along one axis: t ↦ centre + (t − centre)·k + o, for t in [0, side). */
function axisSamples(side: number, k: number, o: number) {
  const centre = (side - 1) / 2;
  const idx = new Int32Array(side), frac = new Float64Array(side), ok = new Uint8Array(side);
  for (let t = 0; t < side; t++) {
    const p = centre + (t - centre) * k + o;
    ok[t] = p >= 0 && p <= side - 1 ? 1 : 0;
    idx[t] = Math.min(side - 2, Math.max(0, Math.floor(p)));
    frac[t] = p - idx[t];
  }
  return { idx, frac, ok };
}

/**
 * Normalised correlation after a fractional shift d and a relative scale kb/ka, applied half to each
 * side so that the swapped call at (−d, kb, ka) samples the very same points: a at
 * centre + (t − centre)·ka − d/2, b at centre + (t − centre)·kb + d/2, both bilinear. NaN without contrast.
 */
function warpedCorrelation(a: Float32Array, b: Float32Array, side: number, dx: number, dy: number, ka: number, kb: number): number {
  const ax = axisSamples(side, ka, -dx / 2), ay = axisSamples(side, ka, -dy / 2);
  const bx = axisSamples(side, kb, dx / 2), by = axisSamples(side, kb, dy / 2);
  const bilinear = (v: Float32Array, i: number, fi: number, j: number, fj: number) => {
    const o = j * side + i;
    const top = v[o] + (v[o + 1] - v[o]) * fi, bottom = v[o + side] + (v[o + side + 1] - v[o + side]) * fi;
    return top + (bottom - top) * fj;
  };
  let n = 0, sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
  for (let y = 0; y < side; y++) {
    if (!ay.ok[y] || !by.ok[y]) continue;
    for (let x = 0; x < side; x++) {
      if (!ax.ok[x] || !bx.ok[x]) continue;
      const va = bilinear(a, ax.idx[x], ax.frac[x], ay.idx[y], ay.frac[y]);
      const vb = bilinear(b, bx.idx[x], bx.frac[x], by.idx[y], by.frac[y]);
      n++;
      sa += va;
      sb += vb;
      saa += va * va;
      sbb += vb * vb;
      sab += va * vb;
    }
  }
  const varA = saa - (sa * sa) / n, varB = sbb - (sb * sb) / n;
  if (!(n > 0) || varA <= FLAT_EPS || varB <= FLAT_EPS) return NaN;
  return (sab - (sa * sb) / n) / Math.sqrt(varA * varB);
}

/**
 * 1 − the normalised correlation of the two thumbnails at their best alignment, in [0, 2].
 * First every integer shift (dx, dy) ∈ [−maxShift, maxShift]², pairing a[x, y] with
 * b[x + dx, y + dy] over the overlap (the swapped call visits the same pairs at (−dx, −dy), in the
 * same order). With `subpixel`, the best integer shift is refined to the vertex of the parabolas
 * through its neighbours and measured there (bilinear) at scales 1/S, 1 and S: on MNIST a copy
 * offset by half a thumbnail pixel, or cropped by 4%, otherwise loses as much correlation as two
 * different digits differ by (docs/copy-signal-images.md). Symmetric to the bit, as every
 * refinement samples the same points in the swapped call. Flat against flat is 0; flat against
 * anything else is 1.
 */
export function copyDistanceWith(a: Float32Array, b: Float32Array, maxShift: number, subpixel = false, blurSearch = 0): number {
  if (a.length !== b.length) throw new RangeError(`copy descriptors differ in length: ${a.length} vs ${b.length}`);
  const side = Math.round(Math.sqrt(a.length));
  const fa = isFlat(a), fb = isFlat(b);
  if (fa || fb) return fa && fb ? 0 : 1;
  const w = 2 * maxShift + 1;
  const surface = new Float64Array(w * w);
  let best = -Infinity, bx = 0, by = 0;
  for (let dy = -maxShift; dy <= maxShift; dy++)
    for (let dx = -maxShift; dx <= maxShift; dx++) {
      // An overlap with no contrast on one side says nothing about this shift (NaN never wins).
      const r = shiftedCorrelation(a, b, side, dx, dy);
      surface[(dy + maxShift) * w + dx + maxShift] = r;
      if (r > best) [best, bx, by] = [r, dx, dy];
    }
  // No shift had contrast on both sides (e.g. one lone pixel in a corner): no evidence either way.
  if (best === -Infinity) return 1;
  if (subpixel) {
    const at = (dx: number, dy: number) =>
      Math.abs(dx) > maxShift || Math.abs(dy) > maxShift ? shiftedCorrelation(a, b, side, dx, dy) : surface[(dy + maxShift) * w + dx + maxShift];
    const fx = bx + parabolaVertex(at(bx - 1, by), best, at(bx + 1, by));
    const fy = by + parabolaVertex(at(bx, by - 1), best, at(bx, by + 1));
    const pairs: [Float32Array, Float32Array][] = [[a, b]];
    if (blurSearch > 0) {
      let ba = a, bb = b;
      for (let k = 0; k < blurSearch; k++) [ba, bb] = [blur121(ba, side), blur121(bb, side)];
      pairs.push([ba, b], [a, bb]);
    }
    for (const [pa, pb] of pairs)
      for (const [ka, kb] of SCALE_PAIRS) {
        const r = warpedCorrelation(pa, pb, side, fx, fy, ka, kb);
        if (r > best) best = r;
      }
  }
  return Math.min(2, Math.max(0, 1 - best));
}

/** Relative scales tried by the refinement (a 2–5% crop scaled back to size enlarges by 1.02–1.05),
 * as (ka, kb) pairs closed under swapping, so the swapped call tries the same numbers. */
const HALF_SCALE = Math.sqrt(1.035);
const SCALE_PAIRS: [number, number][] = [[1, 1], [HALF_SCALE, 1 / HALF_SCALE], [1 / HALF_SCALE, HALF_SCALE]];

/** copyDistanceWith at the chosen design's shifts. */
export function copyDistance(a: Float32Array, b: Float32Array): number {
  return copyDistanceWith(a, b, COPY_SIGNAL_PARAMS.maxShift, COPY_SIGNAL_PARAMS.subpixel, COPY_SIGNAL_PARAMS.blurSearch);
}
