// Image preprocessing shared by Node and the browser: pure TypeScript, no DOM, no Node APIs.
//
// RGBA bytes (any size, any EXIF orientation) → NHWC RGB float32 in [0, 1] of the target size:
//   1. alpha composited on white (per pixel, before filtering, so transparent colour never bleeds),
//   2. antialiased resize: separable triangle filter whose support grows with the downscale factor
//      (Pillow's BILINEAR resample, i.e. `Image.resize(size, Image.BILINEAR)` with antialias),
//   3. EXIF orientation (1..8) applied so the output is upright.
// The resize runs in the stored orientation (to the pre-rotation size) and the orientation is
// applied while writing the small result; flips and transposes commute with a symmetric
// separable filter, so this equals rotate-then-resize and is much cheaper.
// The kernels are arranged for speed (two rows per horizontal step, six running sums per vertical
// step, no per-call allocation) but do the same floating-point operations in the same order as the
// plain loops: test/models/preprocess-reference.test.ts checks the output bit for bit.

export interface RgbaImage {
  /** RGBA, row-major, 4 bytes per pixel. */
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  /** EXIF orientation 1..8 as stored in the file; anything else is treated as 1. */
  orientation?: number;
}

export interface TargetSize {
  width: number;
  height: number;
}

/** Width and height of the image once its EXIF orientation is applied. */
export function orientedSize(width: number, height: number, orientation = 1): TargetSize {
  return orientation >= 5 && orientation <= 8 ? { width: height, height: width } : { width, height };
}

interface Coeffs {
  /** First source index per output index. */
  start: Int32Array;
  /** Tap count per output index. */
  count: Int32Array;
  /** Normalised weights, `stride` per output index. */
  weights: Float64Array;
  stride: number;
}

const coeffCache = new Map<string, Coeffs>();
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Pillow's precompute_coeffs for the triangle (bilinear) filter, support 1 scaled by max(1, scale). */
function coeffs(inSize: number, outSize: number): Coeffs {
  const key = `${inSize}:${outSize}`;
  const hit = coeffCache.get(key);
  if (hit) return hit;
  const scale = inSize / outSize;
  const filterScale = Math.max(1, scale);
  const support = filterScale;
  const stride = Math.ceil(support) * 2 + 1;
  const start = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  const weights = new Float64Array(outSize * stride);
  const inv = 1 / filterScale;
  for (let i = 0; i < outSize; i++) {
    const center = (i + 0.5) * scale;
    const lo = Math.max(0, Math.floor(center - support + 0.5));
    const hi = Math.min(inSize, Math.floor(center + support + 0.5));
    let sum = 0;
    let n = 0;
    for (let x = lo; x < hi && n < stride; x++, n++) {
      const t = Math.abs((x - center + 0.5) * inv);
      const w = t < 1 ? 1 - t : 0;
      weights[i * stride + n] = w;
      sum += w;
    }
    if (sum > 0) for (let k = 0; k < n; k++) weights[i * stride + k] /= sum;
    start[i] = lo;
    count[i] = n;
  }
  const c = { start, count, weights, stride };
  if (coeffCache.size > 64) coeffCache.clear();
  coeffCache.set(key, c);
  return c;
}

function checkSize(what: string, w: number, h: number): void {
  if (!Number.isInteger(w) || !Number.isInteger(h) || w <= 0 || h <= 0) {
    throw new RangeError(`${what} must be positive integers, got ${w}×${h}`);
  }
}

/**
 * Preprocess one RGBA image into NHWC RGB floats in [0, 1], `target.height × target.width × 3`.
 * Writes into `out` at `outOffset` when given (e.g. one slot of a batch buffer) and returns `out`;
 * otherwise returns a new Float32Array.
 */
