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

  // Pass 1 (horizontal): each stored row, composited on white, → rw samples. tmp is H × rw × 3.
  // Opaque rows (the common case) are filtered straight from the bytes, the others from a float
  // copy composited on white.
  const { start: xs, count: xn, weights: xw, stride: xStride } = coeffs(W, rw);
  const tmp = new Float32Array(H * rw * 3);
  const row = new Float32Array(W * 4);
  const px32 = LITTLE_ENDIAN && data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, W * H) : null;
  for (let y = 0; y < H; y++) {
    const rowStart = y * W * 4;
    let opaque = true;
    for (let p = rowStart + 3, end = rowStart + W * 4; p < end; p += 4) {
      if (data[p] !== 255) { opaque = false; break; }
    }
    let t = y * rw * 3;
    if (opaque && px32) {
      // One 32-bit load per pixel; RGBA bytes are R | G << 8 | B << 16 on little-endian hosts.
      const rowPx = y * W;
      for (let i = 0; i < rw; i++, t += 3) {
        const cnt = xn[i];
        let r = 0, g = 0, b = 0;
        for (let k = 0, wi = i * xStride, q = rowPx + xs[i]; k < cnt; k++, wi++, q++) {
          const w = xw[wi];
          const v = px32[q];
          r += (v & 255) * w;
          g += ((v >>> 8) & 255) * w;
          b += ((v >>> 16) & 255) * w;
        }
        tmp[t] = r;
        tmp[t + 1] = g;
        tmp[t + 2] = b;
      }
    } else if (opaque) {
      for (let i = 0; i < rw; i++, t += 3) {
        const cnt = xn[i];
        let r = 0, g = 0, b = 0;
        for (let k = 0, wi = i * xStride, q = rowStart + xs[i] * 4; k < cnt; k++, wi++, q += 4) {
          const w = xw[wi];
          r += data[q] * w;
          g += data[q + 1] * w;
          b += data[q + 2] * w;
        }
        tmp[t] = r;
        tmp[t + 1] = g;
        tmp[t + 2] = b;
      }
    } else {
      for (let x = 0, p = rowStart, q = 0; x < W; x++, p += 4, q += 4) {
        const a = data[p + 3];
        const f = a / 255;
        const white = 255 - a;
        row[q] = data[p] * f + white;
        row[q + 1] = data[p + 1] * f + white;
        row[q + 2] = data[p + 2] * f + white;
      }
      for (let i = 0; i < rw; i++, t += 3) {
        const cnt = xn[i];
        let r = 0, g = 0, b = 0;
        for (let k = 0, wi = i * xStride, q = xs[i] * 4; k < cnt; k++, wi++, q += 4) {
          const w = xw[wi];
          r += row[q] * w;
          g += row[q + 1] * w;
          b += row[q + 2] * w;
        }
        tmp[t] = r;
        tmp[t + 1] = g;
        tmp[t + 2] = b;
      }
    }
  }

  // Pass 2 (vertical): accumulate whole rows (contiguous, cache friendly), then write the row out
  // applying the orientation: stored (i, j) in an rw × rh image → upright (x, y).
  const { start: ys, count: yn, weights: yw, stride: yStride } = coeffs(H, rh);
  const tw = target.width;
  const rowLen = rw * 3;
  const acc = new Float32Array(rowLen);
  const k255 = 1 / 255;
  for (let j = 0; j < rh; j++) {
    acc.fill(0);
    for (let k = 0, cnt = yn[j]; k < cnt; k++) {
      const w = yw[j * yStride + k];
      for (let c = 0, q = (ys[j] + k) * rowLen; c < rowLen; c++, q++) acc[c] += tmp[q] * w;
    }
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
    for (let i = 0, c = 0, d = outOffset + d0 * 3, dStep = step * 3; i < rw; i++, c += 3, d += dStep) {
      dst[d] = clamp01(acc[c] * k255);
      dst[d + 1] = clamp01(acc[c + 1] * k255);
      dst[d + 2] = clamp01(acc[c + 2] * k255);
    }
  }
  return dst;
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}
