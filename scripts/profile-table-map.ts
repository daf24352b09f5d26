// Where the table map's time goes: the encoded rows of a real table and a jittered copy (vega-datasets
// penguins, cars) and of a synthetic 2,500 + 2,500-row table (20 numbers, 8 categories), then
// tableMap end to end, and computeMap's stages one by one: kNN, then the UMAP fit by umap-js
// (its graph, its epochs) and by src/core/umap-layout.ts on the same graph and random stream.
// Usage: npx tsx scripts/profile-table-map.ts [rows per side of the synthetic table = 2500]
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { UMAP } from 'umap-js';
import { jsGemm } from '../src/core/gemm.ts';
import { knnCosine } from '../src/core/knn.ts';
import { UmapLayout } from '../src/core/umap-layout.ts';
import { normaliseRows } from '../src/core/normalise.ts';
import { createRng } from '../src/core/random.ts';
import type { Experiment } from '../src/report/schema.ts';
import type { Cell } from '../src/core/table/types.ts';
import { prepareTable } from '../src/core/table/prepare.ts';
import { alignSchemas } from '../src/pipeline/table/schema.ts';
import { tableMap } from '../src/pipeline/table/table-map.ts';
import { parseTable } from '../src/ingest/table/parse.ts';

const N = Number(process.argv[2] ?? 2500);
const enc = new TextEncoder();
const ms = (t: number) => Math.round(performance.now() - t);
// CPU milliseconds of this process since c (steadier than wall time on a shared machine).
const cpu = (c: NodeJS.CpuUsage) => { const u = process.cpuUsage(c); return Math.round((u.user + u.system) / 1000); };

function jitter(rows: Record<string, unknown>[], seed: number): Record<string, unknown>[] {
  const rng = createRng(seed);
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? +(v * (1 + 0.05 * rng.normal())).toFixed(2) : v])));
}

function synthCsv(seed: number): Uint8Array {
  const rng = createRng(seed);
  const lines = [[...Array(20).keys()].map((k) => `x${k}`).concat([...Array(8).keys()].map((k) => `c${k}`)).join(',')];
  for (let i = 0; i < N; i++) {
    const z = rng.normal();
    lines.push([...Array.from({ length: 20 }, (_, k) => (k < 5 ? z + 0.5 * rng.normal() : rng.normal() * (k + 1)).toFixed(3)),
      ...Array.from({ length: 8 }, (_, k) => `L${Math.floor(rng.next() * (3 + 2 * k))}`)].join(','));
  }
  return enc.encode(lines.join('\n'));
}

async function encoded(realBytes: Uint8Array, synthBytes: Uint8Array, kind: string) {
  const real = await parseTable(realBytes, `real.${kind}`), synth = await parseTable(synthBytes, `synth.${kind}`);
  const schema = alignSchemas(real, [{ name: 's', table: synth }]);
  const prep = prepareTable(schema.plan, schema.real as Cell[][], schema.synth[0] as Cell[][]);
  return { x: prep.x, n: prep.nReal + prep.nSynth, d: prep.encoder.dim, y: prep.y };
}

