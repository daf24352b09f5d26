// Tabular benchmark: rows/s parsed and encoded, detector CV time and peak memory for
// N real + N synthetic rows × 30 columns (20 numbers, 8 categories, 1 date, 1 boolean).
// Usage: npx tsx scripts/bench-table.ts [rows per side = 100000] [trees|logistic]
import Papa from 'papaparse';
import { createRng } from '../src/core/random.ts';
import { planColumns } from '../src/core/table/columns.ts';
import { crossValidateTable } from '../src/core/table/detector.ts';
import { prepareTable } from '../src/core/table/prepare.ts';
import { makeRowDistance, tableNearDuplicates } from '../src/core/table/near-duplicates.ts';
import { rocAuc } from '../src/core/auc.ts';
import { parseTable } from '../src/ingest/table/parse.ts';

const N = Number(process.argv[2] ?? 100_000);
const detector = (process.argv[3] ?? 'trees') as 'trees' | 'logistic';
let peak = 0;
const mem = () => { peak = Math.max(peak, process.memoryUsage().rss); };
const timer = setInterval(mem, 50);

function makeCsv(seed: number, broken: boolean): Uint8Array {
  const rng = createRng(seed);
  const header = [...Array(20).keys()].map((k) => `x${k}`).concat([...Array(8).keys()].map((k) => `c${k}`), ['when', 'flag']);
  const rows: string[][] = [];
  for (let i = 0; i < N; i++) {
    const z = rng.normal();
    const xs = Array.from({ length: 20 }, (_, k) => (k < 5 ? z + 0.5 * rng.normal() : rng.normal() * (k + 1)).toFixed(3));
    // synthetic: the first five numbers lose their shared factor (broken interaction)
    if (broken) for (let k = 0; k < 5; k++) xs[k] = (rng.normal() * Math.SQRT1_2 * 1.58).toFixed(3);
    const cs = Array.from({ length: 8 }, (_, k) => `L${Math.floor(rng.next() * (3 + 2 * k))}`);
    rows.push([...xs, ...cs, new Date(Date.UTC(2020, 0, 1) + rng.int(365) * 86_400_000).toISOString().slice(0, 10), rng.next() < 0.3 ? 'true' : 'false']);
  }
  return new TextEncoder().encode(Papa.unparse({ fields: header, data: rows }));
}

const realBytes = makeCsv(1, false), synthBytes = makeCsv(2, true);
mem();
let t0 = performance.now();
const real = await parseTable(realBytes, 'real.csv');
const synth = await parseTable(synthBytes, 'synth.csv');
const tParse = performance.now() - t0;
t0 = performance.now();
const { plan } = planColumns(real.columns, real.data);
const prep = prepareTable(plan, real.data, synth.data);
const tEncode = performance.now() - t0;
mem();
const n = prep.nReal + prep.nSynth;
t0 = performance.now();
const cv = await crossValidateTable(prep.x, n, prep.encoder.dim, prep.y, { detector, folds: 5, seed: 0 });
const tCv = performance.now() - t0;
mem();
t0 = performance.now();
const both = prep.real.map((r, c) => {
  const s = prep.synth[c];
  if (r.values) { const v = new Float64Array(n); v.set(r.values); v.set(s.values!, prep.nReal); return { ...r, values: v }; }
  const k = new Int32Array(n); k.set(r.codes!); k.set(s.codes!, prep.nReal); return { ...r, codes: k };
});
const nd = tableNearDuplicates(both, prep.nReal, n, makeRowDistance(both, prep.nReal));
const tNd = performance.now() - t0;
clearInterval(timer);
mem();
const mb = (realBytes.length + synthBytes.length) / 1e6;
console.log(JSON.stringify({
  rowsPerSide: N, columns: real.columns.length, features: prep.encoder.dim, csvMB: +mb.toFixed(1),
  parseRowsPerSec: Math.round((2 * N) / (tParse / 1000)), parseMBps: +(mb / (tParse / 1000)).toFixed(1),
  encodeRowsPerSec: Math.round((2 * N) / (tEncode / 1000)),
  detector, cvSeconds: +(tCv / 1000).toFixed(1), treesPerFold: cv.perFold, auc: +rocAuc(cv.p, prep.y).toFixed(3),
  nearDuplicateSeconds: +(tNd / 1000).toFixed(2), nearDuplicateSets: nd.sets.length,
  peakRssMB: Math.round(peak / 1e6), node: process.version,
}, null, 1));
