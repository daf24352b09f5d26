// Per-image issue scores and per-set issue rates with CleanVision's definitions (cleanlab/cleanvision,
// issue_managers/image_property.py, default parameters of ImagePropertyIssueManager), computed from
// decoded RGBA pixels (docs/panel-images-tables.md says where this differs). Every score is in [0, 1],
// low is bad, and an image has the issue when its score is below the kind's threshold.
//
// - dark: the 99th percentile of perceived pixel brightness √(0.241R² + 0.691G² + 0.068B²)/255;
// - light (washed-out): 1 − the 5th percentile of that brightness;
// - blurry: the image shrunk to at most 64 px a side (Pillow's bicubic resize), made grey, then
//   1 − exp(−0.01·σ) with σ the standard deviation of its 3×3 Laplacian edge image (Pillow's
//   FIND_EDGES), plus 1 − exp(−0.01·s) with s the standard deviation of its 256-bin grey histogram
//   when that term exceeds 0.18 (a near-flat image is low-information, not blurry); capped at 1;
// - low-information: 0.1 × the entropy in bits of the pixel histogram, capped at 1;
// - odd-aspect-ratio: min(w/h, h/w);
// - odd-size: relative to the set (oddSizeScores): outside Q1 − 3·IQR … Q3 + 3·IQR of √(w·h).
// imageIssueScores reads the first four from reduced copies of an image over 256 px a side (cheap
// beside the embedding); cleanVisionIssueScores from the full-resolution pixels (the parity reference).
import type { DecodedImage } from '../../contracts/embedders.ts';

export type IssueKind = 'dark' | 'light' | 'blurry' | 'low-information' | 'odd-aspect-ratio' | 'odd-size';
/** The kinds one image's pixels decide; odd-size needs the whole set. */
export type PixelIssueKind = Exclude<IssueKind, 'odd-size'>;
export type ImageIssueScores = Record<PixelIssueKind, number>;

export const ISSUE_KINDS: readonly IssueKind[] = ['dark', 'light', 'blurry', 'low-information', 'odd-aspect-ratio', 'odd-size'];
/** The per-image kinds in a fixed order (the order of the scores in an image's cache record). */
export const PIXEL_ISSUE_KINDS: readonly PixelIssueKind[] = ['dark', 'light', 'blurry', 'low-information', 'odd-aspect-ratio'];

/** CleanVision's default thresholds (a score below flags the image). odd-size: 1 when every size in the set is the same. */
export const ISSUE_THRESHOLDS: Readonly<Record<IssueKind, number>> = {
  dark: 0.32,
  light: 0.05,
  blurry: 0.29,
  'low-information': 0.3,
  'odd-aspect-ratio': 0.35,
  'odd-size': 0.5,
};

/** Words for users (CleanVision calls washed-out images "light"). */
export const ISSUE_LABELS: Readonly<Record<IssueKind, string>> = {
  dark: 'dark',
  light: 'washed-out',
  blurry: 'blurry',
  'low-information': 'low information',
  'odd-aspect-ratio': 'odd aspect ratio',
  'odd-size': 'odd size',
};

const BLUR_MAX_SIDE = 64, BLUR_FACTOR = 0.01, BLUR_COLOR_THRESHOLD = 0.18, ENTROPY_FACTOR = 0.1, IQR_FACTOR = 3;

/** Above this many pixels on its long side an image is scored from a reduced copy (imageIssueScores). */
export const ISSUE_MAX_SIDE = 256;

/**
 * The scores of one image, cheap enough to run beside the embedding (docs/panel-images-tables.md).
 * An image at most ISSUE_MAX_SIDE px a side is scored exactly as CleanVision scores it. A larger one,
 * shrunk by the integer factor f that brings it within that size: the brightness percentiles and the
 * entropy from every f-th pixel of every f-th row (a sample of the pixel values: averaging would
 * move them, turning a white page with black text into a grey one), the blur score from the f×f box
 * means (an antialiased copy, as the shrink to 64 px that follows expects), the aspect ratio from the
 * original size.
 */
export function imageIssueScores(img: DecodedImage): ImageIssueScores {
  const f = Math.ceil(Math.max(img.width, img.height) / ISSUE_MAX_SIDE);
  if (f <= 1) return cleanVisionIssueScores(img);
  const grey = isGrey(img.data, img.width * img.height);
  const sample = pointSample(img, f);
  return pixelScores(sample, sample.width * sample.height, grey, blurScore(boxShrink(img, ISSUE_MAX_SIDE), grey), img);
}

