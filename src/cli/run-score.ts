// One runner per modality: each builds its Node adapters, scores, and releases what it opened.
import type { Modality, Report, SkippedItem } from '../core/report.ts';
import type { ProgressCallback } from '../core/progress.ts';
import { score } from '../pipeline/score.ts';
import { scoreTableInThread } from '../pipeline/table/node-thread.ts';
import type { ScoreTableRequest } from '../pipeline/table/score-table.ts';
import { createNodeTextEnv } from './node-text-env.ts';
import { scoreText } from '../pipeline/text/score-text.ts';
import { openDiskCache } from '../storage/disk-cache.ts';
import type { CliOptions } from './args.ts';
import { createNodeEnv, defaultCacheDir } from './node-env.ts';

export interface RunHooks {
  signal: AbortSignal;
  onProgress?: ProgressCallback;
  onSkipped: (s: SkippedItem) => void;
  onWarning: (w: string) => void;
}

/** The table options as flags give them; the app sends the same fields (ui/components/table/table-run.ts). */
export function cliTableRequest(opts: CliOptions): ScoreTableRequest {
  return {
    real: opts.real, synthetic: opts.synthetic, folds: opts.folds, seed: opts.seed, bootstrap: opts.bootstrap,
    detector: opts.detector,
    types: opts.types,
    dropMismatchedColumns: opts.dropMismatchedColumns,
    labelColumn: opts.labelColumn,
    normaliseFormats: !opts.keepFormats,
  };
}

export async function runScore(modality: Modality, opts: CliOptions, hooks: RunHooks): Promise<Report> {
  const common = { real: opts.real, synthetic: opts.synthetic, folds: opts.folds, seed: opts.seed, bootstrap: opts.bootstrap };
  if (modality === 'table') {
    // In a worker thread, so Ctrl-C stops it at once (see node-thread.ts).
    return scoreTableInThread(cliTableRequest(opts), hooks);
  }
  if (modality === 'text') {
    const env = await createNodeTextEnv({ threads: opts.threads });
    const { manifest } = env.embedder;
    const cache = opts.noCache
      ? undefined
      : await openDiskCache(opts.cacheDir ?? defaultCacheDir(), `text-${manifest.id}@${manifest.version}`, manifest.output.dimension);
    try {
      const req = { ...common, threshold: opts.threshold, textField: opts.textField, textColumn: opts.textColumn, labelColumn: opts.labelColumn };
      return await scoreText(req, { ...env, cache }, hooks);
    } finally {
      await cache?.close();
      await env.release();
    }
  }
  const env = await createNodeEnv(opts);
  try {
    const report = await score({ ...common, threshold: opts.threshold }, env, hooks);
    report.embedding.decode = opts.decode;
    return report;
  } finally {
    await env.close();
  }
}