export function preprocessImage(
  img: RgbaImage,
  target: TargetSize,
  out?: Float32Array,
  outOffset = 0,
): Float32Array {
  const { data, width: W, height: H } = img;
  checkSize('image size', W, H);
  checkSize('target size', target.width, target.height);
  if (data.length < W * H * 4) throw new RangeError(`RGBA data too short for ${W}×${H}`);
  const o = Number.isInteger(img.orientation) && img.orientation! >= 1 && img.orientation! <= 8 ? img.orientation! : 1;
  const transposed = o >= 5;
  // Size of the resized image in the stored orientation.
  const rw = transposed ? target.height : target.width;
  const rh = transposed ? target.width : target.height;
  const n = target.width * target.height * 3;
  const dst = out ?? new Float32Array(n);
  if (outOffset < 0 || outOffset + n > dst.length) throw new RangeError('output buffer too small');

  if (W === rw && H === rh && o === 1) { // nothing to resize (the CLI's fast decode): same numbers, no passes
    unscaled(data, W * H, dst, outOffset);
    return dst;
  }

  // Pass 1 (horizontal): each stored row, composited on white, → rw samples. tmp is H × rw × 3.
  const xc = coeffs(W, rw);
  const tmp = scratch(H * rw * 3);
  horizontalPass(data, W, H, xc, rw, tmp);

  // Pass 2 (vertical), writing the result in the upright orientation.
  verticalPass(tmp, rw, coeffs(H, rh), rh, o, target.width, dst, outOffset);
  return dst;
}

/** What the filter gives when sizes match (weights 1 and 0): the composited value × 1/255. */
function unscaled(data: Uint8Array | Uint8ClampedArray, n: number, dst: Float32Array, d: number): void {
  const k255 = 1 / 255, fr = Math.fround;
  for (let p = 0; p < n * 4; p += 4, d += 3) {
    const a = data[p + 3];
    if (a === 255) {
      dst[d] = data[p] * k255;
      dst[d + 1] = data[p + 1] * k255;
      dst[d + 2] = data[p + 2] * k255;
    } else {
      const f = a / 255, white = 255 - a;
      dst[d] = fr(data[p] * f + white) * k255;
      dst[d + 1] = fr(data[p + 1] * f + white) * k255;
      dst[d + 2] = fr(data[p + 2] * f + white) * k255;
    }
  }
}

// Scratch rows reused across calls: preprocessImage is synchronous, so one set per thread suffices,
// and a batch of 512×512 images no longer allocates (and zeroes) 1.4 MB per image. Every value is
// written before it is read. Buffers for very tall images are not kept.
const KEEP_SCRATCH = 1 << 22; // floats (16 MB)
let tmpScratch = new Float32Array(0);
let rowScratch = new Float32Array(0);
function scratch(n: number): Float32Array {
  if (tmpScratch.length >= n) return tmpScratch;
  const fresh = new Float32Array(n);
  if (n <= KEEP_SCRATCH) tmpScratch = fresh;
  return fresh;
}

/**
 * Σ v·w in double precision, taps in order, per output sample; stored as float32. Opaque rows (the
 * common case) are filtered straight from the bytes, two rows at a time where both are opaque (one
 * weight load feeds six independent sums); the others from a float copy composited on white.
 * Each row kernel is its own small function so that V8 optimises each loop on its own.
 */
function horizontalPass(data: Uint8Array | Uint8ClampedArray, W: number, H: number, c: Coeffs, rw: number, tmp: Float32Array): void {
  if (rowScratch.length < W * 4) rowScratch = new Float32Array(W * 4);
  // One 32-bit load per pixel; RGBA bytes are R | G << 8 | B << 16 on little-endian hosts.
  const px32 = LITTLE_ENDIAN && data.byteOffset % 4 === 0 ? new Int32Array(data.buffer, data.byteOffset, W * H) : null;
  const outRow = rw * 3;
  const opaque = opaqueRows(data, px32, W, H);
  for (let y = 0; y < H; y++) {
    if (px32 && opaque[y] && y + 1 < H && opaque[y + 1]) {
      rowPairOpaque(px32, y * W, W, c, rw, tmp, y * outRow);
      y++;
    } else if (opaque[y]) {
      rowOpaque(data, y * W * 4, c, rw, tmp, y * outRow);
    } else {
      compositeOnWhite(data, y * W * 4, W, rowScratch);
      rowOpaque(rowScratch, 0, c, rw, tmp, y * outRow);
    }
  }
}