/** CleanVision's scores on the full-resolution pixels (the parity reference; ≈ 23 ms at 1024×768). */
export function cleanVisionIssueScores(img: DecodedImage): ImageIssueScores {
  const n = img.width * img.height;
  const grey = isGrey(img.data, n);
  return pixelScores(img, n, grey, blurScore(img, grey), img);
}

function pixelScores(pixels: DecodedImage, n: number, grey: boolean, blurry: number, original: DecodedImage): ImageIssueScores {
  const [p5, p99] = brightnessPercentiles(pixels.data, n, grey);
  return {
    dark: p99,
    light: 1 - p5,
    blurry,
    'low-information': Math.min(1, ENTROPY_FACTOR * entropy(pixels.data, n, grey)),
    'odd-aspect-ratio': Math.min(original.width / original.height, original.height / original.width),
  };
}

export interface ImageSize { width: number; height: number }

/** CleanVision's SizeProperty over one set: per-image score and the threshold in force. */
export function oddSizeScores(sizes: readonly ImageSize[]): { scores: Float64Array; threshold: number } {
  const size = Float64Array.from(sizes, (s) => Math.sqrt(s.width) * Math.sqrt(s.height));
  if (size.length === 0) return { scores: size, threshold: ISSUE_THRESHOLDS['odd-size'] };
  const sorted = Float64Array.from(size).sort();
  const q1 = percentile(sorted, 25), q3 = percentile(sorted, 75);
  const lo = q1 - IQR_FACTOR * (q3 - q1), hi = q3 + IQR_FACTOR * (q3 - q1);
  const mid = (lo + hi) / 2, gap = hi - lo;
  // Every size equal: the gap is 0, distances are read relative to that size and any other size is odd.
  const norm = gap > 0 ? gap : mid, threshold = gap > 0 ? ISSUE_THRESHOLDS['odd-size'] : 1;
  return { scores: size.map((s) => 1 - Math.min(1, Math.max(0, Math.abs(s - mid) / norm))), threshold };
}

export interface IssueRate {
  /** Share of the set's images with the issue. */
  rate: number;
  /** Images scored. */
  n: number;
  /** Indices of the images with the issue, lowest score (worst) first. */
  flagged: number[];
  threshold: number;
}

/** Per kind: the share of images flagged, and which, worst first. `sizes[i]` is image i's size. */
export function issueRates(scores: readonly ImageIssueScores[], sizes: readonly ImageSize[]): Record<IssueKind, IssueRate> {
  if (scores.length !== sizes.length) throw new Error(`issueRates: ${scores.length} scores but ${sizes.length} sizes`);
  const rate = (score: (i: number) => number, threshold: number): IssueRate => {
    const flagged: number[] = [];
    for (let i = 0; i < scores.length; i++) if (score(i) < threshold) flagged.push(i);
    flagged.sort((a, b) => score(a) - score(b) || a - b);
    return { rate: scores.length ? flagged.length / scores.length : 0, n: scores.length, flagged, threshold };
  };
  const odd = oddSizeScores(sizes);
  const out = {} as Record<IssueKind, IssueRate>;
  for (const kind of ISSUE_KINDS) {
    out[kind] = kind === 'odd-size' ? rate((i) => odd.scores[i], odd.threshold) : rate((i) => scores[i][kind], ISSUE_THRESHOLDS[kind]);
  }
  return out;
}

// ---- pixels ----

/** Every f-th pixel of every f-th row, from the middle of each f×f block. */
function pointSample(img: DecodedImage, f: number): DecodedImage {
  const { width: w, height: h, data } = img;
  const off = f >> 1, ow = Math.floor((w - off - 1) / f) + 1, oh = Math.floor((h - off - 1) / f) + 1;
  const out = new Uint8Array(ow * oh * 4);
  for (let oy = 0, o = 0; oy < oh; oy++)
    for (let ox = 0, i = ((oy * f + off) * w + off) * 4; ox < ow; ox++, i += 4 * f, o += 4) {
      out[o] = data[i]; out[o + 1] = data[i + 1]; out[o + 2] = data[i + 2]; out[o + 3] = 255;
    }
  return { data: out, width: ow, height: oh };
}

/**
 * The image shrunk by the smallest integer factor f that brings its long side to at most `maxSide`:
 * each output pixel the rounded mean of an f×f block (blocks on the right and bottom edges may be
 * smaller, so every pixel counts). One pass over the pixels; alpha is set opaque (no score reads it).
 */
