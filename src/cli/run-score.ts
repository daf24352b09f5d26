// The CLI's run: the request the flags describe, through the one dispatcher with Node's
// environments (node-envs.ts). A modality cancelled by terminating (tables) runs in a worker
// thread (run-thread.ts), so Ctrl-C stops it at once.
import type { Modality, Report } from '../report/schema.ts';
import { runRequest, type RunHooks } from '../pipeline/modalities.ts';
import { CANCEL_BY, type RequestOf, type RunRequest } from '../pipeline/run-request.ts';
import type { CliOptions } from './args.ts';
import { nodeEnvOpeners } from './node-envs.ts';
import { runInThread } from './run-thread.ts';

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
    ...holdoutOf(opts),
  };
}

/** The run request the flags describe, per modality: a modality's own flags go into its request. */
const FROM_FLAGS: { [M in Modality]: (opts: CliOptions) => RequestOf<M> } = {
  image: (opts) => ({ modality: 'image', ...common(opts), ...holdoutOf(opts) }),
  text: (opts) => ({ modality: 'text', ...common(opts), ...holdoutOf(opts), textField: opts.textField, textColumn: opts.textColumn, labelColumn: opts.labelColumn }),
  table: cliTableRequest,
};

function common(opts: CliOptions) {
  return { real: opts.real, synthetic: opts.synthetic, folds: opts.folds, seed: opts.seed, bootstrap: opts.bootstrap, threshold: opts.threshold };
}

/** The holdout only when given, so a request without one stays as it was. */
function holdoutOf(opts: CliOptions): { holdout?: string } {
  return opts.holdout ? { holdout: opts.holdout } : {};
}

/** The run request the flags describe, for a modality already decided (ingest/modality.ts). */
export function cliRequest(modality: Modality, opts: CliOptions): RunRequest {
  return FROM_FLAGS[modality](opts);
}

export async function runScore(request: RunRequest, opts: CliOptions, hooks: RunHooks): Promise<Report> {
  // Cancelled by terminating (CANCEL_BY): the run goes to a worker thread of its own.
  if (CANCEL_BY[request.modality] === 'terminate') return runInThread(request, opts, hooks);
  const report = await runRequest(request, nodeEnvOpeners(opts), hooks);
  if (request.modality === 'image') report.embedding.decode = opts.decode;
  return report;
}
