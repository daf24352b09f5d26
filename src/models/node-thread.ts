// A Node worker thread behind comlink (its Node adapter): the thread's exposed API is called like
// a local object. Calls reject at once if the thread crashes or exits; the thread keeps the
// process alive only while a call is in flight (an idle one must not hold a finished CLI run open).
import { Worker } from 'node:worker_threads';
import { wrap, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';

export interface NodeThread<Api> {
  call<T>(job: (api: Remote<Api>) => Promise<T>): Promise<T>;
  terminate(): Promise<void>;
}

/** `entry`: a plain-JS module that exposes `Api` on its parentPort; `what` names it in errors. */
export function startNodeThread<Api>(entry: URL, what: string): NodeThread<Api> {
  const worker = new Worker(entry);
  const api = wrap<Api>(nodeEndpoint(worker));
  const died = new Promise<never>((_, reject) => {
    worker.once('error', (e) => reject(new Error(`${what} failed: ${e.message}`)));
    worker.once('exit', (code) => reject(new Error(`${what} exited (code ${code}) before it finished.`)));
  });
  died.catch(() => {}); // an idle thread's end is no error; a call in flight gets it below
  worker.unref();
  let inFlight = 0;
  return {
    async call(job) {
      if (inFlight++ === 0) worker.ref();
      try {
        return await Promise.race([job(api), died]);
      } finally {
        if (--inFlight === 0) worker.unref();
      }
    },
    async terminate() {
      await worker.terminate();
    },
  };
}
