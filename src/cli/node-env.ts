// Node adapters for the pipeline: fs walking, sharp decoding, onnxruntime-node inference and
// GEMM, and the on-disk vector cache (none, with a warning, when it cannot be opened).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeImageBytes, decodeImageBytesFast, hashBytes, hashPixels, type DecodeMode } from '../ingest/node-decode.ts';
import { listSet } from '../ingest/node-walk.ts';
import { createImageEmbedder, createOrtGemm, tryImageModel } from '../models/ort-node.ts';
import type { ImageEmbedder } from '../models/image-embedder.ts';
import { InputError } from '../ingest/types.ts';
import type { LoneOnnxFlags } from './args.ts';
import { resolveCliModel, type CliImageModel } from './model-arg.ts';
import type { PipelineEnv } from '../pipeline/image/environment.ts';
import { noCache } from '../storage/vector-cache.ts';
import { openCliCache } from './cli-cache.ts';
import { imageCacheKey, imageRecordDim } from '../pipeline/image/cache-record.ts';
import { DEFAULT_MAX_PIXELS } from '../ingest/image-format.ts';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_IMAGE_MODEL = join(PACKAGE_ROOT, 'public/models/mobilenet-v2-1.4-nsfwjs');

export function defaultCacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'synthscore');
}

/** The ONNX files are built from npm packages on install; build them on first use if missing. */
export function ensureModels(): void {
  if (existsSync(join(DEFAULT_IMAGE_MODEL, 'model.onnx'))) return;
  const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'scripts/ensure-models.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('Could not build the image model (see above).');
}

/**
 * A user's model (--model), loaded and tried on one blank image; whatever goes wrong is an
 * InputError naming the file, raised before the vector cache is opened, so nothing cached is lost.
 */
async function openUserModel(m: Extract<CliImageModel, { kind: 'user' }>, threads?: number): Promise<ImageEmbedder> {
  try {
    let { inline } = m;
    if (!m.dimensionKnown) {
      const { dimension } = await tryImageModel(inline.manifest, inline.bytes, { threads });
      inline = { ...inline, manifest: { ...inline.manifest, output: { ...inline.manifest.output, dimension } } };
    }
    return await createImageEmbedder(inline, { threads });
  } catch (e) {
    if ((e as Error).name === 'InputError') throw e;
    throw new InputError(`The model ${m.file} cannot be used: ${(e as Error).message}`);
  }
}

export interface NodeEnvOptions {
  cacheDir?: string;
  noCache?: boolean;
  threads?: number;
  decode?: DecodeMode;
  maxPixels?: number;
  /** --model and its flags (cli/model-arg.ts); absent: the default built-in. */
  model?: string;
  modelFlags?: LoneOnnxFlags;
}

export async function createNodeEnv(opts: NodeEnvOptions): Promise<PipelineEnv & { embedder: ImageEmbedder; close(): Promise<void> }> {
  ensureModels();
  const model = await resolveCliModel(opts);
  const embedder = model.kind === 'builtin' ? await createImageEmbedder(model.folder, { threads: opts.threads }) : await openUserModel(model, opts.threads);
  const { manifest } = embedder;
  const fast = opts.decode === 'fast';
  // Fast-decoded vectors differ slightly from exact ones: their own cache file, never mixed.
  // openCliCache never throws (a cache that cannot be opened is a warning), so nothing fails
  // between loading the embedder and handing it to the caller, who releases it.
  const cache = (await openCliCache(opts, defaultCacheDir(), imageCacheKey(manifest, fast ? '+fast-decode' : '', embedder.sha256), imageRecordDim(manifest))) ?? noCache();
  return {
    listSet: (root, side, signal) => listSet(root, side, { signal }),
    readItem: (root, item) => readFile(join(root, item.path)),
    hashBytes,
    decodeImage: fast ? (bytes) => decodeImageBytesFast(bytes, manifest.input, '', opts.maxPixels) : (bytes) => decodeImageBytes(bytes, '', opts.maxPixels),
    hashPixels: (img) => hashPixels(img.data, img.width, img.height),
    // Set here (not in the app), so a refusal names the flag that raises it.
    maxPixels: opts.maxPixels ?? DEFAULT_MAX_PIXELS,
    embedder,
    cache,
    gemm: createOrtGemm(),
    close: async () => {
      await cache.close();
      await embedder.release();
    },
  };
}
