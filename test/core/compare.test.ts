// Paired comparison of experiments (docs/uncertainty.md §3) on constructed mixtures: 10 Gaussian modes
// in 16 dims stand in for 10 classes. Same-distribution sets must get "no difference detected";
// a set without half the modes must come out more unrepresentative than a fresh one.
import { describe, expect, it } from 'vitest';
import { classifierSamples, compareExperiments, verdictOf, type ExperimentSamples } from '../../src/core/compare.ts';
import { crossValidate } from '../../src/core/crossval.ts';
import { jsGemm } from '../../src/core/gemm.ts';
import { createRng, deriveSeed } from '../../src/core/random.ts';

const DIM = 16, MODES = 10, N = 200;
const centres = Float32Array.from({ length: MODES * DIM }, (_, k) => 3 * createRng(k).normal());

function mixture(n: number, seed: number, modes = MODES): Float32Array {
  const rng = createRng(seed), x = new Float32Array(n * DIM);
  for (let i = 0; i < n; i++) { const m = i % modes; for (let j = 0; j < DIM; j++) x[i * DIM + j] = centres[m * DIM + j] + rng.normal(); }
  return x;
}

async function experiment(name: string, real: Float32Array, synth: Float32Array, seed: number, dupRate = 0.1): Promise<ExperimentSamples> {
  const n = 2 * N, x = new Float32Array(n * DIM);
  x.set(real);
  x.set(synth, N * DIM);
  const y = new Uint8Array(n).fill(1, N);
  const cv = await crossValidate(x, n, DIM, y, { gemm: jsGemm, seed, components: DIM });
  const ids = Array.from({ length: n }, (_, i) => (i < N ? `real-${i}` : `${name}-${i}`));
  const rng = createRng(deriveSeed(seed, 77));
  const count = () => { let k = 0; for (let i = 0; i < N; i++) if (rng.next() < dupRate) k++; return k; };
  return { name, classifier: classifierSamples(cv, y, ids), counts: { synthetic: N, unvariedRows: count(), unoriginalRows: count() } };
}

describe('paired comparison', () => {
  it('two synthetic sets from one distribution: "no difference detected" on all four scores in at least 4 of 5 seeds', async () => {
    const none = { unrealistic: 0, unrepresentative: 0, unvaried: 0, unoriginal: 0 };
    for (let seed = 0; seed < 5; seed++) {
      const real = mixture(N, 1000 + seed);
      const a = await experiment('a', real, mixture(N, 2000 + seed), seed);
      const b = await experiment('b', real, mixture(N, 3000 + seed), seed);
      for (const c of compareExperiments(a, b, { seed })) {
        if (c.verdict === 'no difference detected') none[c.score]++;
        expect(c.difference.lo).toBeLessThanOrEqual(c.difference.value);
        expect(c.difference.hi).toBeGreaterThanOrEqual(c.difference.value);
      }
    }
    for (const [score, k] of Object.entries(none)) expect(k, score).toBeGreaterThanOrEqual(4);
  });

  it('a set missing half the modes against a fresh one: more unrepresentative, with the verdict in words', async () => {
    const real = mixture(N, 11);
    const fresh = await experiment('fresh', real, mixture(N, 12), 0);
    const dropped = await experiment('dropped', real, mixture(N, 13, MODES / 2), 0);
    const c = compareExperiments(fresh, dropped).find((r) => r.score === 'unrepresentative')!;
    expect(c.verdict).toBe('higher');
    expect(c.difference.lo).toBeGreaterThan(0);
    expect(c.text).toMatch(/^dropped: unrepresentative higher than fresh by 0\.\d\d \[0\.\d\d, 0\.\d\d\]$/);
  });

  it('words the verdict as the user reads it', () => {
    expect(verdictOf('unrealistic', 'baseline', 'subject-prompt', { value: -0.06, lo: -0.09, hi: -0.03 }).text).toBe('subject-prompt: unrealistic lower than baseline by 0.06 [0.03, 0.09]');
    const none = verdictOf('unvaried', 'baseline', 'subject-prompt', { value: 0.01, lo: -0.02, hi: 0.04 });
    expect(none.verdict).toBe('no difference detected');
    expect(none.text).toBe('subject-prompt: no difference detected in unvaried against baseline (+0.01 [-0.02, 0.04])');
  });
});
