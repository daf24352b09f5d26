// The rule's relative tolerance calibrated on the real set (docs/copy-signal-tables.md): tables whose
// genuinely distinct rows sit within 1% get a tighter tolerance, so an honest sample is not called a
// copy; measurement-like tables keep 1% and still catch jittered copies.
import { describe, expect, it } from 'vitest';
import { FALSE_PAIR_RATE } from '../../../src/core/calibrate.ts';
import { planColumns } from '../../../src/core/table/columns.ts';
import { makeRowDistance, RELATIVE_TOLERANCE, tableNearDuplicates } from '../../../src/core/table/near-duplicates.ts';
import { realVsReal } from '../../../src/core/table/rule-calibration.ts';
import { calibrateTableTolerance, nearestDistinctTolerances, TOLERANCE_LADDER } from '../../../src/core/table/tolerance-calibration.ts';
import type { Cell, TypedColumn } from '../../../src/core/table/types.ts';
import { loadVega } from './fixtures.ts';

/** Regions × years, with a value growing `growth` per year: neighbouring years are distinct rows `growth` apart. */
function growthTable(growth: number, regions = 4, years = 100): { columns: string[]; data: Cell[][] } {
  const data: Cell[][] = [[], [], []];
  for (let r = 0; r < regions; r++) {
    for (let y = 0; y < years; y++) {
      data[0].push(`region ${r}`);
      data[1].push(String(1900 + y));
      data[2].push(String(Math.round(10_000 * (r + 1) * (1 + growth) ** y)));
    }
  }
  return { columns: ['region', 'year', 'value'], data };
}

const calibrate = (t: { columns: string[]; data: Cell[][] }) => {
  const { plan } = planColumns(t.columns, t.data);
  return calibrateTableTolerance({ plan, real: t.data }, { seed: 1 });
};

describe('calibrateTableTolerance on constructed tables', () => {
  it('distinct rows 0.5% apart: the rule tightens to 0.25%, where no real row is joined to a distinct one', () => {
    const c = calibrate(growthTable(0.005));
    expect(c.calibrated).toBe(true);
    expect(c.steps.map((s) => s.tolerance)).toEqual([0.01, 0.005, 0.0025]);
    expect(c.steps[0].falsePairRate).toBeGreaterThan(0.9);
    expect(c.tolerance).toBe(0.0025);
    expect(c.rule.falsePairRate).toBeLessThanOrEqual(FALSE_PAIR_RATE);
    // Every row's nearest distinct row is one year away, 0.5% on the value (the year moves ~0.05%).
    expect(c.null.n).toBe(400);
    expect(c.null.median).toBeGreaterThan(0.0045);
    expect(c.null.median).toBeLessThanOrEqual(0.005);
  });

  it('the same rows 5% apart keep 1%, and every jittered copy is caught', () => {
    const c = calibrate(growthTable(0.05));
    expect(c.tolerance).toBe(RELATIVE_TOLERANCE);
    expect(c.steps).toHaveLength(1);
    expect(c.rule.caughtByKind['jitter-all']).toBe(1);
    expect(c.copies.p99).toBeLessThanOrEqual(0.0051);
  });

  it('rows identical in every compared column are exact duplicates, not false pairs: 1% is kept', () => {
    const t = growthTable(0.05);
    const doubled = t.data.map((col) => [...col, ...col]);
    const c = calibrate({ columns: t.columns, data: doubled });
    expect(c.tolerance).toBe(RELATIVE_TOLERANCE);
    expect(c.rule.nullSummary.exactDuplicateRows).toBe(800);
  });

  it('codes one unit apart fail every tolerance but 0: numbers must then be equal, and still nothing distinct is joined', () => {
    const zip = Array.from({ length: 300 }, (_, i) => String(90_000 + i));
    const c = calibrate({ columns: ['zip', 'kind'], data: [zip, zip.map(() => 'x')] });
    expect(c.tolerance).toBe(0);
    expect(c.steps).toHaveLength(TOLERANCE_LADDER.length);
    expect(c.rule.falsePairRate).toBe(0);
  });

  it(`keeps 1% and says so when the real set is too small`, () => {
    const t = growthTable(0.005, 1, 30);
    const c = calibrate(t);
    expect(c.calibrated).toBe(false);
    expect(c.tolerance).toBe(RELATIVE_TOLERANCE);
    expect(c.reason).toMatch(/only 30 real rows/);
    expect(c.rule.falsePairRate).toBeGreaterThan(0.9);
  });

  it('real vs real halves of the 0.5% table: ~all joined at 1%, none at the calibrated tolerance', () => {
    const t = growthTable(0.005);
    const tol = calibrate(t).tolerance;
    expect(realVsReal(t, { seed: 1 }).joinedShare).toBeGreaterThan(0.8);
    expect(realVsReal(t, { seed: 1, tolerance: tol }).joinedShare).toBeLessThanOrEqual(0.05);
  });
});