export function boxShrink(img: DecodedImage, maxSide: number): DecodedImage {
  const { width: w, height: h, data } = img;
  const f = Math.ceil(Math.max(w, h) / maxSide);
  if (f <= 1) return img;
  const ow = Math.ceil(w / f), oh = Math.ceil(h / f);
  const sums = new Uint32Array(ow * oh * 3);
  for (let y = 0; y < h; y++) {
    const row = ((y / f) | 0) * ow * 3;
    // Each block's run of a row is summed in locals, then added once.
    for (let ox = 0, i = y * w * 4; ox < ow; ox++) {
      let r = 0, g = 0, b = 0;
      for (let x = ox * f, end = Math.min(w, x + f); x < end; x++, i += 4) { r += data[i]; g += data[i + 1]; b += data[i + 2]; }
      const o = row + ox * 3;
      sums[o] += r; sums[o + 1] += g; sums[o + 2] += b;
    }
  }
  const out = new Uint8Array(ow * oh * 4);
  for (let oy = 0; oy < oh; oy++) {
    const bh = Math.min(f, h - oy * f);
    for (let ox = 0; ox < ow; ox++) {
      const count = bh * Math.min(f, w - ox * f), o = oy * ow + ox;
      // Integer rounding half up: a grey image (R = G = B) stays grey.
      out[o * 4] = ((2 * sums[o * 3] + count) / (2 * count)) | 0;
      out[o * 4 + 1] = ((2 * sums[o * 3 + 1] + count) / (2 * count)) | 0;
      out[o * 4 + 2] = ((2 * sums[o * 3 + 2] + count) / (2 * count)) | 0;
      out[o * 4 + 3] = 255;
    }
  }
  return { data: out, width: ow, height: oh };
}

/** True when every pixel has R = G = B: CleanVision then sees a one-band ("L") image, as for a grey PNG. */
function isGrey(d: ArrayLike<number>, n: number): boolean {
  for (let i = 0; i < n * 4; i += 4) if (d[i] !== d[i + 1] || d[i] !== d[i + 2]) return false;
  return true;
}

// numpy's order of operations: 0.241 * (r * r), summed left to right.
const R2 = Float64Array.from({ length: 256 }, (_, v) => 0.241 * (v * v));
const G2 = Float64Array.from({ length: 256 }, (_, v) => 0.691 * (v * v));
const B2 = Float64Array.from({ length: 256 }, (_, v) => 0.068 * (v * v));
/** Squared brightness × 255², monotone in brightness, so its order statistics are brightness's. */
function squaredBrightness(d: ArrayLike<number>, n: number, grey: boolean): Float64Array {
  const q = scratch(n);
  if (grey) for (let i = 0; i < n; i++) q[i] = d[i * 4] * d[i * 4];
  else for (let i = 0, j = 0; i < n; i++, j += 4) q[i] = R2[d[j]] + G2[d[j + 1]] + B2[d[j + 2]];
  return q;
}

// One buffer reused across calls: the scores run on every image of a set.
let buffer = new Float64Array(0);
const scratch = (n: number) => (buffer.length >= n ? buffer : (buffer = new Float64Array(n)));
const toBrightness = (q: number) => Math.sqrt(q) / 255;

// Bins of the squared brightness (0 … 65025) for the exact selection below.
const QBINS = 4096, QSCALE = QBINS / 65026;

/**
 * numpy's linear-interpolation 5th and 99th percentiles of pixel brightness, exact, without sorting
 * every pixel: a histogram of the squared brightness finds the bins holding the four order
 * statistics, then a second pass collects only the values in those bins.
 */
function brightnessPercentiles(d: ArrayLike<number>, n: number, grey: boolean): [number, number] {
  const counts = new Int32Array(QBINS);
  const q = squaredBrightness(d, n, grey);
  for (let i = 0; i < n; i++) counts[(q[i] * QSCALE) | 0]++;
  const positions = [0.05 * (n - 1), 0.99 * (n - 1)];
  const ranks = positions.flatMap((pos) => [Math.floor(pos), Math.min(n - 1, Math.floor(pos) + 1)]);
  // The bin of each wanted rank, and the rank of that bin's first value.
  const binStart = new Map<number, number>();
  const binOfRank = ranks.map((r) => {
    let b = 0, before = 0;
    while (before + counts[b] <= r) before += counts[b++];
    binStart.set(b, before);
    return b;
  });
  const slot = new Int32Array(QBINS).fill(-1), bins = [...binStart.keys()];
  bins.forEach((b, k) => (slot[b] = k));
  const values: number[][] = bins.map(() => []);
  for (let i = 0; i < n; i++) {
    const k = slot[(q[i] * QSCALE) | 0];
    if (k >= 0) values[k].push(q[i]);
  }
  for (const v of values) v.sort((a, b) => a - b);
  const at = (j: number) => toBrightness(values[slot[binOfRank[j]]][ranks[j] - binStart.get(binOfRank[j])!]);
  return positions.map((pos, p) => {
    const a = at(2 * p), b = at(2 * p + 1);
    return a + (b - a) * (pos - Math.floor(pos));
  }) as [number, number];
}

