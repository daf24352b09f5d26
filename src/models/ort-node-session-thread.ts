// Main-thread side of ort-node-thread.mjs: start the thread, wait until its session loaded,
// then send batches (transferred, not copied) and receive embeddings.
import { Worker } from 'node:worker_threads';
import type ort from 'onnxruntime-node';

export interface SessionThread {
  run(batch: Float32Array, n: number): Promise<Float32Array>;
  close(): Promise<void>;
}

export async function startSessionThread(
  file: string,
  options: ort.InferenceSession.SessionOptions,
  inputName: string,
  outputName: string,
  shape: number[],
): Promise<SessionThread> {
  const worker = new Worker(new URL('./ort-node-thread.mjs', import.meta.url), {
    workerData: { file, options, inputName, outputName, shape },
  });
  const pending = new Map<number, { resolve(y: Float32Array): void; reject(e: Error): void }>();
  let nextId = 0;
  let failure: Error | null = null;
  const fail = (e: Error) => {
    failure = e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };

  await new Promise<void>((resolve, reject) => {
    worker.once('message', (m: { ready: boolean; error?: string }) =>
      m.ready ? resolve() : reject(new Error(`could not load ${file}: ${m.error}`)),
    );
    worker.once('error', reject);
  }).catch(async (e) => {
    await worker.terminate();
    throw e;
  });
  // Referenced only while a batch is in flight: an idle inference thread must not keep the process
  // alive (a CLI run ends when its work is done), but a pending batch must.
  worker.unref();
  worker.on('message', (m: { id: number; y?: Float32Array; error?: string }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (pending.size === 0) worker.unref();
    if (m.y) p?.resolve(m.y);
    else p?.reject(new Error(`inference failed: ${m.error}`));
  });
  worker.on('error', (e) => fail(new Error(`inference thread crashed: ${e.message}`)));
  worker.on('exit', () => fail(new Error('inference thread exited')));

  return {
    run(batch, n) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ id, batch, n }, [batch.buffer as ArrayBuffer]);
      });
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
