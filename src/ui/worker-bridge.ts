// The one main-thread bridge to the scoring workers: starts them lazily, wraps them with comlink,
// and on cancel asks the image/text worker to stop (it keeps its loaded model for the next run)
// or terminates it if it does not stop soon; the table worker is terminated. Errors keep their `name`.
// Table calls go to their own instance of the worker script (see ScoreBridge).
import { proxy, wrap, type Remote } from 'comlink';
import type { Report, SkippedItem } from '../report/schema.ts';
import type { FileSets } from '../pipeline/browser-env.ts';
import type { ProgressEvent } from '../core/progress.ts';
import { CANCEL_BY, type RunRequest } from '../pipeline/run-request.ts';
import type { Api, TryModelResult, WorkerConfig } from '../workers/score.worker.ts';
import type { ModelManifest } from '../models/manifest.ts';

export type Capabilities = Awaited<ReturnType<Api['capabilities']>>;

function named(name: string, message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

/** How long a cancelled run may take to stop (a batch of images, a step of the analysis) before
 *  its worker is terminated instead, model and all. */
const ABORT_GRACE_MS = 3000;

/** One worker instance: started lazily, its calls in flight rejected when it stops or crashes. */
class WorkerSlot {
  private worker: Worker | null = null;
  private remote: Remote<Api> | null = null;
  /** Reject the calls in flight when the worker is terminated or crashes. */
  private readonly pending = new Set<(e: Error) => void>();
  /** The worker's own promises of those calls: settled once the worker is done with them. */
  private readonly inflight = new Set<Promise<unknown>>();
  /** Set while a cancelled run winds down: the next call waits for it. */
  private draining: Promise<void> | null = null;

  constructor(private readonly config: WorkerConfig, private readonly name: string) {}

  private start(): Remote<Api> {
    if (this.remote) return this.remote;
    const w = new Worker(new URL('../workers/score.worker.ts', import.meta.url), { type: 'module', name: this.name });
    w.addEventListener('error', (ev) => {
      ev.preventDefault();
      this.stop(named('WorkerError', `The scoring worker crashed: ${ev.message || 'unknown error'}`));
    });
    this.worker = w;
    this.remote = wrap<Api>(w);
    void this.remote.configure(this.config);
    return this.remote;
  }

  /** Runs `call` against the worker; stop(), interrupt() or a crash rejects it at once. */
  guarded<T>(call: (r: Remote<Api>) => Promise<T>): Promise<T> {
    if (this.draining) return this.draining.then(() => this.guarded(call));
    const remote = this.start();
    return new Promise<T>((resolve, reject) => {
      this.pending.add(reject);
      const done = call(remote);
      this.inflight.add(done);
      done.then(resolve, reject).finally(() => {
        this.pending.delete(reject);
        this.inflight.delete(done);
      });
    });
  }

  /** Rejects the calls in flight at once and asks the worker to abort its run; the worker (and its
   *  loaded model) is kept if the run stops within ABORT_GRACE_MS, else it is terminated. */
  interrupt(reason: Error): void {
    if (!this.remote) return;
    const running = [...this.inflight];
    void this.remote.abort().catch(() => {});
    this.rejectPending(reason);
    const stopped = Promise.allSettled(running).then(() => true);
    const late = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ABORT_GRACE_MS));
    const draining = Promise.race([stopped, late]).then((inTime) => {
      if (!inTime) this.stop(reason);
      if (this.draining === draining) this.draining = null;
    });
    this.draining = draining;
  }

  stop(reason: Error): void {
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
    this.inflight.clear();
    this.draining = null;
    this.rejectPending(reason);
  }

  private rejectPending(reason: Error): void {
    const waiting = [...this.pending];
    this.pending.clear();
    for (const reject of waiting) reject(reason);
  }
}

/**
 * Two instances of the same worker script: the main one (images, text, cache; capabilities()
 * loads the image model in it) and a table one that never loads a model, so reading dropped
 * tables does not wait behind the image model's load or an image run.
 */
export class ScoreBridge {
  private readonly main: WorkerSlot;
  private readonly tables: WorkerSlot;

  constructor(config: WorkerConfig) {
    this.main = new WorkerSlot(config, 'synthscore-score');
    this.tables = new WorkerSlot(config, 'synthscore-tables');
  }

  private guarded<T>(call: (r: Remote<Api>) => Promise<T>): Promise<T> {
    return this.main.guarded(call);
  }

  private stop(reason: Error): void {
    this.main.stop(reason);
    this.tables.stop(reason);
  }

  capabilities(): Promise<Capabilities> {
    return this.guarded((r) => r.capabilities());
  }

  /** A run of any modality; one that is cancelled by terminating goes to the table instance.
   *  `onHeadline` gets the report before its panel (image and text runs, issue 14). */
  run(
    sets: FileSets, request: RunRequest,
    onProgress: (e: ProgressEvent) => void, onSkipped: (s: SkippedItem) => void,
    onHeadline?: (r: Report) => void,
  ): Promise<Report> {
    const slot = CANCEL_BY[request.modality] === 'terminate' ? this.tables : this.main;
    return slot.guarded((r) => r.run(sets, request, proxy(onProgress), proxy(onSkipped), onHeadline && proxy(onHeadline)));
  }

  inspectTables(sets: FileSets, request: { real: string; synthetic: { name: string; path: string }[] }) {
    return this.tables.guarded((r) => r.inspectTables(sets, request));
  }

  cacheSize(): Promise<number> {
    return this.guarded((r) => r.cacheSize());
  }

  clearCache(): Promise<void> {
    return this.guarded((r) => r.clearCache());
  }

  /** Loads a user's model from its bytes in the scoring worker and runs one blank image through it:
   *  the form's check before the model is kept (docs/models.md). Never rejects for a bad model:
   *  `{ ok: false, error }` says what is wrong. */
  tryModel(manifest: ModelManifest, bytes: Uint8Array): Promise<TryModelResult> {
    // comlink's Remote spreads the union over Promise; it is one promise of the union.
    return this.guarded((r) => r.tryModel(manifest, bytes) as Promise<TryModelResult>);
  }

  /** Embedding throughput (see src/models/bench-web.ts). */
  benchEmbed(n: number, rounds: number) {
    return this.guarded((r) => r.benchEmbed(n, rounds));
  }

  /** Stops whatever runs now: the image/text run at its next check (its worker keeps the model),
   *  a table run by terminating its worker (the next call starts a fresh one). */
  cancel(): void {
    const reason = named('AbortError', 'The run was cancelled.');
    this.main.interrupt(reason);
    this.tables.stop(reason);
  }

  dispose(): void {
    this.stop(named('AbortError', 'closed'));
  }
}
