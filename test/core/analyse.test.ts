import { describe, expect, it } from 'vitest';
import { analyse, type AnalyseInput } from '../../src/core/analyse.ts';
import { crossValidatedProbabilities } from '../../src/core/crossval.ts';
import { jsGemm } from '../../src/core/gemm.ts';
import { constructedDuplicates, gaussianCloud, mean, stack } from './helpers.ts';

const dim = 32;
const input = (real: Float32Array, synth: Float32Array, extra: Partial<AnalyseInput> = {}): AnalyseInput => ({
  ...stack(real, synth, dim), dim, tau: 0.05, gemm: jsGemm, bootstrap: 300, ...extra,
});

describe('analyse: classifier scores', () => {
  it('identical distributions score ≈ 0.5 and the AUC interval covers 0.5', async () => {
    const r = await analyse(input(gaussianCloud(300, dim, 1), gaussianCloud(300, dim, 2)));
    expect(Math.abs(r.scores.unrealistic.value - 0.5)).toBeLessThan(0.06);
    expect(Math.abs(r.scores.unrepresentative.value - 0.5)).toBeLessThan(0.06);
    expect(r.auc.lo).toBeLessThanOrEqual(0.5);
    expect(r.auc.hi).toBeGreaterThanOrEqual(0.5);
    expect(r.detectability.lo).toBe(0);
    expect(r.scores.unvaried.value).toBe(0);
    expect(r.scores.unoriginal.value).toBe(0);
    expect(r.counts).toMatchObject({ real: 300, synthetic: 300, nearDuplicateSets: 0 });
  });

  it('well-separated clouds score ≥ 0.95', async () => {
    const r = await analyse(input(gaussianCloud(300, dim, 1), gaussianCloud(300, dim, 2, 2)));
    expect(r.scores.unrealistic.value).toBeGreaterThanOrEqual(0.95);
    expect(r.scores.unrepresentative.value).toBeGreaterThanOrEqual(0.95);
    expect(r.auc.value).toBeGreaterThanOrEqual(0.99);
    expect(r.detectability.value).toBeGreaterThanOrEqual(0.98);
  });

  it('a subtle shift is detected with scores between the two extremes', async () => {
    const r = await analyse(input(gaussianCloud(400, dim, 1), gaussianCloud(400, dim, 2, 0.3)));
    // After L2 normalisation the mean shift is ≈ 1.7 sd along one direction: Bayes AUC ≈ 0.89.
    expect(r.auc.lo).toBeGreaterThan(0.75);
    expect(r.auc.hi).toBeLessThan(0.93);
    expect(r.scores.unrealistic.value).toBeGreaterThan(0.6);
    expect(r.scores.unrealistic.value).toBeLessThan(0.8);
  });

  it('balance: 100 real vs 400 synthetic from one distribution still scores ≈ 0.5, not the class prior', async () => {
    const r = await analyse(input(gaussianCloud(100, dim, 3), gaussianCloud(400, dim, 4)));
    expect(Math.abs(r.scores.unrealistic.value - 0.5)).toBeLessThan(0.06); // an unbalanced model gives ≈ 0.8
    expect(Math.abs(r.scores.unrepresentative.value - 0.5)).toBeLessThan(0.06);
    expect(Math.abs(mean(r.p) - 0.5)).toBeLessThan(0.06);
  });

  it('labelIssue = 1 − probability of the own label', async () => {
    const r = await analyse(input(gaussianCloud(40, dim, 5), gaussianCloud(40, dim, 6)));
    expect(r.labelIssue[0]).toBeCloseTo(r.p[0], 12);
    expect(r.labelIssue[79]).toBeCloseTo(1 - r.p[79], 12);
    expect(r.scores.unrealistic.value).toBeCloseTo(1 - mean(r.labelIssue.subarray(40)), 12);
  });
});

