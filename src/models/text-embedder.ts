// The text embedder, written once over the runtime interface (runtime.ts): tokenize, split long
// texts into chunks (text-chunks.ts), run the chunks in batches of similar length, mean-pool each
// text's chunks and re-normalise. Node and the browser run this same loop, so the app's vectors
// equal the CLI's to float rounding. A text is read up to its first MAX_CHUNKS_PER_TEXT chunks.
import type { TextEmbedder as PipelineTextEmbedder } from '../contracts/embedders.ts';
import { MANIFEST_FILE, parseTextManifest } from './manifest.ts';
import { checkRows, modelKey, type FolderModelRef } from './runtime.ts';
import { sharedModels } from './shared-models.ts';
import { batchTensors, chunkTokens, MAX_CHUNKS_PER_TEXT, packBatches, poolChunks } from './text-chunks.ts';
import { createTextTokenizer, type TextTokenizer, type Vocabulary } from './text-tokenizer.ts';

/** Chunks per run. */
const TEXT_BATCH = 32;
/** NFKC makes at most 18 UTF-16 units of one (U+FDFA), and every token covers at least one unit
 *  after the '▁' prefix: a text this much shorter than the cap cannot reach it, untokenized. */
const NFKC_MAX_GROWTH = 18;

export interface TextEmbedder extends PipelineTextEmbedder {
  tokenizer: TextTokenizer;
  /** Idempotent; the model is closed once every embedder on it has been released. */
  release(): Promise<void>;
}

const textModels = sharedModels(async ({ runtime, folder }: FolderModelRef) => {
  const manifest = parseTextManifest(await runtime.readJson(runtime.locate(folder, MANIFEST_FILE), 'the text model manifest'));
  const vocab = (await runtime.readJson(runtime.locate(folder, manifest.tokenizer.vocab), `the vocabulary of ${manifest.id}`)) as Vocabulary;
  const tokenizer = createTextTokenizer(vocab, manifest.tokenizer.reservedPieces);
  // On its caller's thread and on the CPU: a small graph with int64 ids.
  const session = await runtime.createSession(runtime.locate(folder, manifest.file), `the model ${manifest.id}`);
  return { manifest, tokenizer, session };
}, modelKey, ({ session }) => session.release());

/** The text model in `model.folder`: manifest.json, its vocabulary and its ONNX file. */
export async function openTextEmbedder(model: FolderModelRef): Promise<TextEmbedder> {
  const shared = await textModels(model);
  const { manifest, tokenizer, session } = shared.value;
  const { ids: idsName, mask: maskName, maxTokens } = manifest.input;
  const dim = manifest.output.dimension;
  const cap = maxTokens * MAX_CHUNKS_PER_TEXT;
  return {
    manifest,
    tokenizer,
    truncation: {
      maxTokens: cap,
      count: (texts) => texts.filter((s) => s.length * NFKC_MAX_GROWTH + 1 > cap && tokenizer.encodeHead(s, cap).truncated).length,
    },
    async embed(texts) {
      const chunks = chunkTokens(texts.map((s) => tokenizer.encodeHead(s, cap).ids), maxTokens);
      const rows = new Float32Array(chunks.length * dim);
      for (const batch of packBatches(chunks, TEXT_BATCH)) {
        const { ids, mask, n, t } = batchTensors(chunks, batch);
        const y = await shared.run(() => session.run({
          [idsName]: { type: 'int64', data: ids, dims: [n, t] },
          [maskName]: { type: 'float32', data: mask, dims: [n, t] },
        }, manifest.output.name));
        checkRows(y, n, dim, manifest.id);
        batch.forEach((c, r) => rows.set(y.subarray(r * dim, (r + 1) * dim), c * dim));
      }
      return poolChunks(chunks, rows, texts.length, dim);
    },
    release: () => shared.release(),
  };
}
