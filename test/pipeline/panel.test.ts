// The run's panel stage (src/pipeline/panel.ts): every experiment's panel and the reference's,
// one Fréchet n for all, failures as warnings that keep the scores, abort honoured.
import { describe, expect, it } from 'vitest';
import { jsGemm } from '../../src/core/gemm.ts';
import { addPanels, frechetSampleSize, headlineOf, runPanels } from '../../src/pipeline/panel.ts';
import type { Experiment, Report } from '../../src/report/schema.ts';
import { sphereCloud } from '../core/panel/clouds.ts';

const DIM = 8;
const experiment = (name: string) => ({ name, timings: { classifier: 1 } }) as unknown as Experiment;
const scaled = (x: Float32Array, by: number) => x.map((v) => v * by);

describe('the panel stage of a run', () => {
  it('gives the report only the schema’s fields, and works on vectors that are not unit-norm', async () => {
    const real = sphereCloud(120, DIM, 1), synth = sphereCloud(100, DIM, 2), holdout = sphereCloud(120, DIM, 3);
    const a = experiment('unit'), b = experiment('scaled');
    const run = { dim: DIM, gemm: jsGemm, seed: 0, holdout, frechetSampleSize: 60 };
    expect(await addPanels([{ experiment: a, real, synthetic: synth }], run)).toEqual([]);
    // The embedder's vectors are not normalised (the engine normalises its own copy): same answer.
    expect(await addPanels([{ experiment: b, real: scaled(real, 3), synthetic: scaled(synth, 0.2) }], { ...run, holdout: scaled(holdout, 5) })).toEqual([]);
    // Equal up to Float32 rounding of the renormalised rows.
    for (const key of ['precision', 'recall', 'density', 'coverage', 'frechetDistance', 'vendi', 'vendiReal', 'authenticity', 'dcrShare'] as const)
      expect(b.panel![key]!.value, key).toBeCloseTo(a.panel![key]!.value, 6);
    expect(Object.keys(a.panel!).sort()).toEqual(['authenticity', 'coverage', 'dcrPValue', 'dcrShare', 'density', 'frechetDistance', 'k', 'precision', 'recall', 'vendi', 'vendiReal']);
    expect(a.panel!.frechetDistance).toMatchObject({ n: 60, method: 'none' });
    expect(a.timings.classifier).toBe(1);
    expect(a.timings.panel).toBeGreaterThanOrEqual(0);
    // The input arrays are left as they were (the run reuses them).
    expect(Math.hypot(...scaled(real, 3).subarray(0, DIM))).toBeCloseTo(3, 4);
  });

  it('leaves a panel that cannot be computed absent, says why, and goes on with the next', async () => {
    const real = sphereCloud(60, DIM, 1);
    const tiny = experiment('tiny'), ok = experiment('ok');
    const warnings = await addPanels([
      { experiment: tiny, real, synthetic: sphereCloud(4, DIM, 2) },
      { experiment: ok, real, synthetic: sphereCloud(60, DIM, 3), extras: () => { throw new Error('no issue scores'); } },
    ], { dim: DIM, gemm: jsGemm, seed: 0, frechetSampleSize: 4 });
    expect(tiny.panel).toBeUndefined();
    expect(warnings[0]).toMatch(/^The panel of "tiny" was not computed: .*k = 5/);
    // A failing modality extra keeps the vector measures.
    expect(ok.panel!.precision!.n).toBe(60);
    expect(warnings[1]).toMatch(/^Part of the panel of "ok" was not computed: no issue scores/);
  });

  it('stops on abort instead of turning it into a warning', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(addPanels([{ experiment: experiment('x'), real: sphereCloud(40, DIM, 1), synthetic: sphereCloud(40, DIM, 2) }],
      { dim: DIM, gemm: jsGemm, seed: 0, frechetSampleSize: 20, signal: ctl.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('computes the reference on the real set’s halves with the experiments’ Fréchet n, reporting one stage', async () => {
    const real = sphereCloud(150, DIM, 1);
    const ex = experiment('fresh'), ref = experiment('real vs real');
    const events: string[] = [];
    const warnings = await runPanels({
      real, classes: null, dim: DIM, gemm: jsGemm, seed: 0, reference: ref,
      experiments: [{ experiment: ex, synthetic: sphereCloud(90, DIM, 2) }],
      onProgress: (e) => events.push(`${e.stage}:${e.status}`),
    });
    expect(warnings).toEqual([]);
    expect(frechetSampleSize(150, [90])).toBe(75);
    expect(ex.panel!.frechetDistance!.n).toBe(75);
    expect(ref.panel!.frechetDistance!.n).toBe(75);
    expect(ref.panel!.recall!.n).toBe(75);
    expect(ref.panel!.precision!.n).toBe(75);
    expect(new Set(events)).toEqual(new Set(['panel:initiate', 'panel:progress', 'panel:done']));
  });

  it('hands out the headline as it stands: the panel stage, after it, does not change it', async () => {
    const ex = experiment('fresh'), ref = experiment('real vs real');
    const report = { experiments: [ex], reference: ref, warnings: ['earlier'] } as unknown as Report;
    const headline = headlineOf(report);
    const warnings = await runPanels({ real: sphereCloud(60, DIM, 1), classes: null, dim: DIM, gemm: jsGemm, seed: 0, reference: ref, experiments: [{ experiment: ex, synthetic: sphereCloud(3, DIM, 2) }] });
    report.warnings!.push(...warnings);
    expect(ex.panel).toBeUndefined();
    expect(ref.panel).toBeDefined();
    expect(headline.reference!.panel).toBeUndefined();
    expect(headline.reference!.timings.panel).toBeUndefined();
    expect(headline.warnings).toEqual(['earlier']);
    expect(report.warnings).toHaveLength(2);
  });
});
