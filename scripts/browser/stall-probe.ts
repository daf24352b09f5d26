// The machine's own scheduling stalls, for reading a page's long tasks fairly. A thread of the test
// process sleeps 2 ms at a time and records every wake-up that came more than STALL_MS late: a
// thread with nothing to do waited that long for a core. On this project's 2-core virtual machines
// such stalls reach 40-50 ms while Chromium uses one core and the other is mostly idle, and they
// stretch any page task that runs meanwhile. Times are CLOCK_MONOTONIC in µs, the clock of
// Chromium's trace timestamps on Linux, so stalls line up with the trace's tasks.
import { Worker } from 'node:worker_threads';

export interface Stall {
  /** µs, CLOCK_MONOTONIC (the trace's `ts` clock). */
  start: number;
  end: number;
}

const STALL_MS = 5;

const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
const flag = new Int32Array(workerData.flag);
const stalls = [];
const now = () => Number(process.hrtime.bigint() / 1000n);
while (Atomics.load(flag, 0) === 0) {
  const before = now();
  Atomics.wait(flag, 0, 0, 2);
  const late = now() - before - 2000;
  if (late > ${STALL_MS * 1000}) stalls.push({ start: before + 2000, end: now() });
}
parentPort.postMessage(stalls);
`;

export function startStallProbe(): { stop(): Promise<Stall[]> } {
  const flag = new SharedArrayBuffer(4);
  const worker = new Worker(PROBE, { eval: true, workerData: { flag } });
  worker.unref(); // a test that fails before stop() must not keep the process alive
  const result = new Promise<Stall[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    async stop() {
      const f = new Int32Array(flag);
      Atomics.store(f, 0, 1);
      Atomics.notify(f, 0);
      const stalls = await result;
      await worker.terminate();
      return stalls;
    },
  };
}

/** The part of [start, end] (µs) that the machine spent stalled. */
export function stalledWithin(stalls: Stall[], start: number, end: number): number {
  let total = 0;
  for (const s of stalls) total += Math.max(0, Math.min(end, s.end) - Math.max(start, s.start));
  return total;
}

/** CLOCK_MONOTONIC now, in µs (what a probe records). */
export const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);
