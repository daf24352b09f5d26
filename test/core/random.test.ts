import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, sampleIndices, shuffle } from '../../src/core/random.ts';

describe('seeded randomness', () => {
  it('repeats exactly for the same seed and differs for another', () => {
    const a = createRng(42), b = createRng(42), c = createRng(43);
    const xa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xa);
  });

  it('is uniform enough and normal() has mean 0, variance 1', () => {
    const r = createRng(1);
    let s = 0, s2 = 0;
    const N = 20000;
    for (let i = 0; i < N; i++) { const z = r.normal(); s += z; s2 += z * z; }
    expect(Math.abs(s / N)).toBeLessThan(0.03);
    expect(Math.abs(s2 / N - 1)).toBeLessThan(0.04);
    const counts = new Array(10).fill(0);
    for (let i = 0; i < N; i++) counts[r.int(10)]++;
    for (const c of counts) expect(Math.abs(c - N / 10)).toBeLessThan(150);
  });

  it('shuffle is a permutation; sampleIndices is distinct and sorted', () => {
    const arr = shuffle(Array.from({ length: 100 }, (_, i) => i), createRng(3));
    expect([...arr].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    const s = sampleIndices(1000, 50, createRng(4));
    expect(new Set(s).size).toBe(50);
    expect([...s]).toEqual([...s].sort((a, b) => a - b));
    expect(deriveSeed(0, 1)).not.toBe(deriveSeed(0, 2));
  });
});