/** Pillow's Image.entropy(): the histogram of every band pooled (256 bins a band), in bits. Alpha is left out. */
function entropy(d: ArrayLike<number>, n: number, grey: boolean): number {
  const hist = new Int32Array(grey ? 256 : 768);
  if (grey) for (let i = 0; i < n * 4; i += 4) hist[d[i]]++;
  else for (let i = 0; i < n * 4; i += 4) { hist[d[i]]++; hist[256 + d[i + 1]]++; hist[512 + d[i + 2]]++; }
  let e = 0;
  const total = grey ? n : 3 * n;
  for (const k of hist) if (k) { const p = k / total; e -= p * Math.log2(p); }
  return e;
}

function blurScore(img: DecodedImage, grey: boolean): number {
  const g = greySmall(img, grey);
  const sigma = Math.sqrt(variance(findEdges(g.pixels, g.width, g.height)));
  const hist = new Float64Array(256);
  for (const v of g.pixels) hist[v]++;
  const histStd = Math.sqrt(variance(hist));
  const blur = 1 - Math.exp(-sigma * BLUR_FACTOR);
  let colour = 1 - Math.exp(-histStd * BLUR_FACTOR);
  if (colour <= BLUR_COLOR_THRESHOLD) colour = 0;
  return Math.min(blur + colour, 1);
}

function variance(x: ArrayLike<number>): number {
  let s = 0, s2 = 0;
  for (let i = 0; i < x.length; i++) { s += x[i]; s2 += x[i] * x[i]; }
  const m = s / x.length;
  return Math.max(0, s2 / x.length - m * m);
}

/** The image shrunk as CleanVision does (at most 64 px a side, Pillow's bicubic on R, G, B), then Pillow's "L" conversion. */
function greySmall(img: DecodedImage, grey: boolean): { pixels: Uint8Array; width: number; height: number } {
  const { width: w, height: h, data } = img;
  const ratio = Math.max(w, h) / BLUR_MAX_SIDE;
  const ow = ratio > 1 ? Math.max(pyFloorDiv(w, ratio), 1) : w, oh = ratio > 1 ? Math.max(pyFloorDiv(h, ratio), 1) : h;
  // A grey image is Pillow's one-band "L" image: resizing R alone gives what resizing L does.
  const bands: 1 | 3 = grey ? 1 : 3;
  const small = ow === w && oh === h ? pick(data, w * h, bands) : resizeBicubic(data, 4, bands, w, h, ow, oh);
  if (grey) return { pixels: small, width: ow, height: oh };
  const out = new Uint8Array(ow * oh);
  // Pillow's L24: ITU-R 601-2 luma in 16-bit fixed point.
  for (let i = 0; i < out.length; i++) out[i] = (small[i * 3] * 19595 + small[i * 3 + 1] * 38470 + small[i * 3 + 2] * 7471 + 0x8000) >>> 16;
  return { pixels: out, width: ow, height: oh };
}

function pick(rgba: ArrayLike<number>, n: number, bands: number): Uint8Array {
  const out = new Uint8Array(n * bands);
  for (let i = 0; i < n; i++) for (let c = 0; c < bands; c++) out[i * bands + c] = rgba[i * 4 + c];
  return out;
}

/** Python's float floor division (`w // ratio`), exact where w / ratio rounds up to an integer. */
function pyFloorDiv(v: number, d: number): number {
  const mod = v % d;
  const div = (v - mod) / d;
  const f = Math.floor(div);
  return div - f > 0.5 ? f + 1 : f;
}

/** Pillow's FIND_EDGES (3×3 kernel 8 at the centre, −1 around): the border pixels are copied from the input. */
function findEdges(g: Uint8Array, w: number, h: number): Uint8Array {
  const out = Uint8Array.from(g);
  for (let y = 1; y < h - 1; y++)
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const s = 9 * g[i] - (g[i - w - 1] + g[i - w] + g[i - w + 1] + g[i - 1] + g[i] + g[i + 1] + g[i + w - 1] + g[i + w] + g[i + w + 1]);
      out[i] = s <= 0 ? 0 : s >= 255 ? 255 : s;
    }
  return out;
}

