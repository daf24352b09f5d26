// The seed-spread check of docs/uncertainty.md §4 on two real tables (vega-datasets) through the
// table pipeline (scoreTable, default trees detector, in-memory files): each score over seeds
// against the reported 95% interval's half-width at seed 0.
//   npx tsx scripts/measure/seed-spread-tables.ts               # seeds 0..9
//   npx tsx scripts/measure/seed-spread-tables.ts --seeds 5     # seeds 0..4
// Each table's rows are shuffled once (fixed seed) and cut in two: the real half, and a fresh
// disjoint half scored as synthetic ("fresh"); "dropped" is that fresh half without one class.
// The data are fixed; only the run's seed (folds, repeats, resamples, bootstrap) changes.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { createRng, shuffle } from '../../src/core/random.ts';
import type { Cell } from '../../src/core/table/types.ts';
import { parseTable } from '../../src/ingest/table/parse.ts';
import { scoreTable } from '../../src/pipeline/table/score-table.ts';
import type { Estimate } from '../../src/report/schema.ts';

const VEGA = 'node_modules/vega-datasets/data';
const arg = (name: string, dflt: number) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const seeds = arg('--seeds', 10);

/** Which class each table's "dropped" set loses (the larger classes, so the effect is plain). */
const TABLES = [
  { file: 'penguins.json', column: 'Species', drop: 'Adelie' },
  { file: 'seattle-weather.csv', column: 'weather', drop: 'rain' },
];

const csv = (columns: string[], data: Cell[][]) =>
  new TextEncoder().encode(Papa.unparse({ fields: columns, data: Array.from({ length: data[0].length }, (_, r) => data.map((col) => col[r] ?? '')) }));

async function halves(file: string, column: string, drop: string) {
  const t = await parseTable(readFileSync(`${VEGA}/${file}`), file);
  const order = shuffle(Array.from({ length: t.nRows }, (_, i) => i), createRng(1));
  const cut = Math.round(t.nRows / 2), c = t.columns.indexOf(column);
  const take = (rows: number[]) => t.data.map((col) => rows.map((r) => col[r]));
  const fresh = order.slice(cut);
  return {
    'real.csv': csv(t.columns, take(order.slice(0, cut))),
    'fresh.csv': csv(t.columns, take(fresh)),
    'dropped.csv': csv(t.columns, take(fresh.filter((r) => t.data[c][r] !== drop))),
  } as Record<string, Uint8Array>;
}

const SCORES = ['unrealistic', 'unrepresentative', 'auc', 'unvaried', 'unoriginal'] as const;
console.log(`vega tables through scoreTable (trees detector, defaults), seeds 0..${seeds - 1}`);
console.log('| table | case | score | min over seeds | max | spread | half-width (seed 0) | spread < half-width | half-width, min–max over seeds |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const { file, column, drop } of TABLES) {
  const files = await halves(file, column, drop);
  const io = { readFile: async (p: string) => files[p] ?? Promise.reject(new Error(`no ${p}`)) };
  const runs: Record<string, Record<string, Estimate>>[] = [];
  const t0 = performance.now();
  for (let seed = 0; seed < seeds; seed++) {
    const report = await scoreTable({ real: 'real.csv', synthetic: [{ name: 'fresh', path: 'fresh.csv' }, { name: 'dropped', path: 'dropped.csv' }], seed }, io);
    runs.push(Object.fromEntries(report.experiments.map((e) => [e.name, { ...e.scores, auc: e.auc }])));
  }
  for (const name of ['fresh', 'dropped']) {
    for (const score of SCORES) {
      const v = runs.map((r) => r[name][score].value), lo = Math.min(...v), hi = Math.max(...v);
      const widths = runs.map((r) => (r[name][score].hi - r[name][score].lo) / 2), half = widths[0];
      const label = name === 'dropped' ? `dropped (no ${drop})` : 'fresh half';
      console.log(`| ${file} | ${label} | ${score} | ${lo.toFixed(3)} | ${hi.toFixed(3)} | ${(hi - lo).toFixed(4)} | ${half.toFixed(4)} | ${hi - lo < half || hi === lo ? 'yes' : '**no**'} | ${Math.min(...widths).toFixed(4)}–${Math.max(...widths).toFixed(4)} |`);
    }
  }
  console.log(`${file}: ${((performance.now() - t0) / 1000 / seeds).toFixed(1)} s per run (both sets and the reference)`);
}