/** Rows y and y + 1 (starting at pixel rowPx) → tmp rows at t and t + rw × 3. */
function rowPairOpaque(px32: Int32Array, rowPx: number, W: number, c: Coeffs, rw: number, tmp: Float32Array, t: number): void {
  const { start: xs, count: xn, weights: xw, stride: xStride } = c;
  const outRow = rw * 3;
  for (let i = 0; i < rw; i++, t += 3) {
    const cnt = xn[i];
    let r = 0, g = 0, b = 0, r2 = 0, g2 = 0, b2 = 0;
    for (let k = 0, wi = i * xStride, q = rowPx + xs[i]; k < cnt; k++, wi++, q++) {
      const w = xw[wi];
      const v = px32[q], u = px32[q + W];
      r += (v & 255) * w;
      g += ((v >> 8) & 255) * w;
      b += ((v >> 16) & 255) * w;
      r2 += (u & 255) * w;
      g2 += ((u >> 8) & 255) * w;
      b2 += ((u >> 16) & 255) * w;
    }
    tmp[t] = r;
    tmp[t + 1] = g;
    tmp[t + 2] = b;
    tmp[t + outRow] = r2;
    tmp[t + outRow + 1] = g2;
    tmp[t + outRow + 2] = b2;
  }
}

/** One row of 4-per-pixel values (RGBA bytes, or floats composited on white) → tmp at t. */
function rowOpaque(src: ArrayLike<number>, rowStart: number, c: Coeffs, rw: number, tmp: Float32Array, t: number): void {
  const { start: xs, count: xn, weights: xw, stride: xStride } = c;
  for (let i = 0; i < rw; i++, t += 3) {
    const cnt = xn[i];
    let r = 0, g = 0, b = 0;
    for (let k = 0, wi = i * xStride, q = rowStart + xs[i] * 4; k < cnt; k++, wi++, q += 4) {
      const w = xw[wi];
      r += src[q] * w;
      g += src[q + 1] * w;
      b += src[q + 2] * w;
    }
    tmp[t] = r;
    tmp[t + 1] = g;
    tmp[t + 2] = b;
  }
}

function compositeOnWhite(data: Uint8Array | Uint8ClampedArray, rowStart: number, W: number, row: Float32Array): void {
  for (let x = 0, p = rowStart, q = 0; x < W; x++, p += 4, q += 4) {
    const a = data[p + 3];
    const f = a / 255;
    const white = 255 - a;
    row[q] = data[p] * f + white;
    row[q + 1] = data[p + 1] * f + white;
    row[q + 2] = data[p + 2] * f + white;
  }
}

/** 1 per row whose pixels all have alpha 255. */
function opaqueRows(data: Uint8Array | Uint8ClampedArray, px32: Int32Array | null, W: number, H: number): Uint8Array {
  if (px32) return opaqueRows32(px32, W, H);
  const flags = new Uint8Array(H);
  for (let y = 0; y < H; y++) {
    let all = 255;
    for (let p = y * W * 4 + 3, end = (y + 1) * W * 4; p < end; p += 4) all &= data[p];
    flags[y] = all === 255 ? 1 : 0;
  }
  return flags;
}

function opaqueRows32(px32: Int32Array, W: number, H: number): Uint8Array {
  const flags = new Uint8Array(H);
  for (let y = 0; y < H; y++) {
    // AND of the row's pixels (four running ANDs): its top byte is 255 iff every alpha is 255.
    let a0 = -1, a1 = -1, a2 = -1, a3 = -1, p = y * W;
    const end = p + W;
    for (; p + 3 < end; p += 4) { a0 &= px32[p]; a1 &= px32[p + 1]; a2 &= px32[p + 2]; a3 &= px32[p + 3]; }
    for (; p < end; p++) a0 &= px32[p];
    flags[y] = (a0 & a1 & a2 & a3) >>> 24 === 255 ? 1 : 0;
  }
  return flags;
}

