// The optimised preprocessImage (paired rows, per-pixel sums, scratch buffers) must give exactly the
// numbers of the plain separable filter it replaced: the app and the CLI both use it, and cached
// vectors and the browser = CLI parity were computed with the plain one.
import { describe, expect, it } from 'vitest';
import { preprocessImage, type RgbaImage, type TargetSize } from '../../src/models/preprocess.ts';

/** Pillow's triangle-filter coefficients (the same formula as preprocess.ts). */
function coeffs(inSize: number, outSize: number) {
  const scale = inSize / outSize, support = Math.max(1, scale);
  return Array.from({ length: outSize }, (_, i) => {
    const center = (i + 0.5) * scale;
    const lo = Math.max(0, Math.floor(center - support + 0.5));
    const hi = Math.min(inSize, Math.floor(center + support + 0.5));
    const taps: [number, number][] = [];
    for (let x = lo; x < hi && taps.length < Math.ceil(support) * 2 + 1; x++) {
      const t = Math.abs((x - center + 0.5) * (1 / support));
      taps.push([x, t < 1 ? 1 - t : 0]);
    }
    const sum = taps.reduce((s, [, w]) => s + w, 0);
    return sum > 0 ? taps.map(([x, w]) => [x, w / sum] as [number, number]) : taps;
  });
}

/** The straightforward version: composite, horizontal pass to float32, vertical pass with a float32 accumulator, orient. */
function reference(img: RgbaImage, target: TargetSize): Float32Array {
  const { data, width: W, height: H } = img;
  const o = img.orientation ?? 1;
  const rw = o >= 5 ? target.height : target.width, rh = o >= 5 ? target.width : target.height;
  const rgb = Float32Array.from({ length: W * H * 3 }, (_, k) => { // composited on white
    const p = Math.floor(k / 3) * 4, a = data[p + 3];
    return data[p + (k % 3)] * (a / 255) + (255 - a);
  });
  const tmp = new Float32Array(H * rw * 3);
  const xc = coeffs(W, rw);
  for (let y = 0; y < H; y++) for (let i = 0; i < rw; i++) for (let c = 0; c < 3; c++) {
    let s = 0;
    for (const [x, w] of xc[i]) s += rgb[(y * W + x) * 3 + c] * w;
    tmp[(y * rw + i) * 3 + c] = s;
  }
  const out = new Float32Array(target.width * target.height * 3);
  const yc = coeffs(H, rh), acc = new Float32Array(1);
  for (let j = 0; j < rh; j++) for (let i = 0; i < rw; i++) {
    // stored (i, j) → upright (x, y)
    const [x, y] = [[i, j], [rw - 1 - i, j], [rw - 1 - i, rh - 1 - j], [i, rh - 1 - j], [j, i], [rh - 1 - j, i], [rh - 1 - j, rw - 1 - i], [j, rw - 1 - i]][o - 1];
    for (let c = 0; c < 3; c++) {
      acc[0] = 0;
      for (const [yy, w] of yc[j]) acc[0] += tmp[(yy * rw + i) * 3 + c] * w;
      out[(y * target.width + x) * 3 + c] = Math.min(1, Math.max(0, acc[0] * (1 / 255)));
    }
  }
  return out;
}

function randomImage(w: number, h: number, seed: number, alpha: 'opaque' | 'some' | 'random'): RgbaImage {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) >>> 0) >>> 24);
  const data = new Uint8Array(w * h * 4);
  for (let p = 0; p < w * h; p++) {
    data.set([rnd(), rnd(), rnd(), 255], p * 4);
    if (alpha === 'random' || (alpha === 'some' && p % 97 === 5)) data[p * 4 + 3] = rnd();
  }
  return { data, width: w, height: h };
}

describe('preprocessImage equals the plain separable filter bit for bit', () => {
  const sizes: [number, number, TargetSize][] = [
    [512, 512, { width: 224, height: 224 }], // the bench's photo size
    [97, 61, { width: 31, height: 45 }], // odd sizes, odd output width
    [40, 30, { width: 100, height: 70 }], // upscale
    [301, 7, { width: 224, height: 3 }],
    [33, 21, { width: 33, height: 21 }], // no resize (the CLI's fast decode hands over model-sized pixels)
  ];
  for (const [w, h, t] of sizes) {
    for (const alpha of ['opaque', 'some', 'random'] as const) {
      if (w === 512 && alpha === 'random') continue; // the small sizes cover it; the reference is slow
      it(`${w}×${h} → ${t.width}×${t.height}, ${alpha} alpha, all orientations`, () => {
        const img = randomImage(w, h, w * 31 + h, alpha);
        for (let o = 1; o <= 8; o++) {
          const size = o >= 5 ? { width: t.height, height: t.width } : t;
          const got = preprocessImage({ ...img, orientation: o }, size);
          const want = reference({ ...img, orientation: o }, size);
          let differ = 0;
          for (let k = 0; k < want.length; k++) if (got[k] !== want[k]) differ++;
          expect([o, differ]).toEqual([o, 0]);
        }
      });
    }
  }

  it('gives the same numbers from a Uint8ClampedArray at an unaligned offset (the byte path)', () => {
    const img = randomImage(64, 48, 3, 'some');
    const buf = new Uint8ClampedArray(img.data.length + 1);
    buf.set(img.data, 1);
    const unaligned = { data: buf.subarray(1), width: 64, height: 48 };
    expect(preprocessImage(unaligned, { width: 20, height: 30 })).toEqual(reference(img, { width: 20, height: 30 }));
  });
});
