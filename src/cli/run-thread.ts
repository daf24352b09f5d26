// A run whose modality is cancelled by terminating (CANCEL_BY: tables) happens in a worker thread.
// The tree detector, the near-duplicate search and the closest-real search are long synchronous
// loops; on the main thread they would hold off Ctrl-C until the next checkpoint (seconds to
// minutes on large tables). Here the main thread stays idle, so an abort terminates the thread at once.
import { proxy, type Remote } from 'comlink';
import { AbortError } from '../core/errors.ts';
import type { Report } from '../report/schema.ts';
import { startNodeThread } from '../models/node-thread.ts';
import type { RunHooks } from '../pipeline/modalities.ts';
import type { RunRequest } from '../pipeline/run-request.ts';
import type { CliOptions } from './args.ts';
import type { RunThreadApi } from './run-thread-worker.ts';

export const CANCELLED_MESSAGE = 'Cancelled: the run was stopped before it finished; no report was written.';

export async function runInThread(request: RunRequest, opts: CliOptions, hooks: RunHooks): Promise<Report> {
  const { signal, onProgress, onSkipped, onWarning } = hooks;
  if (signal?.aborted) throw new AbortError(CANCELLED_MESSAGE);
  const thread = startNodeThread<RunThreadApi>(new URL('./run-thread-entry.mjs', import.meta.url), 'The scoring thread');
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new AbortError(CANCELLED_MESSAGE));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  // Comlink proxies only top-level arguments, so each callback is one.
  const call = (t: Remote<RunThreadApi>) => t.run(request, opts, onProgress && proxy(onProgress), onSkipped && proxy(onSkipped), onWarning && proxy(onWarning));
  try {
    return await Promise.race([thread.call(call), aborted]);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    void thread.terminate();
  }
}