/**
 * Vertical pass over whole rows of tmp (rw × 3 floats each), then ×1/255, clamped, and written
 * applying the orientation: stored (i, j) in an rw × rh image → upright (x, y). Each sum is
 * rounded to float32 after every tap, exactly as the former Float32Array accumulator was, so the
 * output is bit-identical to it; two pixels per step give six independent sums to overlap.
 */
function verticalPass(tmp: Float32Array, rw: number, c: Coeffs, rh: number, o: number, tw: number, dst: Float32Array, outOffset: number): void {
  const { start: ys, count: yn, weights: yw, stride: yStride } = c;
  const rowLen = rw * 3;
  const k255 = 1 / 255;
  const fr = Math.fround;
  for (let j = 0; j < rh; j++) {
    // Destination of (i = 0, j) and the step per i, in pixels of the upright image.
    let d0: number, step: number;
    switch (o) {
      case 2: d0 = j * tw + (rw - 1); step = -1; break;
      case 3: d0 = (rh - 1 - j) * tw + (rw - 1); step = -1; break;
      case 4: d0 = (rh - 1 - j) * tw; step = 1; break;
      case 5: d0 = j; step = tw; break;
      case 6: d0 = rh - 1 - j; step = tw; break;
      case 7: d0 = (rw - 1) * tw + (rh - 1 - j); step = -tw; break;
      case 8: d0 = (rw - 1) * tw + j; step = -tw; break;
      default: d0 = j * tw; step = 1;
    }
    const cnt = yn[j], wj = j * yStride, q0 = ys[j] * rowLen, w0 = yw[wj];
    const dStep = step * 3;
    let i = 0, d = outOffset + d0 * 3;
    for (let e = q0; i + 1 < rw; i += 2, e += 6, d += 2 * dStep) {
      let a0 = fr(tmp[e] * w0), a1 = fr(tmp[e + 1] * w0), a2 = fr(tmp[e + 2] * w0);
      let a3 = fr(tmp[e + 3] * w0), a4 = fr(tmp[e + 4] * w0), a5 = fr(tmp[e + 5] * w0);
      for (let k = 1, q = e + rowLen; k < cnt; k++, q += rowLen) {
        const w = yw[wj + k];
        a0 = fr(a0 + tmp[q] * w);
        a1 = fr(a1 + tmp[q + 1] * w);
        a2 = fr(a2 + tmp[q + 2] * w);
        a3 = fr(a3 + tmp[q + 3] * w);
        a4 = fr(a4 + tmp[q + 4] * w);
        a5 = fr(a5 + tmp[q + 5] * w);
      }
      let v = a0 * k255; dst[d] = v < 0 ? 0 : v > 1 ? 1 : v;
      v = a1 * k255; dst[d + 1] = v < 0 ? 0 : v > 1 ? 1 : v;
      v = a2 * k255; dst[d + 2] = v < 0 ? 0 : v > 1 ? 1 : v;
      const d2 = d + dStep;
      v = a3 * k255; dst[d2] = v < 0 ? 0 : v > 1 ? 1 : v;
      v = a4 * k255; dst[d2 + 1] = v < 0 ? 0 : v > 1 ? 1 : v;
      v = a5 * k255; dst[d2 + 2] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
    if (i < rw) { // odd width: the last pixel alone
      const e = q0 + i * 3;
      let a0 = fr(tmp[e] * w0), a1 = fr(tmp[e + 1] * w0), a2 = fr(tmp[e + 2] * w0);
      for (let k = 1, q = e + rowLen; k < cnt; k++, q += rowLen) {
        const w = yw[wj + k];
        a0 = fr(a0 + tmp[q] * w);
        a1 = fr(a1 + tmp[q + 1] * w);
        a2 = fr(a2 + tmp[q + 2] * w);
      }
      let v = a0 * k255; dst[d] = v < 0 ? 0 : v > 1 ? 1 : v;
      v = a1 * k255; dst[d + 1] = v < 0 ? 0 : v > 1 ? 1 : v;
      v = a2 * k255; dst[d + 2] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
  }
}
