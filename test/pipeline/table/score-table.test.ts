// Real tables nobody here wrote (vega-datasets) against constructed synthetic sets whose effect is known.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../src/core/table/types.ts';
import { createRng } from '../../../src/core/random.ts';
import { scoreTable } from '../../../src/pipeline/table/score-table.ts';
import { concatRows, independentColumns, rowsOf, splitVega } from '../../core/table/fixtures.ts';

const csv = (columns: string[], data: Cell[][]) => {
  const n = data[0].length;
  const rows = Array.from({ length: n }, (_, r) => data.map((col) => col[r] ?? ''));
  return new TextEncoder().encode(Papa.unparse({ fields: columns, data: rows }));
};

function memoryIo(files: Record<string, Uint8Array>) {
  return { readFile: async (p: string) => files[p] ?? Promise.reject(new Error(`no ${p}`)) };
}

const opts = { folds: 5, seed: 0, bootstrap: 200 };

describe('scoreTable on penguins (vega-datasets) with constructed synthetic sets', async () => {
  const s = await splitVega('penguins.json', 1);
  const nh = s.holdout[0].length;
  const rng = createRng(5);
  // copies: half held-out rows, half verbatim real rows
  const half = Math.floor(nh / 2);
  const copies = concatRows(rowsOf(s.holdout, [...Array(nh - half).keys()]), rowsOf(s.real, Array.from({ length: half }, (_, i) => i)));
  // repeats: 40 distinct held-out rows, each repeated to fill the set
  const repeats = rowsOf(s.holdout, Array.from({ length: nh }, (_, i) => i % 40));
  // dropped: held-out rows minus one species, padded with rows of the others
  const sp = s.columns.indexOf('Species');
  const keep = [...Array(nh).keys()].filter((r) => s.holdout[sp][r] !== 'Adelie');
  const dropped = rowsOf(s.holdout, Array.from({ length: nh }, () => keep[rng.int(keep.length)]));
  // decimals: held-out rows with extra decimals on every number
  const decimals = s.holdout.map((col) => col.map((v) => (typeof v === 'number' ? (v + (rng.next() - 0.5) * 0.001).toFixed(6) : v)));
  const files = {
    'real.csv': csv(s.columns, s.real),
    'fresh.csv': csv(s.columns, s.holdout),
    'copies.csv': csv(s.columns, copies),
    'repeats.csv': csv(s.columns, repeats),
    'independent.csv': csv(s.columns, independentColumns(s.holdout, 3)),
    'dropped.csv': csv(s.columns, dropped),
    'decimals.csv': csv(s.columns, decimals),
  };
  const names = ['fresh', 'copies', 'repeats', 'independent', 'dropped', 'decimals'];
  const report = await scoreTable({ real: 'real.csv', synthetic: names.map((name) => ({ name, path: `${name}.csv` })), ...opts }, memoryIo(files));
  const ex = Object.fromEntries(report.experiments.map((e) => [e.name, e]));
  const line = (n: string) => {
    const e = ex[n];
    return `${n}: unrealistic ${e.scores.unrealistic.value.toFixed(3)} unrepresentative ${e.scores.unrepresentative.value.toFixed(3)} unvaried ${e.scores.unvaried.value.toFixed(3)} unoriginal ${e.scores.unoriginal.value.toFixed(3)} auc ${e.auc.value.toFixed(3)}`;
  };
  console.log(names.map(line).join('\n'));

  it('is a table report with per-row paths and the column plan', () => {
    expect(report.modality).toBe('table');
    expect(report.table!.columns.map((c) => c.type)).toEqual(['category', 'category', 'number', 'number', 'number', 'number', 'category']);
    expect(ex.fresh.rows[0].path).toMatch(/^real\.csv#row \d+$/);
    expect(ex.fresh.rows.at(-1)!.path).toMatch(/^fresh\.csv#row \d+$/);
    expect(ex.fresh.table!.columns).toHaveLength(7);
  });
  it('fresh real rows score about 0.5 / 0.5 / 0 / 0', () => {
    const e = ex.fresh;
    expect(e.scores.unrealistic.value).toBeGreaterThan(0.4);
    expect(e.scores.unrealistic.value).toBeLessThan(0.6);
    expect(e.scores.unrepresentative.value).toBeLessThan(0.6);
    expect(e.auc.value).toBeLessThan(0.65);
    expect(e.scores.unvaried.value).toBeLessThan(0.03);
    expect(e.scores.unoriginal.value).toBeLessThan(0.03);
  });
  it('copied rows raise unoriginal', () => {
    expect(ex.copies.scores.unoriginal.value).toBeGreaterThan(0.45);
    expect(ex.copies.counts.exactDuplicatePairs).toBeGreaterThanOrEqual(half);
  });
  it('duplicated synthetic rows raise unvaried', () => {
    expect(ex.repeats.scores.unvaried.value).toBeGreaterThan(0.9);
  });
  it('independently sampled columns raise unrealistic', () => {
    expect(ex.independent.auc.value).toBeGreaterThan(0.8);
    expect(ex.independent.scores.unrealistic.value).toBeGreaterThan(ex.fresh.scores.unrealistic.value + 0.15);
  });
  it('a dropped category raises unrepresentative and shows in the column shape', () => {
    expect(ex.dropped.scores.unrepresentative.value).toBeGreaterThan(ex.fresh.scores.unrepresentative.value + 0.15);
    const species = ex.dropped.table!.columns.find((c) => c.column === 'Species')!;
    expect(species.shape).toBeLessThan(0.7);
  });
  it('extra decimals are a finding, not a detection', () => {
    const f = ex.decimals.table!.findings.filter((x) => x.kind === 'precision');
    expect(f.map((x) => x.column).sort()).toEqual(['Beak Depth (mm)', 'Beak Length (mm)', 'Body Mass (g)', 'Flipper Length (mm)']);
    expect(f.every((x) => x.normalised)).toBe(true);
    expect(ex.decimals.auc.value).toBeLessThan(0.65);
    expect(ex.fresh.table!.findings.filter((x) => x.kind === 'precision')).toEqual([]);
  });

  it('carries SDMetrics\' quality scores in the panel: fresh rows and the real halves score high, independent columns lose pair trends only', () => {
    const q = (e: typeof ex.fresh) => `shapes ${e.panel?.columnShapes?.value.toFixed(3)} pair trends ${e.panel?.columnPairTrends?.value.toFixed(3)}`;
    console.log(['fresh', 'independent', 'dropped'].map((n) => `${n}: ${q(ex[n])}`).join('\n') + `\nreference: ${q(report.reference!)}`);
    for (const e of [...report.experiments, report.reference!]) {
      expect(e.panel!.columnShapes).toMatchObject({ method: 'none', n: e.counts.real + e.counts.synthetic });
      expect(e.panel!.columnShapes!.lo).toBe(e.panel!.columnShapes!.value);
      expect(e.panel!.columnPairTrends!.method).toBe('none');
    }
    expect(report.reference!.panel!.columnShapes!.value).toBeGreaterThanOrEqual(0.85);
    expect(ex.fresh.panel!.columnShapes!.value).toBeGreaterThanOrEqual(0.85);
    expect(ex.fresh.panel!.columnPairTrends!.value).toBeGreaterThanOrEqual(0.75);
    // Shuffling each column on its own keeps the shapes and breaks the pairs.
    expect(Math.abs(ex.independent.panel!.columnShapes!.value - ex.fresh.panel!.columnShapes!.value)).toBeLessThan(0.05);
    expect(ex.independent.panel!.columnPairTrends!.value).toBeLessThan(ex.fresh.panel!.columnPairTrends!.value - 0.1);
    // A dropped species shows in the species column's shape.
    expect(ex.dropped.panel!.columnShapes!.value).toBeLessThan(ex.fresh.panel!.columnShapes!.value);
  });
});

describe('the quality panel on cars (vega-datasets): a second real table', async () => {
  const s = await splitVega('cars.json', 1);
  const files = { 'real.csv': csv(s.columns, s.real), 'fresh.csv': csv(s.columns, s.holdout), 'independent.csv': csv(s.columns, independentColumns(s.holdout, 3)) };
  const report = await scoreTable({ real: 'real.csv', synthetic: ['fresh', 'independent'].map((name) => ({ name, path: `${name}.csv` })), ...opts }, memoryIo(files));
  const [fresh, independent] = report.experiments;

  it('fresh rows and the real halves score high; shuffled columns keep the shapes and lose the pair trends', () => {
    console.log(`cars: fresh ${fresh.panel!.columnShapes!.value.toFixed(3)} / ${fresh.panel!.columnPairTrends!.value.toFixed(3)}, independent ${independent.panel!.columnShapes!.value.toFixed(3)} / ${independent.panel!.columnPairTrends!.value.toFixed(3)}, reference ${report.reference!.panel!.columnShapes!.value.toFixed(3)} / ${report.reference!.panel!.columnPairTrends!.value.toFixed(3)}`);
    expect(fresh.panel!.columnShapes!.value).toBeGreaterThanOrEqual(0.85);
    expect(report.reference!.panel!.columnShapes!.value).toBeGreaterThanOrEqual(0.85);
    expect(Math.abs(independent.panel!.columnShapes!.value - fresh.panel!.columnShapes!.value)).toBeLessThan(0.05);
    expect(independent.panel!.columnPairTrends!.value).toBeLessThan(fresh.panel!.columnPairTrends!.value - 0.1);
  });
});
