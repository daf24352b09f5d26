// Command-line table runs happen in a worker thread. The tree detector, the near-duplicate search
// and the closest-real search are long synchronous loops; on the main thread they would hold off
// Ctrl-C until the next checkpoint (seconds to minutes on large tables). Here the main thread stays
// idle, so an abort terminates the thread at once.
import { proxy } from 'comlink';
import { AbortError } from '../../core/errors.ts';
import type { ProgressCallback } from '../../core/progress.ts';
import { startNodeThread } from '../../models/node-thread.ts';
import type { TableThreadApi } from './node-thread-worker.ts';
import type { ScoreTableRequest } from './score-table.ts';

export const CANCELLED_MESSAGE = 'Cancelled: the table run was stopped before it finished; no report was written.';

export async function scoreTableInThread(request: ScoreTableRequest, opts: { signal?: AbortSignal; onProgress?: ProgressCallback } = {}) {
  const { signal, onProgress } = opts;
  if (signal?.aborted) throw new AbortError(CANCELLED_MESSAGE);
  const thread = startNodeThread<TableThreadApi>(new URL('./node-thread-entry.mjs', import.meta.url), 'The table scoring thread');
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new AbortError(CANCELLED_MESSAGE));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([thread.call((t) => t.scoreTable(request, onProgress && proxy(onProgress))), aborted]);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    void thread.terminate();
  }
}
