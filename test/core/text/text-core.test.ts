import { describe, expect, it } from 'vitest';
import { hashedCharNgrams } from '../../../src/core/text/ngrams.ts';
import { jaccardSorted, shingleSet } from '../../../src/core/text/shingles.ts';
import { findNearDuplicates } from '../../../src/core/near-duplicates.ts';
import { distinctN, lengthSummary, overusedPhrases } from '../../../src/core/text/text-stats.ts';
import type { KnnGraph } from '../../../src/core/knn.ts';

const base = 'The quick brown fox jumps over the lazy dog while the cat watches from the fence.';

describe('core/text', () => {
  it('hashed n-grams are unit rows and see a stylistic tic', () => {
    const { features, dim } = hashedCharNgrams([base, `${base} !!`, '']);
    expect(dim).toBe(4096);
    const norm = (r: number) => Math.hypot(...features.subarray(r * dim, (r + 1) * dim));
    expect(norm(0)).toBeCloseTo(1, 5);
    expect(norm(2)).toBe(0);
    let dot = 0;
    for (let k = 0; k < dim; k++) dot += features[k] * features[dim + k];
    expect(dot).toBeLessThan(0.999);
  });

  it('shingle Jaccard ignores case and spacing, sees a one-letter edit as close and a different text as far', () => {
    const jac = (a: string, b: string) => jaccardSorted(shingleSet(a, 4), shingleSet(b, 4));
    expect(jac(base, base.toUpperCase().replace(/ /g, '  '))).toBe(1);
    const edited = jac(base, base.replace('lazy', 'lazzy'));
    expect(edited).toBeGreaterThan(0.8);
    expect(edited).toBeLessThan(1);
    expect(jac(base, 'An entirely different sentence about weather and rain.')).toBeLessThan(0.1);
    expect(jac(base, base.slice(0, 40))).toBeLessThan(0.6);
    // Short and empty texts: one shingle, or none; two empty texts are identical.
    expect(shingleSet('ab', 4).length).toBe(1);
    expect(jac('', '   ')).toBe(1);
    expect(jac('', base)).toBe(0);
  });

  it('sets join exact, embedding and copy-signal edges, each pair keeps its reason; unvaried/unoriginal as docs/metrics.md §2', () => {
    // rows 0,1 real; 2..5 synthetic. kNN: 2–3 close (embedding). Copy signal: 0–4. Exact: 1 and 5.
    const n = 6, k = 1;
    const graph: KnnGraph = { n, k, indices: Int32Array.from([1, 0, 3, 2, 0, 0]), distances: Float32Array.from([0.5, 0.5, 0.01, 0.01, 0.6, 0.6]) };
    const isSynthetic = Uint8Array.from([0, 0, 1, 1, 1, 1]);
    const r = findNearDuplicates(graph, isSynthetic, ['a', 'b', 'c', 'd', 'e', 'b'], 0.05, { copyEdges: [{ a: 4, b: 0, copyDistance: 0.1 }], copyDistance: () => 0.7 });
    expect(r.pairs.map((p) => [p.a, p.b, p.reason])).toEqual([[0, 4, 'copy'], [1, 5, 'exact'], [2, 3, 'embedding']]);
    // Both signals' values are kept: the copy pair's own, and the other signal's filled in.
    expect(r.pairs.map((p) => p.copyDistance)).toEqual([0.1, 0, 0.7]);
    expect(r.unvariedRows).toBe(2); // 2,3
    expect(r.unoriginalRows).toBe(2); // 4 (with real 0), 5 (with real 1)
    expect(r.sets.map((s) => s.kind).sort()).toEqual(['unoriginal', 'unoriginal', 'unvaried']);
  });

  it('lengths, distinct-n and over-used phrases', () => {
    const real = ['I liked the food.', 'Service was slow but friendly.', 'Great view, average drinks.', 'Would not come back.'].flatMap((s) => [s, `${s} Overall fine.`]);
    const synth = real.map((s) => `${s} In conclusion, a truly delightful experience.`);
    expect(lengthSummary(synth).words.median).toBeGreaterThan(lengthSummary(real).words.median);
    expect(distinctN(['a a a a']).d1).toBe(0.25);
    const top = overusedPhrases(real, synth, { top: 5 }).map((p) => p.phrase);
    expect(top.some((p) => p.includes('conclusion') || p.includes('delightful'))).toBe(true);
  });
});
