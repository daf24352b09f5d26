// What the extended panel (issue 14, docs/panel.md) costs beside the headline it follows.
//   npx tsx scripts/bench-panel.ts [vectors per side = 10000] [table rows per side = 100000]
// Vectors: 10,000 + 10,000 × 1792 Gaussian clouds (unit rows, the synthetic cloud a little shifted
// and narrower), ORT gemm; the panel as the pipeline runs it (runPanels: the experiment's panel and
// the real-vs-real reference's, k = 5, the run's one Fréchet n) beside the four scores' `analyse`
// on the same vectors. Table: the panel's quality stage (qualityReport on the prepared columns,
// reusing their columnStats, as pipeline/table/experiment-table.ts does) on 100,000 + 100,000 rows
// × 30 columns generated as scripts/bench-table.ts does, and the DCR share stage with a holdout of
// 100,000 more real rows (pipeline/table/table-dcr.ts).
// The panel is measured twice in one run: as the working tree computes it ('panel') and as commit
// BASELINE did ('panel-baseline', before the cost cuts of docs/panel.md "Cost": its src/core/panel
// and src/pipeline/panel.ts read with `git show` into a scratch tree whose other files link to this
// one), so the before/after ratio comes from one run on the same machine load. PANEL_BASELINE=none
// skips it (or names another commit).
// Each measurement runs in its own Node process, so each peak RSS is its own. Figures, no asserts.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [mode, ...rest] = process.argv.slice(2);
const BASELINE = process.env.PANEL_BASELINE ?? 'ec98757';
const MODES = ['analysis', 'panel', ...(BASELINE === 'none' ? [] : ['panel-baseline']), 'table'];
/** The repository's src/, or the scratch tree of the baseline commit's panel (PANEL_SRC, set for 'panel-baseline'). */
const SRC = process.env.PANEL_SRC ?? '../src';

/** A scratch src/ whose panel files are the baseline commit's and every other file links to this tree's. */
function baselineTree(commit: string): string {
  const root = resolve(import.meta.dirname, '..'), scratch = mkdtempSync(join(tmpdir(), 'bench-panel-baseline-'));
  const own = (path: string) => path === 'src/core/panel' || path === 'src/pipeline/panel.ts';
  const mirror = (rel: string) => {
    mkdirSync(join(scratch, rel), { recursive: true });
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = `${rel}/${e.name}`;
      if (own(path)) continue;
      if (e.isDirectory() && (path === 'src/core' || path === 'src/pipeline')) mirror(path);
      else symlinkSync(join(root, path), join(scratch, path));
    }
  };
  mirror('src');
  const files = execFileSync('git', ['ls-tree', '--name-only', commit, 'src/core/panel/'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
  mkdirSync(join(scratch, 'src/core/panel'), { recursive: true });
  for (const f of [...files, 'src/pipeline/panel.ts']) writeFileSync(join(scratch, f), execFileSync('git', ['show', `${commit}:${f}`], { cwd: root }));
  return scratch;
}
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
  const { runPanels } = (await import(`${SRC}/pipeline/panel.ts`)) as typeof import('../src/pipeline/panel.ts');
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
  const { tableDcrPanel } = await import('../src/pipeline/table/table-dcr.ts');
  const real = await parseTable(csv(1, false), 'real.csv'), synth = await parseTable(csv(2, true), 'synth.csv'), holdout = await parseTable(csv(3, false), 'holdout.csv');
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
  // With a holdout of as many real rows: the DCR share (its own encoding of the three sets, then the search).
  t0 = performance.now();
  const dcr = await tableDcrPanel(plan, real.data, synth.data, holdout.data, { normalise: true, seed: 0 });
  const dcrSeconds = (performance.now() - t0) / 1000;
  return {
    dcrSeconds: +dcrSeconds.toFixed(2), dcrShare: +(dcr.dcrShare?.value ?? NaN).toFixed(3), dcrRows: dcr.dcrShare?.n ?? 0,
    mode: 'table', rowsPerSide: rows, columns: cols.length, pairs: q.columnPairTrends.pairs.length,
    columnStatsSeconds: +statsSeconds.toFixed(2), qualitySeconds: +qualitySeconds.toFixed(2),
    rssBeforeGb: gb(rssBefore), rssAfterGb: gb(process.memoryUsage().rss), peakGb: peakGb(), columnShapes: +(q.columnShapes.score ?? NaN).toFixed(3), columnPairTrends: +(q.columnPairTrends.score ?? NaN).toFixed(3),
  };
}

if (mode && MODES.includes(mode)) {
  console.log(`RESULT ${JSON.stringify({ ...(await child(mode === 'panel-baseline' ? 'panel' : mode, Number(rest[0]), Number(rest[1]))), mode })}`);
} else {
  const perSide = Number(process.argv[2] ?? 10_000), tableRows = Number(process.argv[3] ?? 100_000);
  const load = () => loadavg().map((v) => v.toFixed(2)).join(' ');
  console.log(`bench-panel ${new Date().toISOString()}, load avg ${load()}`);
  const results: Record<string, Record<string, unknown>> = {};
  const scratch = BASELINE === 'none' ? null : baselineTree(BASELINE);
  for (const m of MODES) {
    const env = m === 'panel-baseline' ? { ...process.env, PANEL_SRC: join(scratch!, 'src') } : process.env;
    const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1], m, String(perSide), String(tableRows)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24, env });
    const line = /RESULT (.*)/.exec(r.stdout)?.[1];
    if (r.status !== 0 || !line) throw new Error(`bench-panel: ${m} failed`);
    results[m] = JSON.parse(line);
    console.log(`${m}: ${line}  (load avg ${load()})`);
  }
  if (scratch && existsSync(scratch)) rmSync(scratch, { recursive: true, force: true });
  const a = results.analysis, p = results.panel, b = results['panel-baseline'], t = results.table;
  const same = b ? (['precision', 'recall', 'fd', 'fdReference', 'vendi', 'vendiReal', 'authenticity'] as const).filter((k) => p[k] !== b[k]) : [];
  const summary = [
    `vectors ${perSide} + ${perSide} × ${DIM}: panel ${p.seconds} s (experiment ${p.experimentSeconds} s, reference ${p.referenceSeconds} s) vs four scores ${a.seconds} s: ratio ${(+p.seconds! / +a.seconds!).toFixed(2)}`,
    ...(b ? [`  baseline ${BASELINE}: panel ${b.seconds} s (experiment ${b.experimentSeconds} s, reference ${b.referenceSeconds} s), ratio to four scores ${(+b.seconds! / +a.seconds!).toFixed(2)}; now / baseline ${(+p.seconds! / +b.seconds!).toFixed(2)}; values (3 decimals) ${same.length ? `differ: ${same.join(', ')}` : 'the same'}`] : []),
    `  peak RSS: panel ${p.peakGb} GB, analysis ${a.peakGb} GB (vectors alone ${a.rssDataGb} GB)`,
    `table ${tableRows} + ${tableRows} rows × ${t.columns} columns: quality stage ${t.qualitySeconds} s (${t.pairs} pairs; the columnStats it reuses ${t.columnStatsSeconds} s), peak RSS ${t.peakGb} GB (${t.rssBeforeGb} GB before the stage)`,
    `  with a holdout of ${tableRows} real rows: DCR share stage ${t.dcrSeconds} s (${t.dcrRows} synthetic rows compared, share ${t.dcrShare})`,
  ];
  for (const s of summary) console.log(s);
  console.log(`SUMMARY ${JSON.stringify(summary)}`);
}
