// The table run calibrates the rule's relative tolerance once on its real set and scores every
// experiment at it (docs/copy-signal-tables.md): on a table whose distinct rows sit 0.5% apart
// (regions × years), a fresh half of the same table is no longer called a copy, while verbatim and
// lightly jittered copies still are.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createRng, shuffle } from '../../../src/core/random.ts';
import type { Cell } from '../../../src/core/table/types.ts';
import { scoreTable } from '../../../src/pipeline/table/score-table.ts';

const csv = (columns: string[], data: Cell[][]) => {
  const rows = Array.from({ length: data[0].length }, (_, r) => data.map((col) => col[r] ?? ''));
  return new TextEncoder().encode(Papa.unparse({ fields: columns, data: rows }));
};
const memoryIo = (files: Record<string, Uint8Array>) => ({ readFile: async (p: string) => files[p] ?? Promise.reject(new Error(`no ${p}`)) });
const opts = { folds: 5, seed: 0, bootstrap: 200 };

/** Rows: region, year, a value growing 0.5% a year (neighbouring years are distinct rows 0.5% apart). */
function growthRows(regions: number, years: number): Cell[][] {
  const rows: Cell[][] = [];
  for (let r = 0; r < regions; r++) for (let y = 0; y < years; y++) rows.push([`region ${r}`, 1900 + y, Math.round(10_000 * (r + 1) * 1.005 ** y)]);
  return rows;
}
const columnsOf = (rows: Cell[][]) => rows[0].map((_, c) => rows.map((r) => r[c]));
const COLUMNS = ['region', 'year', 'value'];

describe('scoreTable calibrates the rule on a table of years whose rows sit 0.5% apart', async () => {
  const rows = shuffle(growthRows(4, 200), createRng(3));
  const real = rows.slice(0, 400), fresh = rows.slice(400);
  const rng = createRng(4);
  // Copies of real rows with the value moved by at most 0.1%, inside the calibrated tolerance.
  const jittered = real.slice(0, 200).map(([g, y, v]) => [g, y, Math.round((v as number) * (1 + (2 * rng.next() - 1) * 0.001))]);
  const files = {
    'real.csv': csv(COLUMNS, columnsOf(real)),
    'fresh.csv': csv(COLUMNS, columnsOf(fresh)),
    'copies.csv': csv(COLUMNS, columnsOf(real.slice(0, 200))),
    'jittered.csv': csv(COLUMNS, columnsOf(jittered)),
  };
  const names = ['fresh', 'copies', 'jittered'];
  const report = await scoreTable({ real: 'real.csv', synthetic: names.map((name) => ({ name, path: `${name}.csv` })), ...opts }, memoryIo(files));
  const ex = Object.fromEntries(report.experiments.map((e) => [e.name, e]));

  it('tightens the tolerance to 0.25% for every experiment and says so in the report', () => {
    for (const e of report.experiments) {
      expect(e.threshold.value).toBe(0.0025);
      expect(e.threshold.source).toBe('table-rule');
      expect(e.table!.duplicateRule).toContain('numbers within 0.25% relative');
      const s = e.threshold.signals![0];
      expect(s).toMatchObject({ signal: 'copy', value: 0.0025, source: 'calibrated', used: true });
      expect(s.calibration!.realRows).toBe(400);
      expect(s.calibration!.falsePairRate).toBeLessThanOrEqual(s.calibration!.targetFalsePairRate);
      expect(s.note).toMatch(/; 1% joined 9\d% of real rows to a distinct real row/);
      // The null: each real row's nearest distinct row is one year away, ~0.5% on the value.
      expect(s.calibration!.null.median).toBeGreaterThan(0.004);
      expect(s.calibration!.null.median).toBeLessThanOrEqual(0.005);
    }
    // The same calibration (once per run) for every experiment.
    expect(ex.copies.threshold).toEqual(ex.fresh.threshold);
  });

  it('a fresh half of the same table scores unoriginal ≤ 0.05 (about 1 at the old 1%)', () => {
    expect(ex.fresh.scores.unoriginal.value).toBeLessThanOrEqual(0.05);
  });

  it('verbatim copies and copies moved by ≤ 0.1% are still caught', () => {
    expect(ex.copies.scores.unoriginal.value).toBeGreaterThan(0.95);
    expect(ex.jittered.scores.unoriginal.value).toBeGreaterThan(0.9);
  });
});

describe('scoreTable with a real set too small to calibrate', async () => {
  const rows = shuffle(growthRows(1, 70), createRng(5));
  const files = { 'real.csv': csv(COLUMNS, columnsOf(rows.slice(0, 30))), 'fresh.csv': csv(COLUMNS, columnsOf(rows.slice(30))) };
  const report = await scoreTable({ real: 'real.csv', synthetic: [{ name: 'fresh', path: 'fresh.csv' }], ...opts }, memoryIo(files));

  it('keeps 1% and says why', () => {
    const t = report.experiments[0].threshold;
    expect(t.value).toBe(0.01);
    expect(t.signals![0]).toMatchObject({ source: 'default', value: 0.01 });
    expect(t.signals![0].note).toMatch(/only 30 real rows \(calibration needs 50\)/);
    expect(report.experiments[0].table!.duplicateRule).toContain('numbers within 1% relative');
  });
});
