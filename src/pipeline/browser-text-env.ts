// Browser adapters for the text pipeline (run inside the scoring worker): text sets from File
// objects (browser-text.ts), the onnxruntime-web text embedder and GEMM, and the IndexedDB vector
// cache. The browser counterpart of src/cli/node-text-env.ts.
import { readTextFiles } from '../ingest/browser-text.ts';
import { InputError } from '../ingest/types.ts';
import { createWebGemm, createWebTextEmbedder, type RuntimeInfo, type WebTextEmbedder } from '../models/ort-web.ts';
import { openIdbCache } from '../storage/idb-cache.ts';
import { noCache, type VectorCache } from '../storage/vector-cache.ts';
import { runtimeOptions, type BrowserEnvOptions, type FileSets } from './browser-env.ts';
import type { TextPipelineEnv } from './text/embed-texts.ts';

export const TEXT_MODEL_ID = 'use-lite-512';

export type BrowserTextEnv = TextPipelineEnv & { embedder: WebTextEmbedder; info: RuntimeInfo; cache: VectorCache; close(): Promise<void> };

export type BrowserTextEnvOptions = Omit<BrowserEnvOptions, 'modelId'> & { textModelId?: string };

export function textModelUrl(opts: Pick<BrowserTextEnvOptions, 'baseUrl' | 'textModelId'>): string {
  return new URL(`models/${opts.textModelId ?? TEXT_MODEL_ID}/`, opts.baseUrl).href;
}

export async function createBrowserTextEnv(sets: FileSets, opts: BrowserTextEnvOptions): Promise<BrowserTextEnv> {
  const rt = runtimeOptions(opts);
  const embedder = await createWebTextEmbedder(textModelUrl(opts), rt);
  const { manifest } = embedder;
  const cache = opts.noCache ? noCache() : await openIdbCache(`${manifest.id}@${manifest.version}`, { dbName: opts.dbName });
  return {
    info: embedder.info,
    embedder,
    cache,
    gemm: createWebGemm(rt),
    readTextSet(root, side, readOpts) {
      const s = sets[root];
      if (!s) throw new InputError(`No files were given for the set "${root}".`);
      return readTextFiles(root, s.files, side, { ...readOpts, skipped: s.skipped });
    },
    close: () => cache.close(),
  };
}
