// The calibration report of the tabular all-columns rule (docs/copy-signal-tables.md): on real
// tables nobody here wrote, few real rows are joined to a distinct real row and light copies are
// caught; on a table of genuinely distinct rows that differ in one number by < 1%, the report says
// the rule would call them copies.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/random.ts';
import { planColumns } from '../../../src/core/table/columns.ts';
import { editableColumns, editRow, LIGHT_JITTER } from '../../../src/core/table/row-edits.ts';
import { calibrateTableRule, realVsReal } from '../../../src/core/table/rule-calibration.ts';
import type { Cell } from '../../../src/core/table/types.ts';
import { loadVega } from './fixtures.ts';

async function calibrateVega(file: string) {
  const t = await loadVega(file);
  const { plan } = planColumns(t.columns, t.data);
  return calibrateTableRule({ plan, real: t.data }, { seed: 1 });
}

describe('calibrateTableRule on vega-datasets', () => {
  for (const file of ['penguins.json', 'cars.json']) {
    it(`${file}: few real rows joined to a distinct row; jittered copies caught, 2% copies not`, async () => {
      const c = await calibrateVega(file);
      expect(c.sampled).toBe(200);
      expect(c.falsePairRate).toBeLessThan(0.05);
      expect(c.caughtByKind['jitter-all']).toBeGreaterThanOrEqual(0.9);
      expect(c.caughtByKind['jitter-one']).toBeGreaterThanOrEqual(0.9);
      expect(c.catchRate).toBeGreaterThanOrEqual(0.9);
      expect(c.byKind['jitter-all'].changed).toBeGreaterThan(150);
      // The control is beyond the 1% tolerance: a rule that caught it would be looser than documented.
      expect(c.caughtByKind['jitter-all-2pct']).toBeLessThan(0.1);
    });
  }

  it('real vs real: a fresh half of penguins is hardly ever joined to the other half', async () => {
    const t = await loadVega('penguins.json');
    const r = realVsReal(t, { seed: 1 });
    expect(r.nReal + r.nOther).toBe(t.n);
    expect(r.joinedShare).toBeLessThan(0.05);
  });
});

/** Stations whose rows repeat every column but the reading; readings step by `step` around 20. */
function stationTable(step: number, stations = 20, perStation = 10): { columns: string[]; data: Cell[][] } {
  const data: Cell[][] = [[], [], [], []];
  for (let s = 0; s < stations; s++) {
    for (let k = 0; k < perStation; k++) {
      data[0].push(`station ${s}`);
      data[1].push(s % 2 ? 'north' : 'south');
      data[2].push(String(100 + 10 * s));
      data[3].push((20 + k * step).toFixed(2));
    }
  }
  return { columns: ['station', 'region', 'altitude', 'reading'], data };
}

describe('calibrateTableRule on constructed tables', () => {
  it('rows identical but for one number within 1% are reported as false pairs', () => {
    const t = stationTable(0.1); // 0.1 / 20 = 0.5% apart
    const { plan } = planColumns(t.columns, t.data, { station: 'category' });
    const c = calibrateTableRule({ plan, real: t.data }, { seed: 3 });
    expect(c.falsePairRate).toBeGreaterThan(0.9);
    expect(c.nullSummary.exactDuplicateRows).toBe(0);
  });

  it('the same rows 5% apart are not', () => {
    const t = stationTable(1); // 1 / 20 = 5% apart
    const { plan } = planColumns(t.columns, t.data, { station: 'category' });
    expect(calibrateTableRule({ plan, real: t.data }, { seed: 3 }).falsePairRate).toBe(0);
  });

  it('exact duplicate rows are genuine duplicates, not false pairs', () => {
    const t = stationTable(1);
    const doubled = t.data.map((col) => [...col, ...col.slice(0, 50)]);
    const { plan } = planColumns(t.columns, doubled, { station: 'category' });
    const c = calibrateTableRule({ plan, real: doubled }, { seed: 3 });
    expect(c.falsePairRate).toBe(0);
    expect(c.nullSummary.exactDuplicateRows).toBe(100);
  });
});

describe('editRow', () => {
  const columns = ['kind', 'length', 'mass'];
  const data: Cell[][] = [['a', 'b', 'a'], ['12.5', '13.25', '11'], [3000, 4100, 0]];
  const { plan } = planColumns(columns, data);
  const cols = editableColumns(plan, data);

  it('jitters every number by at most 0.5% and leaves categories alone, the same way for one seed', () => {
    const row = [data[0][1], data[1][1], data[2][1]];
    const a = editRow(row, cols, 'jitter-all', createRng(5)), b = editRow(row, cols, 'jitter-all', createRng(5));
    expect(a).toEqual(b);
    expect(a[0]).toBe('b');
    expect(Math.abs((a[1] as number) / 13.25 - 1)).toBeLessThanOrEqual(LIGHT_JITTER);
    expect(Math.abs((a[2] as number) / 4100 - 1)).toBeLessThanOrEqual(LIGHT_JITTER);
    expect(a[1]).not.toBe(13.25);
  });

  it('round-coarser writes one decimal fewer than the column is written in', () => {
    expect(cols.map((c) => c.decimals)).toEqual([0, 2, 0]);
    expect(editRow([data[0][1], data[1][1], data[2][1]], cols, 'round-coarser', createRng(1))).toEqual(['b', 13.3, 4100]);
  });
});
