import { describe, expect, it } from 'vitest';
import { orientedSize, preprocessImage } from '../../src/models/preprocess.ts';

/** RGBA image from a per-pixel function. */
function image(w: number, h: number, px: (x: number, y: number) => [number, number, number, number]) {
  const data = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set(px(x, y), (y * w + x) * 4);
  return { data, width: w, height: h };
}

describe('preprocessImage', () => {
  it('composites a half-transparent pixel on white', () => {
    const img = image(1, 1, () => [0, 0, 0, 128]);
    const out = preprocessImage(img, { width: 1, height: 1 });
    expect(out[0]).toBeCloseTo(127 / 255, 5); // 0·(128/255) + 255·(127/255)
    const red = preprocessImage(image(1, 1, () => [255, 0, 0, 0]), { width: 1, height: 1 });
    expect(Array.from(red)).toEqual([1, 1, 1]); // fully transparent red is white
  });

  it('does not let transparent colour bleed into neighbours when downscaling', () => {
    // Left half opaque black, right half transparent *red*: the result must be grey, not reddish.
    const img = image(8, 8, (x) => (x < 4 ? [0, 0, 0, 255] : [255, 0, 0, 0]));
    const out = preprocessImage(img, { width: 1, height: 1 });
    expect(out[0]).toBeCloseTo(0.5, 5);
    expect(out[1]).toBeCloseTo(0.5, 5);
    expect(out[2]).toBeCloseTo(0.5, 5);
  });

  // A 3×2 image with a distinct value at every pixel: 10·(y·3 + x) + 10 in the red channel.
  //   stored:  A B C      (A=10, B=20, C=30, D=40, E=50, F=60)
  //            D E F
  const stored = image(3, 2, (x, y) => [10 * (y * 3 + x) + 10, 0, 0, 255]);
  const upright: Record<number, number[][]> = {
    1: [[10, 20, 30], [40, 50, 60]],
    2: [[30, 20, 10], [60, 50, 40]], // mirrored horizontally
    3: [[60, 50, 40], [30, 20, 10]], // rotated 180°
    4: [[40, 50, 60], [10, 20, 30]], // mirrored vertically
    5: [[10, 40], [20, 50], [30, 60]], // transposed
    6: [[40, 10], [50, 20], [60, 30]], // rotated 90° clockwise
    7: [[60, 30], [50, 20], [40, 10]], // transverse
    8: [[30, 60], [20, 50], [10, 40]], // rotated 90° counter-clockwise
  };
  for (const [o, rows] of Object.entries(upright)) {
    it(`honours EXIF orientation ${o}`, () => {
      const orientation = Number(o);
      const size = orientedSize(3, 2, orientation);
      expect(size).toEqual({ width: rows[0].length, height: rows.length });
      const out = preprocessImage({ ...stored, orientation }, size);
      const got = rows.map((r, y) => r.map((_, x) => Math.round(out[(y * size.width + x) * 3] * 255)));
      expect(got).toEqual(rows);
    });
  }

  it('orientation also applies when resizing (non-square target)', () => {
    // Stored 40×20, left half black; orientation 6 makes it 20×40 upright with the black half on top.
    const img = { ...image(40, 20, (x) => (x < 20 ? [0, 0, 0, 255] : [255, 255, 255, 255])), orientation: 6 };
    const out = preprocessImage(img, { width: 10, height: 20 });
    expect(out[(2 * 10 + 5) * 3]).toBeCloseTo(0, 5);
    expect(out[(17 * 10 + 5) * 3]).toBeCloseTo(1, 5);
  });

  it('keeps a constant image constant', () => {
    const img = image(97, 61, () => [200, 100, 50, 255]);
    for (const t of [{ width: 224, height: 224 }, { width: 13, height: 7 }]) {
      const out = preprocessImage(img, t);
      const want = [200 / 255, 100 / 255, 50 / 255];
      let worst = 0;
      for (let i = 0; i < out.length; i++) worst = Math.max(worst, Math.abs(out[i] - want[i % 3]));
      expect(worst).toBeLessThan(1e-5);
    }
  });

  it('antialiases: a 1-pixel checkerboard downscaled averages to ~0.5', () => {
    const img = image(640, 480, (x, y) => ((x + y) % 2 ? [255, 255, 255, 255] : [0, 0, 0, 255]));
    const out = preprocessImage(img, { width: 224, height: 224 });
    let min = 1, max = 0;
    for (const v of out) { min = Math.min(min, v); max = Math.max(max, v); }
    // Point sampling would give 0s and 1s; a filter whose support scales with the factor gives grey.
    expect(min).toBeGreaterThan(0.4);
    expect(max).toBeLessThan(0.6);
  });

  it('output is in [0,1], NHWC of the target size, and written at the given offset', () => {
    let s = 1;
    const rnd = () => ((s = (s * 1103515245 + 12345) >>> 0) >>> 24);
    const img = image(50, 30, () => [rnd(), rnd(), rnd(), rnd()]);
    const alone = preprocessImage(img, { width: 20, height: 10 });
    expect(alone.length).toBe(20 * 10 * 3);
    for (const v of alone) { expect(v).toBeGreaterThanOrEqual(0); expect(v).toBeLessThanOrEqual(1); }
    const batch = new Float32Array(3 * 600).fill(-1);
    const ret = preprocessImage(img, { width: 20, height: 10 }, batch, 600);
    expect(ret).toBe(batch);
    expect(batch.subarray(600, 1200)).toEqual(alone);
    expect(batch.subarray(0, 600).every((v) => v === -1)).toBe(true);
    expect(batch.subarray(1200).every((v) => v === -1)).toBe(true);
    expect(() => preprocessImage(img, { width: 20, height: 10 }, batch, 1300)).toThrow(RangeError);
  });

  it('upscales a tiny image smoothly and exactly at the corners', () => {
    const img = image(2, 1, (x) => (x ? [255, 255, 255, 255] : [0, 0, 0, 255]));
    const out = preprocessImage(img, { width: 8, height: 2 });
    expect(out[0]).toBe(0);
    expect(out[7 * 3]).toBe(1);
    for (let x = 1; x < 8; x++) expect(out[x * 3]).toBeGreaterThanOrEqual(out[(x - 1) * 3]);
  });
});
