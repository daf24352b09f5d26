// The scoring worker: runs the whole pipeline (read, decode, embed, analyse) off the main thread.
// Thin comlink entry: the logic lives in src/pipeline and the browser adapters.
import { expose, transfer } from 'comlink';
import type { Report, SkippedItem } from '../core/report.ts';
import { createBrowserEnv, type FileSets } from '../pipeline/browser-env.ts';
import type { ProgressEvent } from '../core/progress.ts';
import { score, type ScoreRequest } from '../pipeline/score.ts';
import { benchEmbed, type BenchResult } from '../models/bench-web.ts';
import { openIdbCache, DB_NAME } from '../storage/idb-cache.ts';

export interface WorkerConfig {
  baseUrl: string;
  modelId: string;
  /** Force a thread count (benchmarks). */
  threads?: number;
  noCache?: boolean;
}

let config: WorkerConfig | null = null;
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
    const env = await createBrowserEnv({}, cfg());
    await env.close();
    return { ...env.info, modelId: env.embedder.manifest.id, modelVersion: env.embedder.manifest.version };
  },
  async score(
    sets: FileSets,
    request: ScoreRequest,
    onProgress?: (e: ProgressEvent) => void,
    onSkipped?: (s: SkippedItem) => void,
  ): Promise<Report> {
    const env = await createBrowserEnv(sets, cfg());
    try {
      return await score(request, env, { onProgress, onSkipped });
    } finally {
      await env.close();
    }
  },
  async cacheSize(): Promise<number> {
    const env = await createBrowserEnv({}, cfg());
    const n = env.cache.size;
    await env.close();
    return n;
  },
  async clearCache(modelKey = '*'): Promise<void> {
    const cache = await openIdbCache(modelKey, { dbName: DB_NAME });
    await cache.clear();
    await cache.close();
  },
  /** Embeds `n` synthetic images `rounds` times; returns timings and the last vectors (transferred). */
  async benchEmbed(n: number, rounds: number): Promise<BenchResult> {
    const r = await benchEmbed(cfg(), n, rounds);
    return transfer(r, [r.vectors.buffer]);
  },
};

expose(api);
export type Api = typeof api;
