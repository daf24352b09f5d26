// Command-line table runs happen in a worker thread. The tree detector, the near-duplicate search
// and the closest-real search are long synchronous loops; on the main thread they would hold off
// Ctrl-C until the next checkpoint (seconds to minutes on large tables). Here the main thread stays
// idle, so an abort terminates the thread at once.
import { Worker } from 'node:worker_threads';
import { AbortError } from '../../core/errors.ts';
import type { ProgressCallback, ProgressEvent } from '../../core/progress.ts';
import type { Report } from '../../report/schema.ts';
import type { ScoreTableRequest } from './score-table.ts';

export type TableThreadMessage =
  | { kind: 'progress'; event: ProgressEvent }
  | { kind: 'report'; report: Report }
  | { kind: 'error'; name: string; message: string; stack?: string };

export const CANCELLED_MESSAGE = 'Cancelled: the table run was stopped before it finished; no report was written.';

export function scoreTableInThread(request: ScoreTableRequest, opts: { signal?: AbortSignal; onProgress?: ProgressCallback } = {}): Promise<Report> {
  const { signal, onProgress } = opts;
  if (signal?.aborted) return Promise.reject(new AbortError(CANCELLED_MESSAGE));
  return new Promise<Report>((resolve, reject) => {
    const worker = new Worker(new URL('./node-thread-entry.mjs', import.meta.url), { workerData: { request } });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      fn();
      void worker.terminate();
    };
    const onAbort = () => finish(() => reject(new AbortError(CANCELLED_MESSAGE)));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: TableThreadMessage) => {
      if (m.kind === 'progress') onProgress?.(m.event);
      else if (m.kind === 'report') finish(() => resolve(m.report));
      else finish(() => reject(Object.assign(new Error(m.message), { name: m.name, stack: m.stack })));
    });
    worker.on('error', (e) => finish(() => reject(new Error(`The table scoring thread failed: ${e.message}`))));
    worker.on('exit', (code) => finish(() => reject(new Error(`The table scoring thread exited (code ${code}) before it finished.`))));
  });
}
