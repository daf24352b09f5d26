import { describe, expect, it } from 'vitest';
import { serialQueue } from '../../src/core/serial-queue.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('serialQueue', () => {
  it('runs jobs one at a time in the order they were queued', async () => {
    const q = serialQueue();
    const log: string[] = [];
    const job = (name: string, ms: number) => async () => { log.push(`${name} start`); await sleep(ms); log.push(`${name} end`); return name; };
    expect(await Promise.all([q.run(job('a', 15)), q.run(job('b', 1)), q.run(job('c', 5))])).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('rejects a failed job to its own caller only; the next job still runs', async () => {
    const q = serialQueue();
    const failed = q.run(async () => { await sleep(5); throw new Error('boom'); });
    const thrown = q.run(() => { throw new Error('sync boom'); });
    const next = q.run(async () => 'ran');
    await expect(failed).rejects.toThrow('boom');
    await expect(thrown).rejects.toThrow('sync boom');
    expect(await next).toBe('ran');
  });

  it('idle() settles after every job queued so far, failed or not', async () => {
    const q = serialQueue();
    let done = 0;
    void q.run(async () => { await sleep(10); done++; });
    q.run(async () => { await sleep(5); done++; throw new Error('x'); }).catch(() => {});
    await q.idle();
    expect(done).toBe(2);
  });
});
