// Light edits of decoded pixels: the near-copies a generator that memorised an image would
// plausibly emit. They test and calibrate the image copy signal (docs/copy-signal-images.md) in
// the CLI and in a Web Worker alike, so this is pure TypeScript over RGBA bytes (JPEG through
// jpeg-js, which runs in both); every random choice comes from the caller's seeded Rng.
import jpeg from 'jpeg-js';
import type { DecodedImage } from '../../contracts/embedders.ts';
import type { Rng } from '../random.ts';

export const IMAGE_EDIT_KINDS = ['shift', 'crop', 'resize', 'jpeg', 'brightness', 'noise'] as const;
export type ImageEditKind = (typeof IMAGE_EDIT_KINDS)[number];

const clampByte = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));
const uniform = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng.next();
const sign = (rng: Rng) => (rng.next() < 0.5 ? -1 : 1);

/** Resampling weights along one axis: a triangle filter widened to the scale when shrinking
 * (so a reduction averages, as image libraries do, instead of aliasing), bilinear when growing. */
function axisWeights(srcLen: number, srcStart: number, srcSpan: number, dstLen: number) {
  const scale = srcSpan / dstLen;
  const support = Math.max(1, scale);
  const taps: { first: number; w: Float32Array }[] = [];
  for (let i = 0; i < dstLen; i++) {
    const centre = srcStart + (i + 0.5) * scale - 0.5;
    const first = Math.max(0, Math.ceil(centre - support)), last = Math.min(srcLen - 1, Math.floor(centre + support));
    const w = new Float32Array(Math.max(1, last - first + 1));
    let total = 0;
    for (let s = first; s <= last; s++) total += w[s - first] = Math.max(0, 1 - Math.abs(s - centre) / support);
    if (total > 0) for (let k = 0; k < w.length; k++) w[k] /= total;
    else w[0] = 1;
    taps.push({ first: Math.min(first, srcLen - 1), w });
  }
  return taps;
}

/** The source rectangle (x, y, w, h; fractional allowed) resampled to dstW×dstH. */
function resample(img: DecodedImage, rect: [number, number, number, number], dstW: number, dstH: number): DecodedImage {
  const { width: W, height: H, data } = img;
  const cols = axisWeights(W, rect[0], rect[2], dstW), rows = axisWeights(H, rect[1], rect[3], dstH);
  const mid = new Float32Array(H * dstW * 4);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < dstW; x++) {
      const { first, w } = cols[x];
      for (let c = 0; c < 4; c++) {
        let acc = 0;
        for (let k = 0; k < w.length; k++) acc += w[k] * data[(y * W + first + k) * 4 + c];
        mid[(y * dstW + x) * 4 + c] = acc;
      }
    }
  const out = new Uint8ClampedArray(dstW * dstH * 4);
  for (let y = 0; y < dstH; y++) {
    const { first, w } = rows[y];
    for (let x = 0; x < dstW * 4; x++) {
      let acc = 0;
      for (let k = 0; k < w.length; k++) acc += w[k] * mid[(first + k) * dstW * 4 + x];
      out[y * dstW * 4 + x] = clampByte(acc);
    }
  }
  return { data: out, width: dstW, height: dstH };
}

/** Moves the picture by (dx, dy); the uncovered edge repeats the border pixels. */
function shift(img: DecodedImage, rng: Rng): DecodedImage {
  const { width: W, height: H, data } = img;
  const dx = sign(rng) * (1 + rng.int(3)), dy = rng.int(7) - 3;
  const out = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) {
    const sy = Math.min(H - 1, Math.max(0, y - dy));
    for (let x = 0; x < W; x++) {
      const sx = Math.min(W - 1, Math.max(0, x - dx));
      for (let c = 0; c < 4; c++) out[(y * W + x) * 4 + c] = data[(sy * W + sx) * 4 + c];
    }
  }
  return { data: out, width: W, height: H };
}

/** Trims 2–5% of each dimension (split at random between the two sides), scaled back to size. */
function crop(img: DecodedImage, rng: Rng): DecodedImage {
  const { width: W, height: H } = img;
  const fx = uniform(rng, 0.02, 0.05), fy = uniform(rng, 0.02, 0.05);
  const left = fx * W * rng.next(), top = fy * H * rng.next();
  return resample(img, [left, top, W * (1 - fx), H * (1 - fy)], W, H);
}

/** Down to 60–80% of the size; half the time back up to the original size, else left smaller. */
function resize(img: DecodedImage, rng: Rng): DecodedImage {
  const { width: W, height: H } = img;
  const f = uniform(rng, 0.6, 0.8);
  const small = resample(img, [0, 0, W, H], Math.max(1, Math.round(W * f)), Math.max(1, Math.round(H * f)));
  return rng.next() < 0.5 ? small : resample(small, [0, 0, small.width, small.height], W, H);
}

/**
 * jpeg-js's encoder ends with `Buffer.from(bytes)` whenever `module` exists, which a bundler's
 * CommonJS wrapper provides in a Web Worker that has no Buffer: lend it a Uint8Array stand-in
 * for the call only (the decoder reads any byte array).
 */
function withBufferFrom<T>(run: () => T): T {
  const g = globalThis as { Buffer?: unknown };
  if (g.Buffer !== undefined) return run();
  g.Buffer = { from: (bytes: ArrayLike<number>) => Uint8Array.from(bytes) };
  try {
    return run();
  } finally {
    delete g.Buffer;
  }
}

/** JPEG re-encode at quality 70–85 (alpha is dropped by JPEG and comes back opaque). */
function reencode(img: DecodedImage, rng: Rng): DecodedImage {
  const quality = 70 + rng.int(16);
  const bytes = withBufferFrom(() => jpeg.encode({ data: img.data, width: img.width, height: img.height }, quality).data);
  const back = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
  return { data: back.data, width: back.width, height: back.height };
}

/** Contrast and brightness each moved by 5–10%, in either direction. */
function brightness(img: DecodedImage, rng: Rng): DecodedImage {
  const gain = 1 + sign(rng) * uniform(rng, 0.05, 0.1), offset = sign(rng) * uniform(rng, 0.05, 0.1) * 255;
  return mapRgb(img, (v) => (v - 128) * gain + 128 + offset);
}

/** Uniform grey noise of at most ±3 levels, the same on R, G and B. */
function noise(img: DecodedImage, rng: Rng): DecodedImage {
  const out = new Uint8ClampedArray(img.data);
  for (let p = 0; p < out.length; p += 4) {
    const n = rng.int(7) - 3;
    for (let c = 0; c < 3; c++) out[p + c] = clampByte(img.data[p + c] + n);
  }
  return { data: out, width: img.width, height: img.height };
}

function mapRgb(img: DecodedImage, f: (v: number) => number): DecodedImage {
  const out = new Uint8ClampedArray(img.data);
  for (let p = 0; p < out.length; p += 4) for (let c = 0; c < 3; c++) out[p + c] = clampByte(f(img.data[p + c]));
  return { data: out, width: img.width, height: img.height };
}

const EDITS: Record<ImageEditKind, (img: DecodedImage, rng: Rng) => DecodedImage> = {
  shift,
  crop,
  resize,
  jpeg: reencode,
  brightness,
  noise,
};

/** A light edit of `img` of the given kind; a new image, `img` is untouched. Orientation is dropped. */
export function editImage(img: DecodedImage, kind: ImageEditKind, rng: Rng): DecodedImage {
  return EDITS[kind](img, rng);
}
