// SDMetrics' Quality Report scores (docs/panel-images-tables.md): hand-computed values on tiny tables,
// then real tables (vega-datasets penguins, cars) split in halves against shuffled columns.
import { describe, expect, it } from 'vitest';
import { columnStats } from '../../../src/core/table/column-stats.ts';
import { convertColumns, planColumns } from '../../../src/core/table/columns.ts';
import { digitise, qualityReport } from '../../../src/core/table/quality-report.ts';
import type { Cell, TypedColumn } from '../../../src/core/table/types.ts';
import { independentColumns, splitVega } from './fixtures.ts';

const num = (name: string, v: number[]): TypedColumn => ({ name, type: 'number', values: Float64Array.from(v) });
const cat = (name: string, codes: number[], levels: string[]): TypedColumn => ({ name, type: 'category', codes: Int32Array.from(codes), levels });

describe('column shapes (KSComplement, TVComplement)', () => {
  it('averages 1 − KS over numbers and 1 − TVD over categories, missing values dropped', () => {
    // x: real {1,2,3,4}, synthetic {3,4,5,6}: the CDFs differ most at 2 (0.5 vs 0) → KS 0.5.
    // c: real a,a,b,<missing> → a 2/3, b 1/3; synthetic a,b,b,b → a 1/4, b 3/4: TVD = (5/12 + 5/12)/2 = 5/12.
    const real = [num('x', [1, 2, 3, 4]), cat('c', [0, 0, 1, -1], ['a', 'b'])];
    const synth = [num('x', [3, 4, 5, 6]), cat('c', [0, 1, 1, 1], ['a', 'b'])];
    const q = qualityReport(real, synth);
    expect(q.columnShapes.columns.map((c) => c.score)).toEqual([0.5, expect.closeTo(7 / 12, 12)]);
    expect(q.columnShapes.score).toBeCloseTo((0.5 + 7 / 12) / 2, 12);
    // The report's columnStats counts missing as a level (TVD 1/2 here); SDMetrics drops it, and so does this.
    const stats = real.map((r, i) => columnStats(r, synth[i]));
    expect(stats[1].shape).toBeCloseTo(0.5, 12);
    expect(qualityReport(real, synth, stats).columnShapes.score).toBeCloseTo((0.5 + 7 / 12) / 2, 12);
  });

  it('reuses the stats it is given rather than recomputing them', () => {
    const real = [num('x', [1, 2, 3, 4])], synth = [num('x', [1, 2, 3, 4])];
    const stats = [{ ...columnStats(real[0], synth[0]), shape: 0.25 }];
    expect(qualityReport(real, synth, stats).columnShapes.score).toBe(0.25);
  });
});

describe('column pair trends', () => {
  it('two numbers: 1 − |r_real − r_synth| / 2 (Pearson)', () => {
    // real: y = x → r = 1; synthetic: y = −x → r = −1: score 0. Same trend: 1.
    const x = [1, 2, 3, 4, 5];
    const q = qualityReport([num('x', x), num('y', x)], [num('x', x), num('y', x.map((v) => -v))]);
    expect(q.columnPairTrends.pairs).toEqual([{ a: 'x', b: 'y', metric: 'correlation', score: 0 }]);
    expect(qualityReport([num('x', x), num('y', x)], [num('x', x), num('y', x.map((v) => 2 * v + 1))]).columnPairTrends.score).toBeCloseTo(1, 12);
  });

  it('a constant synthetic column leaves the pair out (SDMetrics scores it NaN)', () => {
    const q = qualityReport([num('x', [1, 2, 3, 4]), num('y', [2, 1, 4, 3])], [num('x', [1, 2, 3, 4]), num('y', [5, 5, 5, 5])]);
    expect(q.columnPairTrends.pairs).toEqual([]);
    expect(q.columnPairTrends.score).toBeNull();
  });

  it('two categories: 1 − TVD of the joint distribution', () => {
    // real joint: (a,u) 1/2, (b,v) 1/2; synthetic: (a,u) 1/4, (a,v) 1/4, (b,v) 1/2 → TVD = (1/4 + 1/4)/2.
    const real = [cat('c', [0, 0, 1, 1], ['a', 'b']), cat('d', [0, 0, 1, 1], ['u', 'v'])];
    const synth = [cat('c', [0, 0, 1, 1], ['a', 'b']), cat('d', [0, 1, 1, 1], ['u', 'v'])];
    expect(qualityReport(real, synth).columnPairTrends.pairs).toEqual([{ a: 'c', b: 'd', metric: 'contingency', score: 0.75 }]);
  });

  it('a number and a category: the number in 10 equal-width bins of its own side, then contingency', () => {
    // real x 0..9 → bins 1..10 with 9 (the maximum) alone in bin 11, as numpy.digitize does.
    expect([...digitise(Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]))]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 11]);
    expect([...digitise(Float64Array.from([7, 7, NaN]))]).toEqual([6, 6, 11]);
    // Real: small x with a, large x with b. Synthetic: labels swapped on two of four rows.
    // real bins (range 0..3): 0→1, 1→4, 2→7, 3→11; synthetic the same values.
    const x = [0, 1, 2, 3];
    const real = [num('x', x), cat('c', [0, 0, 1, 1], ['a', 'b'])];
    const synth = [num('x', x), cat('c', [1, 0, 1, 0], ['a', 'b'])];
    // joints: real (1,a)(4,a)(7,b)(11,b); synthetic (1,b)(4,a)(7,b)(11,a): two of four cells differ → TVD 2/4.
    expect(qualityReport(real, synth).columnPairTrends.pairs).toEqual([{ a: 'x', b: 'c', metric: 'contingency', score: 0.5 }]);
    // Each side bins on its own range (as SDMetrics): a shifted synthetic x with the same pattern scores 1.
    expect(qualityReport(real, [num('x', x.map((v) => v + 100)), real[1]]).columnPairTrends.score).toBe(1);
  });
});

function typed(columns: string[], real: Cell[][], synth: Cell[][]) {
  const { plan } = planColumns(columns, real);
  const conv = convertColumns(plan, real, synth);
  const used = plan.filter((p) => p.type !== null && p.type !== 'ignore');
  return { real: conv.real.filter((_, k) => used[k].type !== 'identifier'), synth: conv.synth.filter((_, k) => used[k].type !== 'identifier') };
}

describe.each(['penguins.json', 'cars.json'])('%s halves (real data)', (file) => {
  it('real vs real scores near 1; shuffled columns keep the shapes but lose the pair trends', async () => {
    const s = await splitVega(file, 1);
    const same = typed(s.columns, s.real, s.holdout);
    const shuffled = typed(s.columns, s.real, independentColumns(s.holdout, 3));
    const qs = qualityReport(same.real, same.synth), qx = qualityReport(shuffled.real, shuffled.synth);
    console.log(`${file}: real vs real shapes ${qs.columnShapes.score!.toFixed(3)} pairs ${qs.columnPairTrends.score!.toFixed(3)} (${qs.columnPairTrends.pairs.length} pairs); shuffled shapes ${qx.columnShapes.score!.toFixed(3)} pairs ${qx.columnPairTrends.score!.toFixed(3)}`);
    expect(qs.columnShapes.score!).toBeGreaterThan(0.85);
    expect(qs.columnPairTrends.score!).toBeGreaterThan(0.8);
    // Shuffling a column only reorders it: every column's shape is unchanged.
    expect(qx.columnShapes.score).toBeCloseTo(qs.columnShapes.score!, 12);
    expect(qx.columnPairTrends.score!).toBeLessThan(qs.columnPairTrends.score! - 0.1);
  });
});
