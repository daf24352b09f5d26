// What the extended panel (issue 14, docs/panel.md) costs beside the headline it follows.
//   npx tsx scripts/bench-panel.ts [vectors per side = 10000] [table rows per side = 100000]
// Vectors: 10,000 + 10,000 × 1792 Gaussian clouds (unit rows, the synthetic cloud a little shifted
// and narrower), ORT gemm; the panel as the pipeline runs it (runPanels: the experiment's panel and
// the real-vs-real reference's, k = 5, the run's one Fréchet n) beside the four scores' `analyse`
// on the same vectors. Table: the panel's quality stage (qualityReport on the prepared columns,
// reusing their columnStats, as pipeline/table/experiment-table.ts does) on 100,000 + 100,000 rows
// × 30 columns generated as scripts/bench-table.ts does.
// Each measurement runs in its own Node process, so each peak RSS is its own. Figures, no asserts.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';

const [mode, ...rest] = process.argv.slice(2);
const MODES = ['analysis', 'panel', 'table'];
const gb = (bytes: number) => +(bytes / 2 ** 30).toFixed(2);
const peakGb = () => gb(process.resourceUsage().maxRSS * 1024);
const DIM = 1792;

/** Two unit-row Gaussian clouds: anisotropic real, the synthetic one shifted and narrower on top directions. */
async function clouds(perSide: number) {
  const { createRng } = await import('../src/core/random.ts');
  const { normaliseRows } = await import('../src/core/normalise.ts');
  const rng = createRng(17), scale = Float64Array.from({ length: DIM }, (_, c) => 1 / Math.sqrt(1 + c / 16));
  const side = (synthetic: boolean) => {
    const x = new Float32Array(perSide * DIM);
    for (let i = 0; i < perSide; i++) {
      for (let c = 0; c < DIM; c++) x[i * DIM + c] = scale[c] * (synthetic && c < 32 ? 0.85 : 1) * rng.normal() + (synthetic && c === 5 ? 0.3 : 0) + 0.5;
    }
    return normaliseRows(x, perSide, DIM);
  };
  return { real: side(false), synthetic: side(true) };
}

async function child(m: string, perSide: number, tableRows: number): Promise<Record<string, unknown>> {
  if (m === 'table') return tableQuality(tableRows);
  const { createOrtGemm } = await import('../src/models/ort-node.ts');
  const gemm = createOrtGemm();
  const { real, synthetic } = await clouds(perSide);
  const rssData = gb(process.memoryUsage().rss);
  const t0 = performance.now();
  if (m === 'analysis') {
    const { analyse } = await import('../src/core/analyse.ts');
    const vectors = new Float32Array(real.length + synthetic.length);
    vectors.set(real);
    vectors.set(synthetic, real.length);
    const n = 2 * perSide;
    const isSynthetic = new Uint8Array(n).fill(1, perSide);
    const r = await analyse({ vectors, n, dim: DIM, isSynthetic, hashes: Array.from({ length: n }, (_, i) => `h${i}`), tau: 0.01, gemm });
    return { mode: m, seconds: +((performance.now() - t0) / 1000).toFixed(1), rssDataGb: rssData, peakGb: peakGb(), auc: +r.auc.value.toFixed(3) };
  }
  const { runPanels } = await import('../src/pipeline/panel.ts');
  type Ex = Parameters<typeof runPanels>[0]['reference'] & object;
  const experiment = { name: 'synthetic' } as unknown as Ex, reference = { name: 'reference' } as unknown as Ex;
  const warnings = await runPanels({ real, classes: null, experiments: [{ experiment, synthetic }], reference, dim: DIM, gemm, seed: 0 });
  const p = experiment.panel!, f = (v: number | undefined) => (v === undefined ? null : +v.toFixed(3));
  return {
    mode: m, seconds: +((performance.now() - t0) / 1000).toFixed(1), rssDataGb: rssData, peakGb: peakGb(), warnings,
    experimentSeconds: +((experiment.timings?.panel ?? NaN) / 1000).toFixed(1), referenceSeconds: +((reference.timings?.panel ?? NaN) / 1000).toFixed(1),
    precision: f(p.precision?.value), recall: f(p.recall?.value), fd: f(p.frechetDistance?.value), fdReference: f(reference.panel?.frechetDistance?.value),
    vendi: f(p.vendi?.value), vendiReal: f(p.vendiReal?.value), authenticity: f(p.authenticity?.value),
  };
}