describe('tableNearDuplicates tolerance', () => {
  it('joins two rows 0.4% apart at the default 1% and at 0.5%, not at 0.25%', () => {
    const col: TypedColumn = { name: 'x', type: 'number', values: Float64Array.from([1000, 1004, 5000]) } as TypedColumn;
    const sets = (t?: number) => tableNearDuplicates([col], 3, 3, makeRowDistance([col], 3), undefined, t).sets.length;
    expect(sets()).toBe(1);
    expect(sets(0.005)).toBe(1);
    expect(sets(0.0025)).toBe(0);
  });

  it('nearestDistinctTolerances: per row the smallest tolerance that pairs it with a distinct row', () => {
    const t = { columns: ['x'], data: [['1000', '1004', '1004', '5000']] as Cell[][] };
    const { plan } = planColumns(t.columns, t.data);
    const d = nearestDistinctTolerances({ plan, real: t.data });
    expect(d[0]).toBeCloseTo(4 / 1004, 10);
    expect(d[1]).toBeCloseTo(4 / 1004, 10); // its identical twin is an exact duplicate, not a neighbour
    expect(d[3]).toBe(Infinity);
  });
});

describe('calibrateTableTolerance on vega-datasets', () => {
  for (const file of ['cars.json', 'gapminder.json', 'movies.json']) {
    it(`${file}: keeps 1% and catches ≥ 90% of jittered copies`, async () => {
      const t = await loadVega(file);
      const c = calibrate(t);
      expect(c.tolerance).toBe(RELATIVE_TOLERANCE);
      expect(c.rule.catchRate).toBeGreaterThanOrEqual(0.9);
      expect(c.rule.caughtByKind['jitter-all']).toBeGreaterThanOrEqual(0.9);
    });
  }

  it('penguins.json: 4 pairs of distinct birds within 1% (2.3% of rows) tighten it to 0.5%', async () => {
    const c = calibrate(await loadVega('penguins.json'));
    expect(c.steps[0].falsePairRate).toBeGreaterThan(FALSE_PAIR_RATE);
    expect(c.tolerance).toBe(0.005);
    expect(c.rule.falsePairRate).toBeLessThanOrEqual(FALSE_PAIR_RATE);
  });

  for (const [file, tighter] of [['jobs.json', 0.005], ['global-temp.csv', 0.005]] as const) {
    it(`${file} (years): a tighter tolerance, and real-vs-real halves score unoriginal ≤ 0.05 at it`, async () => {
      const t = await loadVega(file);
      const c = calibrate(t);
      expect(c.tolerance).toBeLessThan(tighter);
      expect(realVsReal(t, { seed: 1 }).joinedShare).toBeGreaterThan(0.1);
      expect(realVsReal(t, { seed: 1, tolerance: c.tolerance }).joinedShare).toBeLessThanOrEqual(0.05);
    });
  }
});
