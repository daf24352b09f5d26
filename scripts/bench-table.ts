// Tabular benchmark: rows/s parsed and encoded, detector CV time and peak memory for
// N real + N synthetic rows × 30 columns (20 numbers, 8 categories, 1 date, 1 boolean).
// Usage: npx tsx scripts/bench-table.ts [rows per side = 100000] [trees|logistic] [--baseline REV]
// --baseline REV: the same data through src/core as committed at REV (git archive into
// node_modules/.cache), then through the working tree, each in its own Node process (so each has
// its own peak RSS), and the ratios; equal xDigest / pDigest = identical features / detector outputs.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { parseTable } from '../src/ingest/table/parse.ts';

const args = process.argv.slice(2);
const flag = (name: string) => { const k = args.indexOf(name); return k >= 0 ? args.splice(k, 2)[1] : undefined; };
const baseline = flag('--baseline'), coreDir = flag('--core');
const N = Number(args[0] ?? 100_000);
const detector = (args[1] ?? 'trees') as 'trees' | 'logistic';

if (baseline) {
  const dir = resolve(`node_modules/.cache/bench-table-baseline/${baseline.replace(/[^\w.-]/g, '_')}`);
  mkdirSync(dir, { recursive: true });
  const archive = spawnSync('sh', ['-c', `git archive ${JSON.stringify(baseline)} src/core | tar -x -C ${JSON.stringify(dir)}`], { stdio: 'inherit' });
  if (archive.status !== 0) throw new Error(`bench-table: cannot export src/core at ${baseline}`);
  const run = (core: string | null) => {
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], String(N), detector, ...(core ? ['--core', core] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`bench-table: run with ${core ?? 'the working tree'} failed`);
    return JSON.parse(child.stdout) as Record<string, number | string>;
  };
  const before = run(`${dir}/src/core`), after = run(null);
  const ratio = (k: string, invert = false) => +((invert ? +before[k] / +after[k] : +after[k] / +before[k])).toFixed(2);
  console.log(JSON.stringify({
    baseline, before, after,
    encodeSpeedup: ratio('encodeRowsPerSec'), encodeCpuSpeedup: ratio('encodeRowsPerCpuSec'),
    cvSpeedup: ratio('cvSeconds', true), cvCpuSpeedup: ratio('cvCpuSeconds', true), peakRssRatio: ratio('peakRssMB'),
    identicalFeatures: before.xDigest === after.xDigest, identicalDetectorOutput: before.pDigest === after.pDigest,
  }, null, 1));
  process.exit(0);
}

const core = coreDir ?? resolve('src/core');
const { createRng } = await import(`${core}/random.ts`);
const { planColumns } = await import(`${core}/table/columns.ts`);
const { crossValidateTable } = await import(`${core}/table/detector.ts`);
const { prepareTable } = await import(`${core}/table/prepare.ts`);
const { makeRowDistance, tableNearDuplicates } = await import(`${core}/table/near-duplicates.ts`);
const { rocAuc } = await import(`${core}/auc.ts`);

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

const digest = (a: Float32Array | Float64Array) => createHash('sha256').update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest('hex').slice(0, 16);

const realBytes = makeCsv(1, false), synthBytes = makeCsv(2, true);
let t0 = performance.now();
const real = await parseTable(realBytes, 'real.csv');
const synth = await parseTable(synthBytes, 'synth.csv');
const tParse = performance.now() - t0;
const rssParsed = process.memoryUsage().rss;
let c0 = process.cpuUsage();
const cpuSince = (c: NodeJS.CpuUsage) => { const u = process.cpuUsage(c); return (u.user + u.system) / 1e6; };
t0 = performance.now();
const { plan } = planColumns(real.columns, real.data);
const prep = prepareTable(plan, real.data, synth.data);
const tEncode = performance.now() - t0, cEncode = cpuSince(c0);
const n = prep.nReal + prep.nSynth;
t0 = performance.now();
c0 = process.cpuUsage();
const cv = await crossValidateTable(prep.x, n, prep.encoder.dim, prep.y, { detector, folds: 5, seed: 0 });
const tCv = performance.now() - t0, cCv = cpuSince(c0);
t0 = performance.now();
const both = prep.real.map((r: { values?: Float64Array; codes?: Int32Array }, c: number) => {
  const s = prep.synth[c];
  if (r.values) { const v = new Float64Array(n); v.set(r.values); v.set(s.values!, prep.nReal); return { ...r, values: v }; }
  const k = new Int32Array(n); k.set(r.codes!); k.set(s.codes!, prep.nReal); return { ...r, codes: k };
});
const nd = tableNearDuplicates(both, prep.nReal, n, makeRowDistance(both, prep.nReal));
const tNd = performance.now() - t0;
const mb = (realBytes.length + synthBytes.length) / 1e6;
console.log(JSON.stringify({
  rowsPerSide: N, columns: real.columns.length, features: prep.encoder.dim, csvMB: +mb.toFixed(1),
  parseRowsPerSec: Math.round((2 * N) / (tParse / 1000)), parseMBps: +(mb / (tParse / 1000)).toFixed(1),
  // Wall clock, and per CPU second (steadier when other processes share the cores).
  encodeRowsPerSec: Math.round((2 * N) / (tEncode / 1000)), encodeRowsPerCpuSec: Math.round((2 * N) / cEncode),
  detector, cvSeconds: +(tCv / 1000).toFixed(1), cvCpuSeconds: +cCv.toFixed(1), treesPerFold: cv.perFold, auc: +rocAuc(cv.p, prep.y).toFixed(3),
  xDigest: digest(prep.x), pDigest: digest(cv.p),
  nearDuplicateSeconds: +(tNd / 1000).toFixed(2), nearDuplicateSets: nd.sets.length,
  // Peak resident memory of the whole run (the parsed cells dominate) and the resident size once parsed.
  peakRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / 1e6), parsedRssMB: Math.round(rssParsed / 1e6),
  core: coreDir ? 'baseline' : 'working tree', node: process.version,
}, null, 1));
