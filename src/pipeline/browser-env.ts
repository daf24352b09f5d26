// Browser adapters for the pipeline (run inside the scoring worker): sets given as File objects,
// createImageBitmap decoding, crypto.subtle hashes, onnxruntime-web inference and GEMM, and the
// IndexedDB vector cache. The browser counterpart of src/cli/node-env.ts.
import { listFileSet, type FileRef, type FileSet } from '../ingest/browser-list.ts';
import { decodeImageBytes, hashBytes, hashPixels } from '../ingest/browser-decode.ts';
import { groupedReader } from '../ingest/browser-read.ts';
import { InputError } from '../ingest/types.ts';
import type { ImageEmbedder } from '../models/image-embedder.ts';
import { createWebGemm, type RuntimeInfo, type RuntimeOptions } from '../models/ort-web.ts';
import { openIdbCache, type IdbVectorCache } from '../storage/idb-cache.ts';
import { imageCacheKey } from './image/cache-record.ts';
import { noCache } from '../storage/vector-cache.ts';
import type { PipelineEnv } from './image/environment.ts';

/** The sets of one run, by root key (the key is what ImageScoreRequest.real / synthetic[].path name).
 *  `listed`: the page's listing of these files (made when they were dropped, by the same
 *  listFileRefs): the run uses it instead of sniffing every file's head a second time. */
export type FileSets = Record<string, FileSet>;

export interface BrowserEnvOptions extends Partial<RuntimeOptions> {
  /** Where the app is served from, e.g. http://localhost:5173/ (ends in '/'). */
  baseUrl: string;
  /** The default image model: a built-in's id (a run's request may choose another). */
  modelId: string;
  noCache?: boolean;
  dbName?: string;
}

export type BrowserEnv = PipelineEnv & { info: RuntimeInfo; cache: IdbVectorCache | ReturnType<typeof noCache>; close(): Promise<void> };

export function runtimeOptions(opts: Pick<BrowserEnvOptions, 'baseUrl' | 'threads' | 'backend'>): RuntimeOptions {
  return { wasmPaths: new URL('ort/', opts.baseUrl).href, threads: opts.threads, backend: opts.backend };
}

/** A built-in model's folder on the site (manifest.json and its .onnx under it). */
export function builtinModelUrl(opts: Pick<BrowserEnvOptions, 'baseUrl'>, id: string): string {
  return new URL(`models/${id}/`, opts.baseUrl).href;
}

/** The image environment over an opened embedder (pipeline/browser-envs.ts opens the run's
 *  model); the environment owns it from here: close() releases it. */
export async function createBrowserEnv(sets: FileSets, opts: BrowserEnvOptions, embedder: ImageEmbedder & { info: RuntimeInfo }): Promise<BrowserEnv> {
  const rt = runtimeOptions(opts);
  const { manifest } = embedder;
  // A user's model is keyed by its file's hash (cache-record.ts), a built-in by id@version.
  const cache = opts.noCache ? noCache() : await openIdbCache(imageCacheKey(manifest, '', embedder.sha256), { dbName: opts.dbName }).catch(async (e: unknown) => {
    await embedder.release();
    throw e;
  });
  const byPath = new Map<string, Map<string, FileRef>>();
  // A chunk's files, asked for together, are read a few Blob reads at a time (browser-read.ts).
  const readGrouped = groupedReader();
  const set = (root: string) => {
    const s = sets[root];
    if (!s) throw new InputError(`No files were given for the set "${root}".`);
    return s;
  };
  return {
    info: embedder.info,
    listSet: (root, side, signal) => listFileSet(root, set(root), side, signal),
    async readItem(root, item) {
      let m = byPath.get(root);
      if (!m) byPath.set(root, (m = new Map(set(root).files.map((f) => [f.path, f]))));
      const ref = m.get(item.path);
      if (!ref) throw new Error(`file not found in the set: ${item.path}`);
      return readGrouped(ref.file);
    },
    hashBytes,
    decodeImage: (bytes, path) => decodeImageBytes(bytes, path),
    hashPixels,
    embedder,
    cache,
    gemm: createWebGemm(rt),
    close: async () => {
      await cache.close();
      await embedder.release();
    },
  };
}
