import { describe, expect, it } from 'vitest';
import { sharedModels } from '../../src/models/ort-node-loader.ts';

describe('sharedModels', () => {
  it('loads a key once for concurrent users and closes it after the last release', async () => {
    const closed: string[] = [];
    let loads = 0;
    const acquire = sharedModels<string>(async (v) => { closed.push(v); });
    const load = async () => { loads++; await new Promise((r) => setTimeout(r, 5)); return `model${loads}`; };
    const [a, b] = await Promise.all([acquire('k', load), acquire('k', load)]);
    expect([loads, a.value, b.value]).toEqual([1, 'model1', 'model1']);
    await a.release();
    await a.release(); // idempotent: does not count as b's release
    expect(closed).toEqual([]);
    await b.release();
    expect(closed).toEqual(['model1']);
    const c = await acquire('k', load); // closed, so loaded afresh
    expect([loads, c.value]).toEqual([2, 'model2']);
    await c.release();
  });

  it('forgets a failed load so the next call retries', async () => {
    const acquire = sharedModels<number>(async () => {});
    let calls = 0;
    const flaky = async () => { if (++calls === 1) throw new Error('model.onnx: no such file'); return calls; };
    await expect(acquire('k', flaky)).rejects.toThrow('no such file');
    const m = await acquire('k', flaky);
    expect(m.value).toBe(2);
    await m.release();
  });

  it('runs jobs on one model one at a time, in order, and a failed job does not block the next', async () => {
    const acquire = sharedModels<null>(async () => {});
    const [a, b] = await Promise.all([acquire('k', async () => null), acquire('k', async () => null)]);
    const log: string[] = [];
    const job = (name: string, ms: number, fail = false) => async () => {
      log.push(`${name} start`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`${name} end`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([a.run(job('1', 20, true)), b.run(job('2', 1)), a.run(job('3', 1))]);
    expect(log).toEqual(['1 start', '1 end', '2 start', '2 end', '3 start', '3 end']);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    await a.release();
    await b.release();
  });
});
