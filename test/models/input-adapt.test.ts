// The pipeline's one batch (NHWC RGB in [0, 1]) adapted to what a model's manifest says it takes:
// the built-ins get the batch itself, others get colour order, range, mean/std and layout applied
// in that order (src/models/input-adapt.ts; docs/models.md). The end-to-end check that a model fed
// this way embeds like the built-in is in test/cli/own-model.test.ts.
import { describe, expect, it } from 'vitest';
import { adaptImageBatch, isIdentityInput, type ImageInputSpec } from '../../src/models/input-adapt.ts';
import { digitPixels, SIDE } from '../../scripts/demo-data/mnist-images.ts';

const base: ImageInputSpec = { layout: 'NHWC', width: SIDE, height: SIDE, range: [0, 1] };

/** Two MNIST digits as a colour batch: R the ink, G its inverse, B half the ink (so every channel differs). */
function digitBatch(): Float32Array {
  const b = new Float32Array(2 * SIDE * SIDE * 3);
  [digitPixels(3, 0), digitPixels(7, 0)].forEach((g, i) => {
    for (let p = 0; p < SIDE * SIDE; p++) {
      const o = (i * SIDE * SIDE + p) * 3;
      b[o] = g[p] / 255;
      b[o + 1] = 1 - g[p] / 255;
      b[o + 2] = g[p] / 510;
    }
  });
  return b;
}

/** The value at image i, row y, column x, channel c of an adapted tensor. */
function at(t: { data: Float32Array; dims: number[] }, layout: 'NHWC' | 'NCHW', i: number, y: number, x: number, c: number): number {
  const [, d1, d2, d3] = t.dims;
  return layout === 'NHWC' ? t.data[((i * d1 + y) * d2 + x) * d3 + c] : t.data[((i * d1 + c) * d2 + y) * d3 + x];
}

describe('adaptImageBatch', () => {
  it('hands a built-in its batch unchanged, with no copy', () => {
    const batch = digitBatch();
    const t = adaptImageBatch(batch, 2, { ...base, colour: 'RGB' });
    expect(isIdentityInput(base)).toBe(true);
    expect(t.data).toBe(batch);
    expect(t.dims).toEqual([2, SIDE, SIDE, 3]);
  });

  it('applies colour order, then range, then mean/std, then layout, pixel by pixel', () => {
    const batch = digitBatch();
    const spec: ImageInputSpec = { ...base, layout: 'NCHW', colour: 'BGR', range: [0, 255], mean: [104, 117, 124], std: [57, 58, 59] };
    const t = adaptImageBatch(batch, 2, spec);
    expect(t.dims).toEqual([2, 3, SIDE, SIDE]);
    expect(t.data).not.toBe(batch);
    for (const [i, y, x] of [[0, 14, 14], [1, 10, 20], [1, 0, 0]]) {
      const rgb = [0, 1, 2].map((c) => batch[((i * SIDE + y) * SIDE + x) * 3 + c]);
      const bgr = [rgb[2], rgb[1], rgb[0]];
      for (let c = 0; c < 3; c++) expect(at(t, 'NCHW', i, y, x, c)).toBeCloseTo((bgr[c] * 255 - spec.mean![c]) / spec.std![c], 4);
    }
  });

  it('maps 0 and 1 to the ends of the range, e.g. [-1, 1]', () => {
    const batch = digitBatch();
    const t = adaptImageBatch(batch, 2, { ...base, range: [-1, 1] });
    expect(t.dims).toEqual([2, SIDE, SIDE, 3]);
    for (let k = 0; k < batch.length; k += 97) expect(t.data[k]).toBeCloseTo(batch[k] * 2 - 1, 6);
    expect(Math.min(...t.data)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...t.data)).toBeLessThanOrEqual(1);
  });

  it('NCHW holds the same pixels as NHWC, one plane per channel', () => {
    const batch = digitBatch();
    const nhwc = adaptImageBatch(batch, 2, { ...base, range: [0, 255] });
    const nchw = adaptImageBatch(batch, 2, { ...base, range: [0, 255], layout: 'NCHW' });
    for (const [i, y, x, c] of [[0, 5, 9, 0], [0, 27, 27, 2], [1, 14, 3, 1]]) expect(at(nchw, 'NCHW', i, y, x, c)).toBe(at(nhwc, 'NHWC', i, y, x, c));
  });

  it('swapping colour order twice is the identity', () => {
    const batch = digitBatch();
    const once = adaptImageBatch(batch, 2, { ...base, colour: 'BGR' });
    expect(adaptImageBatch(once.data, 2, { ...base, colour: 'BGR' }).data).toEqual(batch);
    expect(once.data).not.toEqual(batch);
  });

  it('refuses a batch of the wrong size', () => {
    expect(() => adaptImageBatch(new Float32Array(10), 1, base)).toThrow(/expected 1×28×28×3 floats, got 10/);
  });
});