async function profile(name: string, t: { x: Float32Array; n: number; d: number; y: Uint8Array }) {
  // End to end, as the app and the CLI run it.
  const ex = { name } as Experiment;
  let t0 = performance.now(), c0 = process.cpuUsage();
  await tableMap(ex, t.x, t.n, t.d, t.y, { seed: 0 });
  const total = ms(t0), totalCpu = cpu(c0);
  const digest = createHash('sha256').update(JSON.stringify(ex.map?.xy ?? null)).digest('hex').slice(0, 12);
  // Stages, on all rows (≤ 5,000 here) z-scored as tableMap does.
  const { x, n, d } = t;
  const mean = new Float64Array(d), sq = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) { const v = x[i * d + j]; mean[j] += v; sq[j] += v * v; }
  const sub = new Float32Array(n * d);
  for (let j = 0; j < d; j++) { mean[j] /= n; const v = sq[j] / n - mean[j] ** 2; sq[j] = v > 1e-12 ? 1 / Math.sqrt(v) : 0; }
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) sub[i * d + j] = (x[i * d + j] - mean[j]) * sq[j];
  normaliseRows(sub, n, d);
  t0 = performance.now(); c0 = process.cpuUsage();
  const g = await knnCosine(sub, n, d, 15, { gemm: jsGemm });
  const tKnn = ms(t0), cKnn = cpu(c0);
  const idx: number[][] = [], dist: number[][] = [];
  for (let i = 0; i < n; i++) { idx.push(Array.from(g.indices.subarray(i * 15, i * 15 + 15))); dist.push(Array.from(g.distances.subarray(i * 15, i * 15 + 15))); }
  const zeroRows = dist.filter((r) => r.every((v) => v <= 0)).length;
  const rng = createRng(1);
  const umap = new UMAP({ nComponents: 2, nNeighbors: 15, minDist: 0.1, random: () => rng.next(), nEpochs: n > 2000 ? 200 : 400 });
  umap.setPrecomputedKNN(idx, dist);
  const X = Array.from({ length: n }, () => [0]);
  // initializeFit's own stages, timed by wrapping the methods it calls.
  const stages: Record<string, number> = {};
  const u = umap as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const m of ['fuzzySimplicialSet', 'smoothKNNDistance', 'computeMembershipStrengths', 'makeSearchGraph', 'initializeSimplicialSetEmbedding', 'initializeOptimization', 'prepareForOptimizationLoop']) {
    const f = u[m].bind(umap);
    u[m] = (...a: unknown[]) => { const s = performance.now(); const r = f(...a); stages[m] = (stages[m] ?? 0) + ms(s); return r; };
  }
  t0 = performance.now(); c0 = process.cpuUsage();
  const epochs = umap.initializeFit(X);
  const tInit = ms(t0), cInit = cpu(c0);
  t0 = performance.now(); c0 = process.cpuUsage();
  for (let e = 0; e < epochs; e++) umap.step();
  const tSteps = ms(t0), cSteps = cpu(c0);
  // The same fit on typed arrays (src/core/umap-layout.ts), the same random stream.
  const rng2 = createRng(1);
  t0 = performance.now(); c0 = process.cpuUsage();
  const ours = new UmapLayout({ n, k: 15, indices: g.indices, distances: Float64Array.from(dist.flat()), minDist: 0.1, random: () => rng2.next(), nEpochs: epochs });
  const tOursInit = ms(t0), cOursInit = cpu(c0);
  t0 = performance.now(); c0 = process.cpuUsage();
  for (let e = 0; e < epochs; e++) ours.step();
  const tOursSteps = ms(t0), cOursSteps = cpu(c0);
  const same = Array.from(ours.embedding).every((v, i) => v === umap.getEmbedding()[i >> 1][i & 1]);
  console.log(JSON.stringify({
    name, rows: n, features: d, tableMapMs: total, tableMapCpuMs: totalCpu, xyDigest: digest, knnMs: tKnn, knnCpuMs: cKnn, rowsWithAllZeroNeighbourDistances: zeroRows,
    umapJs: { initializeFitMs: tInit, initializeFitCpuMs: cInit, initializeFitStagesMs: stages, epochs, epochsMs: tSteps, epochsCpuMs: cSteps },
    umapLayout: { initMs: tOursInit, initCpuMs: cOursInit, epochsMs: tOursSteps, epochsCpuMs: cOursSteps, identicalToUmapJs: same },
  }));
}

const vega = (f: string) => JSON.parse(readFileSync(`node_modules/vega-datasets/data/${f}`, 'utf8')) as Record<string, unknown>[];
for (const f of ['penguins.json', 'cars.json']) {
  const rows = vega(f);
  await profile(f, await encoded(enc.encode(JSON.stringify(rows)), enc.encode(JSON.stringify(jitter(rows, 7))), 'json'));
}
await profile(`synthetic ${N}+${N}`, await encoded(synthCsv(1), synthCsv(2), 'csv'));
