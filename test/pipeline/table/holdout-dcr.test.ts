// The table run's DCR share with a real holdout (issue 14, docs/panel.md "DCR share on tables"):
// penguins (vega-datasets) cut in three seeded parts: the real (training) set, a holdout the
// "generator" never saw, and a third part of fresh real rows. Copies of training rows sit nearer
// the training rows than the holdout (share near 1); fresh rows sit as near one as the other (0.5).
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createRng, shuffle } from '../../../src/core/random.ts';
import type { Cell } from '../../../src/core/table/types.ts';
import { scoreTable } from '../../../src/pipeline/table/score-table.ts';
import { loadVega, rowsOf } from '../../core/table/fixtures.ts';

const csv = (columns: string[], data: Cell[][]) => {
  const rows = Array.from({ length: data[0].length }, (_, r) => data.map((col) => col[r] ?? ''));
  return new TextEncoder().encode(Papa.unparse({ fields: columns, data: rows }));
};
const memoryIo = (files: Record<string, Uint8Array>) => ({ readFile: async (p: string) => files[p] ?? Promise.reject(new Error(`no ${p}`)) });

describe('the DCR share of a table run with a holdout (penguins)', async () => {
  const t = await loadVega('penguins.json');
  const order = shuffle(Array.from({ length: t.n }, (_, i) => i), createRng(3));
  const third = Math.floor(t.n / 3);
  const [train, holdout, fresh] = [order.slice(0, third), order.slice(third, 2 * third), order.slice(2 * third)].map((rows) => rowsOf(t.data, rows));
  const copies = rowsOf(train, shuffle(Array.from({ length: third }, (_, i) => i), createRng(4)));
  const files = { 'real.csv': csv(t.columns, train), 'holdout.csv': csv(t.columns, holdout), 'fresh.csv': csv(t.columns, fresh), 'copies.csv': csv(t.columns, copies) };
  const report = await scoreTable({
    real: 'real.csv', holdout: 'holdout.csv', synthetic: [{ name: 'fresh', path: 'fresh.csv' }, { name: 'copies', path: 'copies.csv' }], folds: 5, seed: 0, bootstrap: 200,
  }, memoryIo(files));
  const panel = (name: string) => report.experiments.find((e) => e.name === name)!.panel!;
  console.log(`penguins DCR share: copies ${panel('copies').dcrShare?.value.toFixed(3)} (p ${panel('copies').dcrPValue?.toExponential(1)}), fresh ${panel('fresh').dcrShare?.value.toFixed(3)} (p ${panel('fresh').dcrPValue?.toFixed(3)}), reference ${report.reference?.panel?.dcrShare?.value.toFixed(3)}`);

  it('is well above 0.5 for copies of the training rows, and the sign test rejects 0.5', () => {
    expect(panel('copies').dcrShare!.value).toBeGreaterThan(0.9);
    expect(panel('copies').dcrShare!.n).toBe(third);
    expect(panel('copies').dcrPValue!).toBeLessThan(1e-6);
  });

  it('is near 0.5 for fresh real rows, its interval holding 0.5', () => {
    const s = panel('fresh').dcrShare!;
    expect(Math.abs(s.value - 0.5)).toBeLessThan(0.12);
    expect(s.lo).toBeLessThanOrEqual(0.5);
    expect(s.hi).toBeGreaterThanOrEqual(0.5);
    expect(panel('fresh').dcrPValue!).toBeGreaterThan(0.01);
  });

  it('sits beside the quality scores, and the real-vs-real reference has one too', () => {
    expect(panel('fresh').columnShapes).toBeDefined();
    const ref = report.reference!.panel!.dcrShare!;
    expect(ref.lo).toBeLessThanOrEqual(0.5 + 0.1);
    expect(ref.hi).toBeGreaterThanOrEqual(0.5 - 0.1);
  });

  it('is absent without a holdout', async () => {
    const r = await scoreTable({ real: 'real.csv', synthetic: [{ name: 'copies', path: 'copies.csv' }], folds: 5, seed: 0, bootstrap: 100 }, memoryIo(files));
    expect(r.experiments[0].panel!.dcrShare).toBeUndefined();
  });

  it('names the holdout file and the column it lacks', async () => {
    const narrow = csv(t.columns.slice(1), holdout.slice(1));
    await expect(scoreTable({ real: 'real.csv', holdout: 'narrow.csv', synthetic: [{ name: 'fresh', path: 'fresh.csv' }], folds: 5, seed: 0, bootstrap: 100 }, memoryIo({ ...files, 'narrow.csv': narrow })))
      .rejects.toThrow(new RegExp(`holdout \\(narrow\\.csv\\) lacks column "${t.columns[0]}"`));
  });
});
