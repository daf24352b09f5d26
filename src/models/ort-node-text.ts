// The Node text adapter: tokenizer + USE lite ONNX session (onnxruntime-node). Sessions are loaded
// once per (folder, threads) and shared, runs on one session queued (ort-node-loader.ts, as for
// images). Long texts: chunk-mean (see text-chunks.ts).
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import ort from 'onnxruntime-node';
import { sessionOptions } from './ort-node.ts';
import { sharedModels } from './ort-node-loader.ts';
import { MANIFEST_FILE, parseTextManifest, type TextModelManifest } from './manifest.ts';
import { createTextTokenizer, type TextTokenizer } from './text-tokenizer.ts';
import { batchTensors, chunkTokens, packBatches, poolChunks } from './text-chunks.ts';

export interface TextEmbedder {
  manifest: TextModelManifest;
  tokenizer: TextTokenizer;
  /** One unit vector per text: texts.length × dim. */
  embed(texts: readonly string[]): Promise<Float32Array>;
  release(): Promise<void>;
}

const textModels = sharedModels<{ session: ort.InferenceSession; manifest: TextModelManifest; tokenizer: TextTokenizer }>(({ session }) => session.release());

export const TEXT_BATCH = 32;

export async function createTextEmbedder(modelDir: string, opts: { threads?: number } = {}): Promise<TextEmbedder> {
  const dir = resolve(modelDir);
  const shared = await textModels(`${dir}\0${opts.threads ?? ''}`, async () => {
    const manifest = parseTextManifest(JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')));
    const vocab = JSON.parse(await readFile(join(dir, manifest.tokenizer.vocab), 'utf8'));
    const tokenizer = createTextTokenizer(vocab, manifest.tokenizer.reservedPieces);
    const session = await ort.InferenceSession.create(join(dir, manifest.file), sessionOptions(opts.threads));
    return { session, manifest, tokenizer };
  });
  const { session, manifest, tokenizer } = shared.value;
  const dim = manifest.output.dimension;
  let released = false;

  const runBatch = (ids: BigInt64Array, mask: Float32Array, n: number, t: number): Promise<Float32Array> =>
    shared.run(async () => {
      const out = await session.run({
        [manifest.input.ids]: new ort.Tensor('int64', ids, [n, t]),
        [manifest.input.mask]: new ort.Tensor('float32', mask, [n, t]),
      });
      const y = out[manifest.output.name].data as Float32Array;
      if (y.length !== n * dim) throw new Error(`model ${manifest.id}: output has ${y.length} values, expected ${n * dim}`);
      return y;
    });

  return {
    manifest,
    tokenizer,
    async embed(texts) {
      if (released) throw new Error('embedder released');
      const chunks = chunkTokens(texts.map((s) => tokenizer.encode(s)), manifest.input.maxTokens);
      const rows = new Float32Array(chunks.length * dim);
      for (const batch of packBatches(chunks, TEXT_BATCH)) {
        const { ids, mask, n, t } = batchTensors(chunks, batch);
        const y = await runBatch(ids, mask, n, t);
        batch.forEach((c, r) => rows.set(y.subarray(r * dim, (r + 1) * dim), c * dim));
      }
      return poolChunks(chunks, rows, texts.length, dim);
    },
    async release() {
      released = true;
      await shared.release();
    },
  };
}