// ---- Pillow's resampling (Resample.c): separable bicubic (a = −0.5) with support widened by the
// scale when shrinking, weights rounded to 22-bit fixed point, horizontal pass then vertical. ----

const PRECISION_BITS = 32 - 8 - 2;

function bicubic(x: number): number {
  const a = -0.5;
  if (x < 0) x = -x;
  if (x < 1) return ((a + 2) * x - (a + 3)) * x * x + 1;
  if (x < 2) return (((x - 5) * x + 8) * x - 4) * a;
  return 0;
}

function coefficients(inSize: number, outSize: number): { bounds: Int32Array; k: Int32Array; ksize: number } {
  const scale = inSize / outSize, filterscale = Math.max(1, scale), support = 2 * filterscale;
  const ksize = Math.ceil(support) * 2 + 1;
  const bounds = new Int32Array(outSize * 2), k = new Int32Array(outSize * ksize), w = new Float64Array(ksize);
  for (let xx = 0; xx < outSize; xx++) {
    const center = (xx + 0.5) * scale;
    const xmin = Math.max(0, Math.trunc(center - support + 0.5));
    const xmax = Math.min(inSize, Math.trunc(center + support + 0.5)) - xmin;
    let ww = 0;
    for (let x = 0; x < xmax; x++) { w[x] = bicubic((x + xmin - center + 0.5) / filterscale); ww += w[x]; }
    for (let x = 0; x < xmax; x++) {
      const c = ww !== 0 ? w[x] / ww : w[x];
      k[xx * ksize + x] = Math.trunc(c < 0 ? -0.5 + c * (1 << PRECISION_BITS) : 0.5 + c * (1 << PRECISION_BITS));
    }
    bounds[xx * 2] = xmin;
    bounds[xx * 2 + 1] = xmax;
  }
  return { bounds, k, ksize };
}

const clip8 = (ss: number) => { const v = ss >> PRECISION_BITS; return v < 0 ? 0 : v > 255 ? 255 : v; };

/** One or three interleaved bands of `src` (`stride` bytes a pixel) resized to ow × oh, `bands` bytes a pixel out. */
function resizeBicubic(src: ArrayLike<number>, stride: number, bands: 1 | 3, w: number, h: number, ow: number, oh: number): Uint8Array {
  const H = coefficients(w, ow), V = coefficients(h, oh);
  // The horizontal pass makes only the source rows the vertical pass reads.
  const first = V.bounds[0], rowsH = V.bounds[oh * 2 - 2] + V.bounds[oh * 2 - 1] - first;
  const rows = new Uint8Array(ow * rowsH * bands);
  for (let y = 0; y < rowsH; y++)
    for (let xx = 0; xx < ow; xx++) {
      const start = ((y + first) * w + H.bounds[xx * 2]) * stride;
      convolve(src, start, stride, H.k, xx * H.ksize, H.bounds[xx * 2 + 1], bands, rows, (y * ow + xx) * bands);
    }
  const out = new Uint8Array(ow * oh * bands);
  for (let yy = 0; yy < oh; yy++)
    for (let xx = 0; xx < ow; xx++) {
      const start = ((V.bounds[yy * 2] - first) * ow + xx) * bands;
      convolve(rows, start, ow * bands, V.k, yy * V.ksize, V.bounds[yy * 2 + 1], bands, out, (yy * ow + xx) * bands);
    }
  return out;
}

/** out[at + c] = Σ_t src[start + t·step + c] · k[k0 + t] for t < taps, in Pillow's fixed point (rounding half up). */
function convolve(src: ArrayLike<number>, start: number, step: number, k: Int32Array, k0: number, taps: number, bands: 1 | 3, out: Uint8Array, at: number): void {
  const half = 1 << (PRECISION_BITS - 1);
  if (bands === 1) {
    let s = half;
    for (let t = 0, p = start; t < taps; t++, p += step) s += src[p] * k[k0 + t];
    out[at] = clip8(s);
    return;
  }
  let r = half, g = half, b = half;
  for (let t = 0, p = start; t < taps; t++, p += step) {
    const kt = k[k0 + t];
    r += src[p] * kt; g += src[p + 1] * kt; b += src[p + 2] * kt;
  }
  out[at] = clip8(r); out[at + 1] = clip8(g); out[at + 2] = clip8(b);
}

/** numpy's default (linear) percentile of an ascending array. */
function percentile(sorted: Float64Array, p: number): number {
  const pos = (p / 100) * (sorted.length - 1), lo = Math.floor(pos), hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
