// Issue 13 through the table pipeline, on real tables nobody here wrote (vega-datasets): every pair
// of synthetic sets is compared score by score, and two halves of the real set give the reference.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core/table/types.ts';
import { createRng, shuffle } from '../../src/core/random.ts';
import { scoreTable } from '../../src/pipeline/table/score-table.ts';
import { loadVega, rowsOf } from '../core/table/fixtures.ts';
import type { ProgressEvent } from '../../src/core/progress.ts';

const csv = (columns: string[], data: Cell[][]) =>
  new TextEncoder().encode(Papa.unparse({ fields: columns, data: Array.from({ length: data[0].length }, (_, r) => data.map((col) => col[r] ?? '')) }));
const memoryIo = (files: Record<string, Uint8Array>) => ({ readFile: async (p: string) => files[p] ?? Promise.reject(new Error(`no ${p}`)) });

/** The table shuffled and cut in four: real (half), two fresh quarters, and a quarter without `dropped`'s classes. */
async function scenario(file: string, label: string, dropped: string[]) {
  const t = await loadVega(file);
  const c = t.columns.indexOf(label);
  const order = shuffle([...Array(t.n).keys()].filter((r) => t.data[c][r] !== null), createRng(3));
  const q = order.length >> 2;
  const real = order.slice(0, 2 * q), one = order.slice(2 * q, 3 * q), two = order.slice(3 * q);
  const fewer = two.filter((r) => !dropped.includes(String(t.data[c][r])));
  const files = {
    'real.csv': csv(t.columns, rowsOf(t.data, real)),
    'fresh-1.csv': csv(t.columns, rowsOf(t.data, one)),
    'fresh-2.csv': csv(t.columns, rowsOf(t.data, two)),
    'dropped.csv': csv(t.columns, rowsOf(t.data, fewer)),
  };
  const stages: string[] = [];
  const report = await scoreTable(
    { real: 'real.csv', synthetic: ['fresh-1', 'fresh-2', 'dropped'].map((name) => ({ name, path: `${name}.csv` })), labelColumn: label, folds: 5, seed: 0, bootstrap: 400 },
    memoryIo(files),
    { onProgress: (e: ProgressEvent) => { if (e.status === 'initiate') stages.push(e.stage); } },
  );
  return { report, stages };
}

for (const [file, label, dropped] of [['seattle-weather.csv', 'weather', ['rain']], ['penguins.json', 'Species', ['Adelie']]] as const) {
  describe(`paired comparisons and the reference on ${file}`, async () => {
    const { report, stages } = await scenario(file, label, [...dropped]);
    const between = (a: string, b: string) => report.comparisons!.filter((c) => c.a === a && c.b === b);
    console.log(report.comparisons!.map((c) => c.text).join('\n'));

    it('compares every pair of synthetic sets on all four scores, never the reference', () => {
      expect(report.comparisons).toHaveLength(3 * 4);
      expect(report.comparisons!.every((c) => c.a !== 'real vs real' && c.b !== 'real vs real')).toBe(true);
    });
    it('two sets drawn from one distribution: no difference detected on any score', () => {
      const same = between('fresh-1', 'fresh-2');
      expect(same.map((c) => c.score).sort()).toEqual(['unoriginal', 'unrealistic', 'unrepresentative', 'unvaried']);
      for (const c of same) expect(c.verdict, c.text).toBe('no difference detected');
    });
    it('a set with dropped classes against a fresh one: unrepresentative higher', () => {
      const c = between('fresh-1', 'dropped').find((x) => x.score === 'unrepresentative')!;
      expect(c.verdict, c.text).toBe('higher');
      expect(c.difference.lo).toBeGreaterThan(0);
      expect(c.text).toMatch(/^dropped: unrepresentative higher than fresh-1 by /);
    });
    it('the reference scores two real halves as indistinguishable, after the experiments', () => {
      const ref = report.reference!;
      expect(ref.name).toBe('real vs real');
      expect(Math.abs(ref.scores.unrealistic.value - 0.5)).toBeLessThan(0.05);
      expect(Math.abs(ref.scores.unrepresentative.value - 0.5)).toBeLessThan(0.05);
      expect(ref.scores.unvaried.value).toBeLessThanOrEqual(0.05);
      expect(ref.scores.unoriginal.value).toBeLessThanOrEqual(0.05);
      // Halves of the real set, stratified by class: each half has about half of every class.
      expect(ref.counts.real + ref.counts.synthetic).toBe(report.real.count);
      expect(Math.abs(ref.counts.real - ref.counts.synthetic)).toBeLessThanOrEqual(Object.keys(report.real.classes!).length);
      expect(ref.threshold).toEqual(report.experiments[0].threshold);
      expect(report.experiments.map((e) => e.name)).toEqual(['fresh-1', 'fresh-2', 'dropped']);
      expect(stages.indexOf('reference')).toBeGreaterThan(stages.indexOf('dropped: detector'));
      expect(stages).toContain('reference: detector');
    });
  });
}

it('skips the reference with a warning when a half of the real set would be too small', async () => {
  const t = await loadVega('penguins.json');
  const rows = [...Array(t.n).keys()].filter((r) => t.data.every((col) => col[r] !== null));
  const files = { 'real.csv': csv(t.columns, rowsOf(t.data, rows.slice(0, 30))), 'synth.csv': csv(t.columns, rowsOf(t.data, rows.slice(30, 90))) };
  const report = await scoreTable({ real: 'real.csv', synthetic: [{ name: 'synth', path: 'synth.csv' }], bootstrap: 100 }, memoryIo(files));
  expect(report.reference).toBeUndefined();
  expect(report.comparisons).toEqual([]);
  expect(report.warnings?.some((w) => /real-vs-real reference was not computed: half of the real set is 15 rows/.test(w))).toBe(true);
});
