import { describe, expect, it } from 'vitest';
import { convertColumns, planColumns, typeConflicts } from '../../../src/core/table/columns.ts';
import { decimalsOf, inferColumnType, parseDate } from '../../../src/core/table/infer.ts';
import { ks } from '../../../src/core/table/column-stats.ts';
import { makeRowDistance, tableNearDuplicates } from '../../../src/core/table/near-duplicates.ts';
import { createRng } from '../../../src/core/random.ts';
import type { Cell, TypedColumn } from '../../../src/core/table/types.ts';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('type inference', () => {
  it('numbers, booleans, dates, categories, identifiers, text, all-missing', () => {
    expect(inferColumnType('x', ['1.5', ' 2', '', 'NA', '.3']).type).toBe('number');
    expect(inferColumnType('b', ['TRUE', 'false', 'yes']).type).toBe('boolean');
    expect(inferColumnType('d', ['2012-01-01', '2012-01-02 10:00']).type).toBe('datetime');
    expect(inferColumnType('d', ['Jun 12 1998', 'Aug 07 1998']).type).toBe('datetime');
    expect(inferColumnType('c', range(100).map((i) => ['a', 'b', 'c'][i % 3])).type).toBe('category');
    expect(inferColumnType('user', range(100).map((i) => `u${i}x`)).type).toBe('identifier');
    expect(inferColumnType('id', range(100).map((i) => 1000 + i)).type).toBe('identifier');
    expect(inferColumnType('value', range(100).map((i) => 1000 + i)).type).toBe('number');
    expect(inferColumnType('t', range(100).map((i) => `a long sentence number ${i} with words`)).type).toBe('text');
    expect(inferColumnType('m', [null, '', 'NA']).type).toBeNull();
    expect(parseDate('2001-01-01T00:01:00.000Z')).toBe(Date.UTC(2001, 0, 1, 0, 1));
    expect([decimalsOf('3.140'), decimalsOf(2.5), decimalsOf(7), decimalsOf('1e-3')]).toEqual([3, 1, 0, 3]);
  });
  it('overrides win; identifiers and all-missing columns are left out with a finding', () => {
    const { plan, findings } = planColumns(['id', 'x', 'm'], [range(30).map((i) => i + 1), range(30).map(String), range(30).map(() => null)], { x: 'category' });
    expect(plan.map((p) => [p.type, p.inDetector])).toEqual([['identifier', false], ['category', true], [null, false]]);
    expect(findings.map((f) => f.kind)).toEqual(['left-out', 'all-missing']);
  });
  it('a column numeric in one set and text in the other is a conflict with examples', () => {
    const { plan } = planColumns(['age'], [range(30).map(String)]);
    const c = typeConflicts(plan, [[...range(28).map(String), 'old', 'young']]);
    expect(c).toHaveLength(1);
    expect(c[0].examples.map((e) => e.value)).toEqual(['old', 'young']);
  });
});

describe('artefacts', () => {
  it('extra decimals, casing, whitespace and date resolution are found and normalised', () => {
    const real: Cell[][] = [range(100).map((i) => (i / 10).toFixed(1)), range(100).map((i) => ['Red', 'Blue'][i % 2]), range(100).map((i) => `2020-01-${String((i % 28) + 1).padStart(2, '0')}`)];
    const synth: Cell[][] = [range(100).map((i) => (i / 10 + 0.0123).toFixed(4)), range(100).map((i) => (i % 4 === 0 ? 'red' : i % 4 === 1 ? ' Blue ' : 'Red')), range(100).map((i) => `2020-01-${String((i % 28) + 1).padStart(2, '0')}T13:45:00`)];
    const { plan } = planColumns(['v', 'colour', 'day'], real);
    const out = convertColumns(plan, real, synth);
    expect(out.findings.map((f) => f.kind).sort()).toEqual(['casing', 'date-format', 'date-resolution', 'precision', 'whitespace']);
    expect(out.synth[0].values![5]).toBeCloseTo(0.5, 10);
    const lv = out.synth[1].levels!;
    expect(new Set(Array.from(out.synth[1].codes!, (k) => lv[k]))).toEqual(new Set(['Red', 'Blue']));
    expect(out.synth[2].values![0] % 86_400_000).toBe(0);
    const raw = convertColumns(plan, real, synth, { normalise: false });
    expect(raw.findings.find((f) => f.kind === 'precision')!.normalised).toBe(false);
    expect(raw.synth[0].values![5]).toBeCloseTo(0.5123, 10);
  });
});

describe('tabular near-duplicates', () => {
  it('numbers within 1%, categories exact, both missing match; sets classify unvaried/unoriginal', () => {
    const num: TypedColumn = { name: 'x', type: 'number', values: Float64Array.from([100, 200, 300, 100.5, 300, 300.2, 500, NaN, NaN]) };
    const cat: TypedColumn = { name: 'c', type: 'category', codes: Int32Array.from([0, 0, 1, 0, 1, 1, 0, 1, 1]), levels: ['a', 'b'] };
    const nReal = 3;
    const dist = makeRowDistance([num, cat], nReal);
    const nd = tableNearDuplicates([num, cat], nReal, 9, dist);
    // real 0 ~ synth 3 (0.5%); real 2 = synth 4 = synth 5 (exact + 0.07%); synth 7 & 8 both missing
    expect(nd.unoriginalRows).toBe(3);
    expect(nd.unvariedRows).toBe(2);
    expect(nd.exactDuplicatePairs).toBe(2);
    expect(nd.sets.map((s) => s.kind)).toEqual(['unoriginal', 'unoriginal', 'unvaried']);
  });
  it('scales: 100,000 rows in well under the O(n²) time', () => {
    const n = 100_000;
    const rng = createRng(1);
    const cols: TypedColumn[] = [
      ...range(5).map((k): TypedColumn => ({ name: `x${k}`, type: 'number', values: Float64Array.from(range(n), () => 50 + 10 * rng.normal()) })),
      { name: 'b', type: 'category', codes: Int32Array.from(range(n), (i) => i % 10), levels: range(10).map(String) },
    ];
    // 100 synthetic rows are verbatim copies of real rows.
    for (const c of cols) for (let t = 0; t < 100; t++) (c.values ?? c.codes!)[n / 2 + t] = (c.values ?? c.codes!)[t];
    const t0 = performance.now();
    const nd = tableNearDuplicates(cols, n / 2, n, makeRowDistance(cols, n / 2));
    expect(performance.now() - t0).toBeLessThan(15_000); // ~2 s here; all pairs would be 5·10⁹ comparisons
    expect(nd.unoriginalRows).toBeGreaterThanOrEqual(100); // plus a few chance matches within 1% on all five columns
    expect(nd.unoriginalRows).toBeLessThan(130);
    expect(nd.exactDuplicatePairs).toBe(100);
  });
  it('KS statistic', () => {
    expect(ks(Float64Array.from([1, 2, 3]), Float64Array.from([1, 2, 3]))).toBe(0);
    expect(ks(Float64Array.from([1, 2]), Float64Array.from([3, 4]))).toBe(1);
  });
});
