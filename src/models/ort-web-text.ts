// The browser text embedder: USE lite (ids + mask ONNX graph) on onnxruntime-web, with the same
// tokenizer and long-text rule (chunk-mean) as the Node adapter (ort-node-text.ts), so the app's
// vectors equal the CLI's to float rounding. Reuses ort-web.ts's runtime: wasm paths, threads, one
// memoised session per model, one run at a time. Always the WASM backend (int64 ids, tiny graph).
import { MANIFEST_FILE, parseTextManifest, type TextModelManifest } from './manifest.ts';
import { fetchBytes, initRuntime, loadSession, type RuntimeInfo, type RuntimeOptions } from './ort-web.ts';
import { batchTensors, chunkTokens, packBatches, poolChunks } from './text-chunks.ts';
import { createTextTokenizer, type TextTokenizer } from './text-tokenizer.ts';

export const WEB_TEXT_BATCH = 32;

export interface WebTextEmbedder {
  manifest: TextModelManifest;
  tokenizer: TextTokenizer;
  info: RuntimeInfo;
  /** One unit vector per text: texts.length × dim. */
  embed(texts: readonly string[]): Promise<Float32Array>;
}

const tokenizers = new Map<string, Promise<{ manifest: TextModelManifest; tokenizer: TextTokenizer }>>();

function loadTokenizer(modelBaseUrl: string) {
  let p = tokenizers.get(modelBaseUrl);
  if (!p) {
    const q = (async () => {
      const res = await fetch(new URL(MANIFEST_FILE, modelBaseUrl));
      if (!res.ok) throw new Error(`Could not load the text model manifest from ${modelBaseUrl}: HTTP ${res.status}`);
      const manifest = parseTextManifest(await res.json());
      const vocab = JSON.parse(new TextDecoder().decode(await fetchBytes(new URL(manifest.tokenizer.vocab, modelBaseUrl).href, `the vocabulary of ${manifest.id}`)));
      return { manifest, tokenizer: createTextTokenizer(vocab, manifest.tokenizer.reservedPieces) };
    })();
    q.catch(() => { if (tokenizers.get(modelBaseUrl) === q) tokenizers.delete(modelBaseUrl); });
    tokenizers.set(modelBaseUrl, q);
    p = q;
  }
  return p;
}

/** The text model under `modelBaseUrl` (ends in '/'): manifest.json, vocab.json, model.onnx. */
export async function createWebTextEmbedder(modelBaseUrl: string, opts: RuntimeOptions): Promise<WebTextEmbedder> {
  const { ort, info } = await initRuntime(opts);
  const { manifest, tokenizer } = await loadTokenizer(modelBaseUrl);
  const url = new URL(manifest.file, modelBaseUrl).href;
  const loaded = loadSession(`text:${url}`, async () =>
    ort.InferenceSession.create(await fetchBytes(url, `the model ${manifest.id}`), { executionProviders: ['wasm'], graphOptimizationLevel: 'all' }));
  await loaded;
  const dim = manifest.output.dimension;
  return {
    manifest,
    tokenizer,
    info,
    async embed(texts) {
      const chunks = chunkTokens(texts.map((s) => tokenizer.encode(s)), manifest.input.maxTokens);
      const rows = new Float32Array(chunks.length * dim);
      const { session, queue } = await loaded;
      for (const batch of packBatches(chunks, WEB_TEXT_BATCH)) {
        const { ids, mask, n, t } = batchTensors(chunks, batch);
        const y = await queue.run(async () => {
          const out = await session.run({
            [manifest.input.ids]: new ort.Tensor('int64', ids, [n, t]),
            [manifest.input.mask]: new ort.Tensor('float32', mask, [n, t]),
          });
          const data = out[manifest.output.name].data as Float32Array;
          if (data.length !== n * dim) throw new Error(`model ${manifest.id}: output has ${data.length} values, expected ${n * dim}`);
          return data;
        });
        batch.forEach((c, r) => rows.set(y.subarray(r * dim, (r + 1) * dim), c * dim));
      }
      return poolChunks(chunks, rows, texts.length, dim);
    },
  };
}
