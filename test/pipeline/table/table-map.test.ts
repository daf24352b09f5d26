// The 2-D map of a table run (penguins, vega-datasets): a stratified subsample of encoded rows whose
// cells the report keeps, and a map that puts a shifted synthetic set apart from the real rows while
// a fresh one mixes with them.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Experiment } from '../../../src/report/schema.ts';
import type { Cell } from '../../../src/core/table/types.ts';
import { scoreTable } from '../../../src/pipeline/table/score-table.ts';
import { splitVega } from '../../core/table/fixtures.ts';

const csv = (columns: string[], data: Cell[][]) =>
  new TextEncoder().encode(Papa.unparse({ fields: columns, data: Array.from({ length: data[0].length }, (_, r) => data.map((c) => c[r] ?? '')) }));

/** Share of each point's 5 nearest map neighbours on its own side (0.5 ≈ mixed, 1 = apart). */
function sameSideShare(ex: Experiment): number {
  const m = ex.map!;
  const n = m.rows.length;
  let same = 0;
  for (let i = 0; i < n; i++) {
    const d = Array.from({ length: n }, (_, j) => ({ j, d: j === i ? Infinity : (m.xy[2 * i] - m.xy[2 * j]) ** 2 + (m.xy[2 * i + 1] - m.xy[2 * j + 1]) ** 2 }));
    d.sort((a, b) => a.d - b.d);
    for (const { j } of d.slice(0, 5)) if (ex.rows[m.rows[j]].side === ex.rows[m.rows[i]].side) same++;
  }
  return same / (5 * n);
}

describe('table map', async () => {
  const s = await splitVega('penguins.json', 1);
  const shift = (name: string, f: number) => (col: Cell[], c: number) => (s.columns[c] === name ? col.map((v) => (v === null ? null : Math.round(Number(v) * f))) : col);
  const shifted = s.holdout.map(shift('Flipper Length (mm)', 1.4)).map(shift('Body Mass (g)', 1.5));
  const files: Record<string, Uint8Array> = { 'real.csv': csv(s.columns, s.real), 'fresh.csv': csv(s.columns, s.holdout), 'shifted.csv': csv(s.columns, shifted) };
  const report = await scoreTable({
    real: 'real.csv', synthetic: [{ name: 'fresh', path: 'fresh.csv' }, { name: 'shifted', path: 'shifted.csv' }],
    folds: 5, seed: 0, bootstrap: 50, map: { maxPoints: 200 },
  }, { readFile: async (p) => files[p] });
  const [fresh, shiftedEx] = report.experiments;

  it('maps a stratified subsample of at most maxPoints rows, each with its cells in the report', () => {
    const m = fresh.map!;
    expect(m.rows.length).toBe(200);
    expect(m.total).toBe(fresh.rows.length);
    expect(new Set(m.rows).size).toBe(200);
    const sides = m.rows.map((r) => fresh.rows[r].side);
    expect(sides.filter((x) => x === 'synthetic').length).toBeGreaterThan(70);
    expect(sides.filter((x) => x === 'real').length).toBeGreaterThan(70);
    const withCells = new Set(fresh.table!.rowCells!.rows.map((r) => r.index));
    for (const r of m.rows) expect(withCells.has(r)).toBe(true);
    for (const v of m.xy) expect(v >= 0 && v <= 1).toBe(true);
  });

  it('puts a shifted synthetic set apart and mixes a fresh one in', () => {
    const a = sameSideShare(fresh), b = sameSideShare(shiftedEx);
    console.info(`same-side share of 5 map neighbours: fresh ${a.toFixed(3)}, shifted ${b.toFixed(3)}`);
    expect(a).toBeLessThan(0.65);
    expect(b).toBeGreaterThan(a + 0.15);
  });

  it('is left out when not asked for (the CLI)', async () => {
    const plain = await scoreTable({ real: 'real.csv', synthetic: [{ name: 'fresh', path: 'fresh.csv' }], folds: 5, seed: 0, bootstrap: 50 }, { readFile: async (p) => files[p] });
    expect(plain.experiments[0].map).toBeUndefined();
  });
});
