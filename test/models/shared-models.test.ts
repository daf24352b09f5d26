import { describe, expect, it } from 'vitest';
import { sharedModels } from '../../src/models/shared-models.ts';

const byName = (k: string) => k;

describe('sharedModels', () => {
  it('loads a key once for concurrent users and closes it after the last release', async () => {
    const closed: string[] = [];
    let loads = 0;
    const acquire = sharedModels(async () => { loads++; await new Promise((r) => setTimeout(r, 5)); return `model${loads}`; }, byName, async (v) => { closed.push(v); });
    const [a, b] = await Promise.all([acquire('k'), acquire('k')]);
    expect([loads, a.value, b.value]).toEqual([1, 'model1', 'model1']);
    await a.release();
    await a.release(); // idempotent: does not count as b's release
    expect(closed).toEqual([]);
    await b.release();
    expect(closed).toEqual(['model1']);
    const c = await acquire('k'); // closed, so loaded afresh
    expect([loads, c.value]).toEqual([2, 'model2']);
    await c.release();
  });

  it('does not hand out a model whose last user released it while another caller was acquiring it', async () => {
    let loads = 0;
    const acquire = sharedModels(async () => { loads++; await new Promise((r) => setTimeout(r, 5)); return loads; }, byName, async () => {});
    const first = await acquire('k');
    const second = acquire('k'); // resumes only after the release below has begun
    await first.release();
    const m = await second;
    expect([loads, m.value]).toEqual([2, 2]);
    await m.release();
  });

  it('forgets a failed load so the next call retries', async () => {
    let calls = 0;
    const acquire = sharedModels(async () => { if (++calls === 1) throw new Error('model.onnx: no such file'); return calls; }, byName, async () => {});
    await expect(acquire('k')).rejects.toThrow('no such file');
    const m = await acquire('k');
    expect(m.value).toBe(2);
    await m.release();
  });

  it('runs jobs on one model one at a time, in order, and a failed job does not block the next', async () => {
    const acquire = sharedModels(async () => null, byName, async () => {});
    const [a, b] = await Promise.all([acquire('k'), acquire('k')]);
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
    await expect(a.run(job('4', 1))).rejects.toThrow('released');
    await b.release();
  });

  it('closes a model only after the jobs queued on it have settled', async () => {
    const log: string[] = [];
    const acquire = sharedModels(async () => 'm', byName, async () => { log.push('closed'); });
    const m = await acquire('k');
    const running = m.run(async () => { await new Promise((r) => setTimeout(r, 10)); log.push('job done'); });
    await m.release();
    await running;
    expect(log).toEqual(['job done', 'closed']);
  });
});
