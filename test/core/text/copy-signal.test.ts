// The text copy signal on real texts nobody here wrote (npm one-liner-joke, inspirational-quotes):
// light edits stay close, distinct texts stay far, and the kNN over hashed shingle vectors puts an
// edited copy's source among its candidates (docs/copy-signal-text.md).
import { refineGraph } from '../../../src/core/refine-graph.ts';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { nearestDistinct } from '../../../src/core/calibrate.ts';
import { jsGemm } from '../../../src/core/gemm.ts';
import { knnCosine } from '../../../src/core/knn.ts';
import { createRng, sampleIndices } from '../../../src/core/random.ts';
import { jaccardDistance, normaliseForCopy, shingleVectors } from '../../../src/core/text/copy-signal.ts';
import { editText, TEXT_EDIT_KINDS } from '../../../src/core/text/text-edits.ts';

const require = createRequire(import.meta.url);
const distinct = (texts: string[]) => [...new Map(texts.map((t) => [normaliseForCopy(t), t])).values()].filter((t) => normaliseForCopy(t));
const corpora = {
  'one-liner-joke': distinct((require('one-liner-joke/jokes.json') as { body: string }[]).map((j) => j.body)).slice(0, 600),
  'inspirational-quotes': distinct((require('inspirational-quotes/data/data.json') as { text: string }[]).map((q) => q.text)),
};
const quantile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))];

describe('text copy signal', () => {
  it('identical after normalisation (case, spacing, punctuation) is distance 0; empty texts give no NaN', () => {
    const texts = ['The cat sat.', '  the CAT   sat ', 'The cat sat!', '', '   ', 'A different text entirely.'];
    const { vectors, dim, sets } = shingleVectors(texts);
    const d = jaccardDistance(sets);
    expect(d(0, 1)).toBe(0);
    expect(d(0, 2)).toBe(0);
    expect(d(3, 4)).toBe(0);
    expect(d(0, 3)).toBe(1);
    expect(d(0, 5)).toBeGreaterThan(0.8);
    expect(vectors.every((x) => Number.isFinite(x))).toBe(true);
    const norm = (r: number) => Math.hypot(...vectors.subarray(r * dim, (r + 1) * dim));
    expect(norm(0)).toBeCloseTo(1, 5);
    expect(norm(3)).toBe(0);
  });

  for (const [name, texts] of Object.entries(corpora)) {
    it(`${name}: every edit kind stays far closer to its source than distinct texts are to each other`, async () => {
      const { vectors, dim, sets } = shingleVectors(texts);
      const graph = refineGraph(await knnCosine(vectors, texts.length, dim, 10, { gemm: jsGemm }), jaccardDistance(sets));
      const nul = nearestDistinct(graph, texts.map(normaliseForCopy));
      expect(quantile(nul, 0.5)).toBeGreaterThan(0.75);
      const rng = createRng(11);
      const sources = Array.from(sampleIndices(texts.length, 150, rng));
      for (const kind of TEXT_EDIT_KINDS) {
        const copies = shingleVectors(sources.map((s) => editText(texts[s], kind, rng)));
        const d = jaccardDistance([...sets, ...copies.sets]);
        const dist = sources.map((s, r) => d(texts.length + r, s));
        expect(quantile(dist, 0.95), kind).toBeLessThan(0.35);
        // A copy is nearer its source than ≥ 95% of real texts are to their nearest distinct text.
        expect(quantile(dist, 0.5), kind).toBeLessThan(quantile(nul, 0.05));
      }
    });

    it(`${name}: kNN over shingle vectors puts an edited copy's source among its top-10 candidates`, async () => {
      const rng = createRng(12);
      const real = texts.slice(0, 400);
      const sources = Array.from(sampleIndices(real.length, 100, rng));
      // One kNN over the real texts and every kind's copies (a source's other copies take ≤ 3 slots).
      const copies = TEXT_EDIT_KINDS.flatMap((kind) => sources.map((s) => ({ kind, s, text: editText(real[s], kind, rng) })));
      const { vectors, dim } = shingleVectors([...real, ...copies.map((c) => c.text)]);
      const g = await knnCosine(vectors, real.length + copies.length, dim, 10, { gemm: jsGemm });
      for (const kind of TEXT_EDIT_KINDS) {
        const rows = copies.map((c, r) => ({ ...c, row: real.length + r })).filter((c) => c.kind === kind);
        const found = rows.filter((c) => Array.from(g.indices.subarray(c.row * 10, c.row * 10 + 10)).includes(c.s));
        expect(found.length / rows.length, kind).toBeGreaterThanOrEqual(0.98);
      }
    });
  }

  it('refined candidates are re-sorted by the exact distance, nearest first', async () => {
    const texts = corpora['one-liner-joke'].slice(0, 200);
    const { vectors, dim, sets } = shingleVectors(texts);
    const d = jaccardDistance(sets);
    const g = refineGraph(await knnCosine(vectors, texts.length, dim, 10, { gemm: jsGemm }), d);
    for (let i = 0; i < texts.length; i++) {
      for (let t = 0; t < 10; t++) expect(g.distances[i * 10 + t]).toBeCloseTo(d(i, g.indices[i * 10 + t]), 6);
      for (let t = 1; t < 10; t++) expect(g.distances[i * 10 + t]).toBeGreaterThanOrEqual(g.distances[i * 10 + t - 1]);
    }
  });

});
