import { describe, expect, it } from 'vitest';
import { jsGemm } from '../../../src/core/gemm.ts';
import { computePanel, computeReferencePanel } from '../../../src/core/panel/index.ts';
import { circle, sphereCloud } from './clouds.ts';

describe('authenticity', () => {
  it('gives the share worked out by hand on a circle', async () => {
    // Real at 0°, 10°, 20°, 30° (each one's nearest real neighbour: 10° away).
    // Synthetic 5°: nearest real 5° away < 10° → not authentic. 100°: nearest real (30°) 70° away > 10° → authentic.
    const p = await computePanel({ real: circle([0, 10, 20, 30]), synthetic: circle([5, 100]), dim: 2, gemm: jsGemm, k: 1 });
    expect(p.authenticity.value).toBe(0.5);
    expect(p.authenticity.method).toBe('wilson');
  });

  it('for fresh rows matches what real against real scores, and falls with copies', async () => {
    const dim = 16, real = sphereCloud(1200, dim, 1);
    const fresh = await computePanel({ real, synthetic: sphereCloud(1200, dim, 2), dim, gemm: jsGemm, resamples: 0 });
    const reference = await computeReferencePanel({ real: sphereCloud(2400, dim, 3), dim, gemm: jsGemm, resamples: 0 });
    expect(Math.abs(fresh.authenticity.value - reference.authenticity.value)).toBeLessThan(0.06);
    // Half the synthetic rows replaced by exact copies of real rows: about half the authentic share.
    const mixed = Float32Array.from(sphereCloud(1200, dim, 2));
    mixed.set(real.subarray(0, 600 * dim));
    const copied = await computePanel({ real, synthetic: mixed, dim, gemm: jsGemm, resamples: 0 });
    expect(copied.authenticity.value).toBeLessThan(0.6 * fresh.authenticity.value);
  });
});