describe('analyse: determinism, near-duplicates, classes, errors', () => {
  it('same seed gives identical p and scores; another seed gives different folds', async () => {
    const make = (seed: number) => analyse(input(gaussianCloud(120, dim, 1), gaussianCloud(120, dim, 2, 0.1), { seed }));
    const [a, b, c] = [await make(7), await make(7), await make(8)];
    expect(a.p).toEqual(b.p);
    expect(a.scores).toEqual(b.scores);
    expect(a.auc).toEqual(b.auc);
    expect(a.p).not.toEqual(c.p);
  });

  it('constructed duplicates come out as the constructed fractions', async () => {
    const d = constructedDuplicates();
    const r = await analyse({ ...d, dim, tau: 0.05, gemm: jsGemm, bootstrap: 100 });
    expect(r.scores.unoriginal.value).toBe(0.1);
    expect(r.scores.unvaried.value).toBe(0.05);
    expect(r.counts).toMatchObject({ unoriginalRows: 20, unvariedRows: 10, nearDuplicateSets: 21 });
    expect(r.nearDuplicatesAt(0).sets.length).toBe(0);
  });

  it('per class: scores for classes with ≥ K rows a side, null with a note otherwise; counts add up', async () => {
    const d = constructedDuplicates();
    // real: 0–99 'a', 100–199 'b'; synthetic: 200–299 'a', 300–396 'b', 397–399 'c'
    const classes = Array.from({ length: d.n }, (_, i) => (i < 100 || (i >= 200 && i < 300) ? 'a' : i < 397 ? 'b' : 'c'));
    const r = await analyse({ ...d, dim, tau: 0.05, gemm: jsGemm, bootstrap: 100, classes });
    expect(r.classes!.map((c) => c.className)).toEqual(['a', 'b', 'c']);
    const [a, b, c] = r.classes!;
    expect(a.counts).toEqual({ real: 100, synthetic: 100 });
    expect(c.scores).toBeNull();
    expect(c.note).toMatch(/fewer than 5/);
    // All 20 copies and all 10 repeats are synthetic rows 200–229, i.e. class 'a'.
    expect(a.scores!.unoriginal.value).toBe(0.2);
    expect(a.scores!.unvaried.value).toBe(0.1);
    expect(b.scores!.unoriginal.value).toBe(0);
    const pa = r.p.subarray(200, 300);
    expect(a.scores!.unrealistic.value).toBeCloseTo(mean(pa), 12);
  });

  it('fewer than 20 rows on a side is a TooFewRowsError', async () => {
    await expect(analyse(input(gaussianCloud(19, dim, 1), gaussianCloud(50, dim, 2)))).rejects.toMatchObject({ name: 'TooFewRowsError' });
    await expect(analyse(input(gaussianCloud(50, dim, 1), gaussianCloud(3, dim, 2)))).rejects.toThrow(/3 synthetic/);
  });

  it('aborts with an AbortError, before and during the run', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(analyse(input(gaussianCloud(50, dim, 1), gaussianCloud(50, dim, 2), { signal: ac.signal }))).rejects.toMatchObject({ name: 'AbortError' });
    const ac2 = new AbortController();
    const stages: string[] = [];
    const run = analyse(input(gaussianCloud(200, dim, 1), gaussianCloud(200, dim, 2), {
      signal: ac2.signal,
      onProgress: (e) => { stages.push(`${e.stage}:${e.status}`); if (e.stage === 'classifier' && e.done === 2) ac2.abort(); },
    }));
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(stages).toContain('pca:done');
    expect(stages).not.toContain('knn:initiate');
  });

  it('crossValidatedProbabilities gives a probability for every row', async () => {
    const d = stack(gaussianCloud(30, dim, 1), gaussianCloud(30, dim, 2), dim);
    const p = await crossValidatedProbabilities(d.vectors, d.n, dim, d.isSynthetic, { folds: 3, seed: 1, gemm: jsGemm });
    expect(p.length).toBe(60);
    for (const v of p) expect(v > 0 && v < 1).toBe(true);
  });
});

describe('analyse: the real set shared by the prompt loop', () => {
  // One real set, one synthetic set after another: the real rows' graphs among themselves, kept
  // from the first analysis, give every later one exactly the result it computes alone.
  const copyOf = (x: Float32Array) => ({ measure: 'cosine of the vectors', candidates: x, dim, distance: (i: number, j: number) => { let s = 0; for (let t = 0; t < dim; t++) s += x[i * dim + t] * x[j * dim + t]; return Math.max(0, 1 - s); } });
  const real = gaussianCloud(150, dim, 1);
  // Near-copies of real rows in the second set, so both graphs join pairs.
  const copies = Float32Array.from(real.subarray(0, 40 * dim), (v, i) => v + 0.01 * Math.sin(i));
  const sets = [gaussianCloud(120, dim, 2), Float32Array.from([...copies, ...gaussianCloud(80, dim, 3)])];

  it('gives the same graphs, sets and scores as a fresh analysis, with fewer products', async () => {
    const shared = { rows: 150 };
    for (const synth of sets) {
      let products = 0;
      const gemm: AnalyseInput['gemm'] = (a, ar, b, br, d) => { products += ar * br; return jsGemm(a, ar, b, br, d); };
      const run = async (extra: Partial<AnalyseInput>) => {
        const x = input(real, synth, { gemm, copyThreshold: 0.02, ...extra });
        return analyse({ ...x, copySignal: copyOf(Float32Array.from(x.vectors)), repeats: 2 });
      };
      const fresh = await run({});
      const freshProducts = products;
      products = 0;
      const reused = await run({ sharedRows: shared });
      expect(Array.from(reused.graph.indices)).toEqual(Array.from(fresh.graph.indices));
      expect(Array.from(reused.graph.distances)).toEqual(Array.from(fresh.graph.distances));
      expect(reused.sets).toEqual(fresh.sets);
      expect(reused.scores).toEqual(fresh.scores);
      if (synth === sets[1]) {
        expect(fresh.scores.unoriginal.value).toBeGreaterThan(0.1);
        expect(products).toBeLessThan(freshProducts); // the real rows' tiles were kept from the first set
      }
    }
  });
});
