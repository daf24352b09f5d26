// Node adapters for the text pipeline: the text ingest, the onnxruntime-node text embedder, the
// ONNX Gemm. The CLI calls createNodeTextEnv(); the embedder is released with release().
import { join } from 'node:path';
import { readTextSet } from '../ingest/node-text.ts';
import { createOrtGemm, createTextEmbedder } from '../models/ort-node.ts';
import type { VectorCache } from '../storage/vector-cache.ts';
import type { TextPipelineEnv } from '../pipeline/text/embed-texts.ts';

export const DEFAULT_TEXT_MODEL_DIR = join(import.meta.dirname, '../../public/models/use-lite-512');

export async function createNodeTextEnv(opts: { modelDir?: string; threads?: number; cache?: VectorCache } = {}): Promise<TextPipelineEnv & { release(): Promise<void> }> {
  const embedder = await createTextEmbedder(opts.modelDir ?? DEFAULT_TEXT_MODEL_DIR, { threads: opts.threads });
  return {
    readTextSet,
    embedder,
    gemm: createOrtGemm({ threads: opts.threads }),
    cache: opts.cache,
    release: () => embedder.release(),
  };
}
