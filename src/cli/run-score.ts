// The CLI's run: the request the flags describe, through the one dispatcher with Node's
// environments. A modality cancelled by terminating (tables) runs in a worker thread, so Ctrl-C
// stops it at once.
import type { Modality, Report } from '../report/schema.ts';
import { runRequest, type EnvOpeners, type RunHooks } from '../pipeline/modalities.ts';
import { CANCEL_BY, type RequestOf, type RunRequest } from '../pipeline/run-request.ts';
import { scoreTableInThread } from '../pipeline/table/node-thread.ts';
import { nodeTableIo } from '../ingest/table/node-read.ts';
import { openDiskCache } from '../storage/disk-cache.ts';
import type { CliOptions } from './args.ts';
import { createNodeEnv, defaultCacheDir } from './node-env.ts';
import { createNodeTextEnv } from './node-text-env.ts';

export type { RunHooks };

/** The table options as flags give them; the app sends the same fields (ui/components/table/table-run.ts). */
export function cliTableRequest(opts: CliOptions): RequestOf<'table'> {
  return {
    modality: 'table',
    real: opts.real, synthetic: opts.synthetic, folds: opts.folds, seed: opts.seed, bootstrap: opts.bootstrap,
    detector: opts.detector,
    types: opts.types,
    dropMismatchedColumns: opts.dropMismatchedColumns,
    labelColumn: opts.labelColumn,
    normaliseFormats: !opts.keepFormats,
  };
}

/** The run request the flags describe, for a modality already decided (ingest/modality.ts). */
export function cliRequest(modality: Modality, opts: CliOptions): RunRequest {
  const common = { real: opts.real, synthetic: opts.synthetic, folds: opts.folds, seed: opts.seed, bootstrap: opts.bootstrap, threshold: opts.threshold };
  if (modality === 'table') return cliTableRequest(opts);
  if (modality === 'text') return { modality, ...common, textField: opts.textField, textColumn: opts.textColumn, labelColumn: opts.labelColumn };
  return { modality, ...common };
}

/** Node's environments; each is opened for one run and released after it. */
export function nodeEnvOpeners(opts: CliOptions): EnvOpeners {
  return {
    image: () => createNodeEnv(opts),
    text: async () => {
      const env = await createNodeTextEnv({ threads: opts.threads });
      const { manifest } = env.embedder;
      const cache = opts.noCache
        ? undefined
        : await openDiskCache(opts.cacheDir ?? defaultCacheDir(), `text-${manifest.id}@${manifest.version}`, manifest.output.dimension);
      return {
        ...env, cache, close: async () => {
          await cache?.close();
          await env.release();
        },
      };
    },
    table: async () => ({ ...nodeTableIo, close: async () => {} }),
  };
}

export async function runScore(request: RunRequest, opts: CliOptions, hooks: RunHooks): Promise<Report> {
  // Cancelled by terminating (CANCEL_BY): the run goes to a worker thread of its own.
  if (request.modality === 'table' && CANCEL_BY.table === 'terminate') return scoreTableInThread(request, hooks);
  const report = await runRequest(request, nodeEnvOpeners(opts), hooks);
  if (request.modality === 'image') report.embedding.decode = opts.decode;
  return report;
}
