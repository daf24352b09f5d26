// The scoring worker: runs the whole pipeline (read, decode, embed, analyse) off the main thread.
// Thin comlink entry: the logic lives in src/pipeline and the browser adapters.
import { expose, transfer } from 'comlink';
import type { Report, SkippedItem } from '../report/schema.ts';
import type { FileSets } from '../pipeline/browser-env.ts';
import type { ProgressEvent } from '../core/progress.ts';
import { runRequest } from '../pipeline/modalities.ts';
import type { RunRequest } from '../pipeline/run-request.ts';
import { fileSetsTableIo } from '../pipeline/table/browser-table-io.ts';
import { inspectTables } from '../pipeline/table/inspect.ts';
import { benchEmbed, type BenchResult } from '../models/bench-web.ts';
import { clearThumbnails, countVectors, openIdbCache, DB_NAME } from '../storage/idb-cache.ts';
import { browserEnvOpeners, openImageEnv, STORAGE_FULL_WARNING } from '../pipeline/browser-envs.ts';
import { runtimeOptions } from '../pipeline/browser-env.ts';
import { parseManifest, type ModelManifest } from '../models/manifest.ts';
import { inspectOnnx } from '../models/onnx-inspect.ts';
import { tryWebImageModel } from '../models/ort-web.ts';

/** What tryModel() says about a user's model: the output size it measured, or why it cannot be used. */
export type TryModelResult = { ok: true; dimension: number; ms: number } | { ok: false; error: string };

export interface WorkerConfig {
  baseUrl: string;
  modelId: string;
  /** Force a thread count (benchmarks). */
  threads?: number;
  /** Force the embedding backend (tests, benchmarks: the page's ?backend=); default 'auto'. */
  backend?: 'auto' | 'webgpu' | 'wasm';
  noCache?: boolean;
}

let config: WorkerConfig | null = null;
/** The run in progress: abort() stops it at its next check and keeps this worker, with its loaded
 *  model, for the next run. */
let running: AbortController | null = null;

async function abortable<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  running = controller;
  try {
    return await run(controller.signal);
  } finally {
    if (running === controller) running = null;
  }
}

const cfg = (): WorkerConfig => {
  if (!config) throw new Error('worker not configured: call configure() first');
  return config;
};

const api = {
  configure(c: WorkerConfig): void {
    config = c;
  },
  /** Loads the model (once) and says which backend and how many threads it got. */
  async capabilities() {
    const env = await openImageEnv({}, cfg());
    await env.close();
    return { ...env.info, modelId: env.embedder.manifest.id, modelVersion: env.embedder.manifest.version };
  },
  /** Any modality's run (pipeline/run-request.ts), dispatched by pipeline/modalities.ts. */
  async run(
    sets: FileSets,
    request: RunRequest,
    onProgress?: (e: ProgressEvent) => void,
    onSkipped?: (s: SkippedItem) => void,
    onHeadline?: (r: Report) => void,
  ): Promise<Report> {
    let storageFull = false;
    const envs = browserEnvOpeners(sets, cfg(), () => {
      storageFull = true;
      onProgress?.({ status: 'done', stage: 'storage full: caching off' });
    });
    const withStorageWarning = (r: Report): Report => {
      if (storageFull) r.warnings = [...(r.warnings ?? []), STORAGE_FULL_WARNING];
      return r;
    };
    // The headline goes to the page before the panel stage (issue 14), with the same warnings.
    const headline = onHeadline && ((r: Report) => { onHeadline(withStorageWarning(r)); });
    const report = await abortable((signal) => runRequest(request, envs, { signal, onProgress, onSkipped, onHeadline: headline }));
    return withStorageWarning(report);
  },
  /**
   * The app's form checks a user's model before keeping it: the manifest's fields, the file's
   * graph, then one blank image through it (docs/models.md, "Errors"). `ok` with the measured
   * output size, which the form may fill in: an `output.dimension` of 0 (or absent) is not checked.
   */
  async tryModel(manifest: ModelManifest, bytes: Uint8Array): Promise<TryModelResult> {
    try {
      const given = manifest.output?.dimension;
      const m = parseManifest({ ...manifest, output: { ...manifest.output, dimension: given || 1 } });
      inspectOnnx(bytes);
      const { dimension, ms } = await tryWebImageModel(m, bytes, runtimeOptions(cfg()));
      if (given && given !== dimension) return { ok: false, error: `model ${m.id}: its output has ${dimension} values per image, but the manifest's output.dimension is ${given}` };
      return { ok: true, dimension, ms };
    } catch (e) {
      return { ok: false, error: (e as Error).message || String(e) };
    }
  },
  /** Stops the run in progress (it rejects with an AbortError). */
  abort(): void {
    running?.abort();
  },
  /** Before a table run: columns per set, inferred types, conflicts (see pipeline/table/inspect.ts). */
  inspectTables(sets: FileSets, request: { real: string; synthetic: { name: string; path: string }[] }) {
    return inspectTables(request, fileSetsTableIo(sets));
  },
  /** Vectors cached for every model (image and text). */
  cacheSize(): Promise<number> {
    return countVectors(DB_NAME);
  },
  async clearCache(modelKey = '*'): Promise<void> {
    const cache = await openIdbCache(modelKey, { dbName: DB_NAME });
    await cache.clear();
    await cache.close();
    await clearThumbnails(DB_NAME);
  },
  /** Embeds `n` synthetic images `rounds` times; returns timings and the last vectors (transferred). */
  async benchEmbed(n: number, rounds: number): Promise<BenchResult> {
    const r = await benchEmbed(cfg(), n, rounds);
    return transfer(r, [r.vectors.buffer]);
  },
};

expose(api);
export type Api = typeof api;
