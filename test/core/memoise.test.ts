import { describe, expect, it } from 'vitest';
import { memoiseAsync, recentlyUsed } from '../../src/core/memoise.ts';

describe('memoiseAsync', () => {
  it('loads each key once, for concurrent and later callers alike', async () => {
    const loads: string[] = [];
    const get = memoiseAsync(async (k: string) => { loads.push(k); await new Promise((r) => setTimeout(r, 5)); return k.toUpperCase(); });
    expect(await Promise.all([get('a'), get('a'), get('b')])).toEqual(['A', 'A', 'B']);
    expect(await get('a')).toBe('A');
    expect(loads).toEqual(['a', 'b']);
  });

  it('keys arguments by keyOf', async () => {
    let loads = 0;
    const get = memoiseAsync(async (m: { dir: string; threads?: number }) => `${m.dir}#${++loads}`, (m) => `${m.dir}\0${m.threads ?? ''}`);
    expect(await get({ dir: 'x' })).toBe('x#1');
    expect(await get({ dir: 'x' })).toBe('x#1');
    expect(await get({ dir: 'x', threads: 2 })).toBe('x#2');
  });

  it('forgets a failed load, so the next call retries', async () => {
    let calls = 0;
    const get = memoiseAsync(async () => { if (++calls === 1) throw new Error('HTTP 503'); return calls; });
    await expect(get()).rejects.toThrow('HTTP 503');
    expect(await get()).toBe(2);
    expect(await get()).toBe(2);
  });

  it('turns a loader that throws synchronously into a rejection that is forgotten', async () => {
    let calls = 0;
    const get = memoiseAsync((): Promise<number> => { if (++calls === 1) throw new Error('bad'); return Promise.resolve(calls); });
    await expect(get()).rejects.toThrow('bad');
    expect(await get()).toBe(2);
  });

  it('forget() makes the next call load afresh, and a stale failure does not drop the new entry', async () => {
    let calls = 0;
    let failFirst!: (e: Error) => void;
    const get = memoiseAsync((): Promise<number> => (++calls === 1 ? new Promise((_, reject) => { failFirst = reject; }) : Promise.resolve(calls)));
    const first = get();
    get.forget();
    expect(await get()).toBe(2);
    failFirst(new Error('late'));
    await expect(first).rejects.toThrow('late');
    expect(await get()).toBe(2);
    expect(calls).toBe(2);
  });
});

describe('recentlyUsed', () => {
  it('keeps the most recently used entries, a read counting as a use', () => {
    const kept = recentlyUsed<number | null>(2);
    kept.set('a', 1);
    kept.set('b', null);
    expect(kept.get('a')).toBe(1); // now 'b' is the least recently used
    kept.set('c', 3);
    expect(kept.has('b')).toBe(false);
    expect(kept.has('a') && kept.has('c')).toBe(true);
    expect(kept.get('b')).toBeUndefined();
  });
});
