// The scoring worker: runs the whole pipeline (read, decode, embed, analyse) off the main thread.
// Thin comlink entry: the logic lives in src/pipeline and the browser adapters.
import { expose, transfer } from 'comlink';
import type { Report, SkippedItem } from '../core/report.ts';
import { createBrowserEnv, type FileSets } from '../pipeline/browser-env.ts';
import type { ProgressEvent } from '../core/progress.ts';
import { score, type ScoreRequest } from '../pipeline/score.ts';
import { scoreTable, type ScoreTableRequest } from '../pipeline/table/score-table.ts';
import { fileSetsTableIo } from '../pipeline/table/browser-table-io.ts';
import { inspectTables } from '../pipeline/table/inspect.ts';
import { benchEmbed, type BenchResult } from '../models/bench-web.ts';
import { clearThumbnails, openIdbCache, DB_NAME } from '../storage/idb-cache.ts';
import { openAnalysisEnv, STORAGE_FULL_WARNING } from './analysis-env.ts';
import { scoreText, type TextScoreRequest } from '../pipeline/text/score-text.ts';
import { openTextAnalysisEnv } from './analysis-text-env.ts';

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
/** The image or text run in progress: abort() stops it at its next check and keeps this worker,
 *  with its loaded model, for the next run. */
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
    const env = await openAnalysisEnv({}, cfg());
    await env.close();
    return { ...env.info, modelId: env.embedder.manifest.id, modelVersion: env.embedder.manifest.version };
  },
  async score(
    sets: FileSets,
    request: ScoreRequest,
    onProgress?: (e: ProgressEvent) => void,
    onSkipped?: (s: SkippedItem) => void,
  ): Promise<Report> {
    let storageFull = false;
    const env = await openAnalysisEnv(sets, cfg(), () => {
      storageFull = true;
      onProgress?.({ status: 'done', stage: 'storage full: caching off' });
    });
    try {
      const report = await abortable((signal) => score(request, env, { signal, onProgress, onSkipped }));
      if (storageFull) report.warnings = [...(report.warnings ?? []), STORAGE_FULL_WARNING];
      return report;
    } finally {
      await env.close();
    }
  },
  /** Stops the image or text run in progress (it rejects with an AbortError). */
  abort(): void {
    running?.abort();
  },
  /** Tables: request paths are "<set key>/<file path>" (see browser-table-io.ts). */
  scoreTable(sets: FileSets, request: ScoreTableRequest, onProgress?: (e: ProgressEvent) => void): Promise<Report> {
    return scoreTable(request, fileSetsTableIo(sets), { onProgress });
  },
  /** Before a table run: columns per set, inferred types, conflicts (see pipeline/table/inspect.ts). */
  inspectTables(sets: FileSets, request: { real: string; synthetic: { name: string; path: string }[] }) {
    return inspectTables(request, fileSetsTableIo(sets));
  },
  /** The text pipeline (src/pipeline/text) over dropped .txt/.md folders or .jsonl/.json/.csv files. */
  async scoreText(sets: FileSets, request: TextScoreRequest, onProgress?: (e: ProgressEvent) => void, onSkipped?: (s: SkippedItem) => void): Promise<Report> {
    let storageFull = false;
    const env = await openTextAnalysisEnv(sets, cfg(), () => { storageFull = true; });
    try {
      const report = await abortable((signal) => scoreText(request, env, { signal, onProgress, onSkipped }));
      if (storageFull) report.warnings = [...(report.warnings ?? []), STORAGE_FULL_WARNING];
      return report;
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
