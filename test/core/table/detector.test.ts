import { describe, expect, it } from 'vitest';
import { rocAuc } from '../../../src/core/auc.ts';
import { planColumns } from '../../../src/core/table/columns.ts';
import { crossValidateTable } from '../../../src/core/table/detector.ts';
import { prepareTable } from '../../../src/core/table/prepare.ts';
import { independentColumns, splitVega } from './fixtures.ts';

async function aucs(file: string, synth: 'fresh' | 'independent') {
  const s = await splitVega(file, 1);
  const { plan } = planColumns(s.columns, s.real);
  const prep = prepareTable(plan, s.real, synth === 'fresh' ? s.holdout : independentColumns(s.holdout, 3));
  const n = prep.nReal + prep.nSynth;
  const out: Record<string, number> = {};
  for (const detector of ['trees', 'logistic'] as const) {
    const r = await crossValidateTable(prep.x, n, prep.encoder.dim, prep.y, { detector, seed: 0 });
    out[detector] = rocAuc(r.p, prep.y);
  }
  return out;
}

describe('trees catch what the linear model misses', () => {
  // Each column sampled from the right marginal but independently (every column of a held-out
  // real sample shuffled on its own): the marginals match, only the joint structure is broken.
  for (const file of ['penguins.json', 'cars.json', 'seattle-weather.csv']) {
    it(`${file}: independent columns — trees' AUC well above logistic's`, async () => {
      const a = await aucs(file, 'independent');
      expect(a.trees).toBeGreaterThan(0.85);
      expect(a.logistic).toBeLessThan(0.62);
      expect(a.trees - a.logistic).toBeGreaterThan(0.3);
    });
    it(`${file}: fresh real rows — both near 0.5`, async () => {
      const a = await aucs(file, 'fresh');
      expect(Math.abs(a.trees - 0.5)).toBeLessThan(0.1);
      expect(Math.abs(a.logistic - 0.5)).toBeLessThan(0.1);
    });
  }
});