/** The table panel: qualityReport on 30 prepared columns, columnStats (the report's, reused) timed apart. */
async function tableQuality(rows: number): Promise<Record<string, unknown>> {
  const Papa = (await import('papaparse')).default;
  const { createRng } = await import('../src/core/random.ts');
  const { parseTable } = await import('../src/ingest/table/parse.ts');
  const { planColumns } = await import('../src/core/table/columns.ts');
  const { prepareTable } = await import('../src/core/table/prepare.ts');
  const { columnStats } = await import('../src/core/table/column-stats.ts');
  const { qualityReport } = await import('../src/core/table/quality-report.ts');
  // The same generator as scripts/bench-table.ts (20 numbers, 8 categories, a date, a boolean).
  const csv = (seed: number, broken: boolean) => {
    const rng = createRng(seed), data: string[][] = [];
    const header = [...Array(20).keys()].map((k) => `x${k}`).concat([...Array(8).keys()].map((k) => `c${k}`), ['when', 'flag']);
    for (let i = 0; i < rows; i++) {
      const z = rng.normal();
      const xs = Array.from({ length: 20 }, (_, k) => (k < 5 ? z + 0.5 * rng.normal() : rng.normal() * (k + 1)).toFixed(3));
      if (broken) for (let k = 0; k < 5; k++) xs[k] = (rng.normal() * Math.SQRT1_2 * 1.58).toFixed(3);
      const cs = Array.from({ length: 8 }, (_, k) => `L${Math.floor(rng.next() * (3 + 2 * k))}`);
      data.push([...xs, ...cs, new Date(Date.UTC(2020, 0, 1) + rng.int(365) * 86_400_000).toISOString().slice(0, 10), rng.next() < 0.3 ? 'true' : 'false']);
    }
    return new TextEncoder().encode(Papa.unparse({ fields: header, data }));
  };
  const real = await parseTable(csv(1, false), 'real.csv'), synth = await parseTable(csv(2, true), 'synth.csv');
  const { plan } = planColumns(real.columns, real.data);
  const prep = prepareTable(plan, real.data, synth.data);
  const used = plan.filter((p: { type: string | null }) => p.type !== null && p.type !== 'ignore');
  const cols = used.map((p: { type: string | null }, c: number) => ({ p, c })).filter(({ p }: { p: { type: string | null } }) => p.type !== 'identifier').map(({ c }: { c: number }) => c);
  const rssBefore = process.memoryUsage().rss;
  let t0 = performance.now();
  const stats = cols.map((c: number) => columnStats(prep.real[c], prep.synth[c]));
  const statsSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const q = qualityReport(cols.map((c: number) => prep.real[c]), cols.map((c: number) => prep.synth[c]), stats);
  const qualitySeconds = (performance.now() - t0) / 1000;
  return {
    mode: 'table', rowsPerSide: rows, columns: cols.length, pairs: q.columnPairTrends.pairs.length,
    columnStatsSeconds: +statsSeconds.toFixed(2), qualitySeconds: +qualitySeconds.toFixed(2),
    rssBeforeGb: gb(rssBefore), rssAfterGb: gb(process.memoryUsage().rss), peakGb: peakGb(), columnShapes: +(q.columnShapes.score ?? NaN).toFixed(3), columnPairTrends: +(q.columnPairTrends.score ?? NaN).toFixed(3),
  };
}

if (mode && MODES.includes(mode)) {
  console.log(`RESULT ${JSON.stringify(await child(mode, Number(rest[0]), Number(rest[1])))}`);
} else {
  const perSide = Number(process.argv[2] ?? 10_000), tableRows = Number(process.argv[3] ?? 100_000);
  const load = () => loadavg().map((v) => v.toFixed(2)).join(' ');
  console.log(`bench-panel ${new Date().toISOString()}, load avg ${load()}`);
  const results: Record<string, Record<string, unknown>> = {};
  for (const m of MODES) {
    const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1], m, String(perSide), String(tableRows)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
    const line = /RESULT (.*)/.exec(r.stdout)?.[1];
    if (r.status !== 0 || !line) throw new Error(`bench-panel: ${m} failed`);
    results[m] = JSON.parse(line);
    console.log(`${m}: ${line}  (load avg ${load()})`);
  }
  const a = results.analysis, p = results.panel, t = results.table;
  const summary = [
    `vectors ${perSide} + ${perSide} × ${DIM}: panel ${p.seconds} s (experiment ${p.experimentSeconds} s, reference ${p.referenceSeconds} s) vs four scores ${a.seconds} s: ratio ${(+p.seconds! / +a.seconds!).toFixed(2)}`,
    `  peak RSS: panel ${p.peakGb} GB, analysis ${a.peakGb} GB (vectors alone ${a.rssDataGb} GB)`,
    `table ${tableRows} + ${tableRows} rows × ${t.columns} columns: quality stage ${t.qualitySeconds} s (${t.pairs} pairs; the columnStats it reuses ${t.columnStatsSeconds} s), peak RSS ${t.peakGb} GB (${t.rssBeforeGb} GB before the stage)`,
  ];
  for (const s of summary) console.log(s);
  console.log(`SUMMARY ${JSON.stringify(summary)}`);
}
