// One tabular experiment: real ∪ synthetic_i → detector p_i, near-duplicate sets, closest-real
// distances, per-column stats, SDMetrics' quality scores (the panel), shaped into the Report's Experiment.
import { classifierScores } from '../../core/classifier-scores.ts';
import { checkpoint } from '../../core/errors.ts';
import { stageTimer } from '../../core/stage-timer.ts';
import { perClassBreakdown } from '../../core/per-class.ts';
import { type ProgressCallback, stageReporter } from '../../core/progress.ts';
import { createRng, deriveSeed, sampleIndices } from '../../core/random.ts';
import type { ColumnStat, Estimate, Experiment, Panel, SkippedItem } from '../../report/schema.ts';
import { rowScores } from '../assemble.ts';
import { experimentSamples } from '../comparisons.ts';
import type { ScoredExperiment } from '../comparisons.ts';
import { classifierSamples } from '../../core/compare.ts';
import { columnPairs, columnStats, pairTrends } from '../../core/table/column-stats.ts';
import { qualityReport } from '../../core/table/quality-report.ts';
import { crossValidateTable, type TableDetector } from '../../core/table/detector.ts';
import { closestRealDistances, comparisonWindow, makeRowDistance, RELATIVE_TOLERANCE, tableNearDuplicates } from '../../core/table/near-duplicates.ts';
import { prepareTable } from '../../core/table/prepare.ts';
import { comparedColumns } from '../../core/table/rule-calibration.ts';
import type { TableToleranceCalibration } from '../../core/table/tolerance-calibration.ts';
import type { Cell, TypedColumn } from '../../core/table/types.ts';
import type { RawTable } from '../../ingest/table/types.ts';
import type { AlignedSchema } from './schema.ts';
import { tableDcrPanel } from './table-dcr.ts';
import { tableMap } from './table-map.ts';
import { duplicateRuleText, tableThreshold } from './table-threshold.ts';

/** Synthetic × real row pairs the closest-real search may visit; beyond it a seeded sample of synthetic rows is used. */
export const CLOSEST_REAL_PAIR_BUDGET = 1e8;
/** Row draws (resamples × rows) the bootstrap may make; beyond it fewer resamples are drawn, never under MIN_RESAMPLES. */
export const BOOTSTRAP_DRAW_BUDGET = 2e8;
const MIN_RESAMPLES = 200;

/** The resamples a bootstrap over n rows draws: the asked number, or fewer on a very large table. */
export function boundedResamples(asked: number, n: number): number {
  return asked * n <= BOOTSTRAP_DRAW_BUDGET ? asked : Math.min(asked, Math.max(MIN_RESAMPLES, Math.floor(BOOTSTRAP_DRAW_BUDGET / n)));
}

export interface TableSettings {
  folds: number;
  seed: number;
  bootstrap: number;
  detector: TableDetector;
  normalise: boolean;
  labelColumn: string | null;
  /** Also draw the 2-D map (UMAP of at most maxPoints encoded rows). */
  map?: { maxPoints?: number };
  /** The rule's relative tolerance, calibrated once per run on the real set; absent: 1% (RELATIVE_TOLERANCE). */
  calibration?: TableToleranceCalibration | null;
  /** A real holdout's cells (column-major, the schema's column order): adds the panel's DCR share. */
  holdout?: Cell[][];
}

export async function analyseTableExperiment(
  schema: AlignedSchema,
  k: number,
  realTable: RawTable,
  synthTable: RawTable,
  named: { name: string; path: string },
  settings: TableSettings,
  opts: { signal?: AbortSignal; onProgress?: ProgressCallback },
): Promise<ScoredExperiment> {
  const { timings, timed } = stageTimer();
  const onProgress: ProgressCallback = (e) => opts.onProgress?.({ ...e, stage: `${named.name}: ${e.stage}` });
  // A stage that reports its start, about a hundred steps of `total` (when it has steps) and its end, and is timed.
  const stage = async <T>(name: string, total: number | null, fn: (progress: (done: number) => void) => T | Promise<T>): Promise<T> => {
    const r = stageReporter(name, total ?? 0, onProgress);
    const every = Math.max(1, Math.ceil((total ?? 0) / 100));
    let next = every;
    if (total === null) onProgress({ status: 'initiate', stage: name });
    else r.initiate();
    const out = await timed(name, () => fn((done) => { if (done >= next) { next = done + every; r.progress(done); } }));
    if (total === null) onProgress({ status: 'done', stage: name });
    else r.done();
    return out;
  };
  const { folds, seed, bootstrap: asked } = settings;
  const warnings: string[] = [];
  // Rows parsed and encoded: the table counterpart of the image path's "embed" stage.
  const rowsIn = schema.real[0].length + schema.synth[k][0].length;
  onProgress({ status: 'initiate', stage: 'encode rows', done: 0, total: rowsIn });
  const prep = await timed('encode', () => prepareTable(schema.plan, schema.real, schema.synth[k], { normalise: settings.normalise }));
  onProgress({ status: 'done', stage: 'encode rows', done: rowsIn, total: rowsIn });
  const n = prep.nReal + prep.nSynth;
  await checkpoint(opts.signal);
  const cv = await timed('detector', () => crossValidateTable(prep.x, n, prep.encoder.dim, prep.y, { detector: settings.detector, folds, seed, signal: opts.signal, onProgress }));
  const bootstrap = boundedResamples(asked, n);
  if (bootstrap < asked) warnings.push(`The intervals use ${bootstrap} bootstrap resamples instead of ${asked}, to bound the time on ${n} rows.`);
  const cls = await stage('bootstrap', null, () => classifierScores(cv.p, prep.y, { bootstrap, seed: deriveSeed(seed, 3), pPerRepeat: cv.pPerRepeat }));
  await checkpoint(opts.signal);

  // Columns used by the duplicate rule, real rows first then synthetic rows.
  const used = schema.plan.filter((p) => p.type !== null && p.type !== 'ignore');
  const both = comparedColumns(schema.plan, prep.real, prep.synth);
  const distance = makeRowDistance(both, prep.nReal);
  const tolerance = settings.calibration?.tolerance ?? RELATIVE_TOLERANCE;
  const nd = await stage('nearDuplicates', n, (progress) => tableNearDuplicates(both, prep.nReal, n, distance, progress, tolerance));
  if (nd.capped) warnings.push(`The near-duplicate search compared each row with at most the ${comparisonWindow(n)} rows closest to it on one number column; a few near-duplicates may be missing.`);
  await checkpoint(opts.signal);
  const m = Math.min(prep.nSynth, Math.max(200, Math.floor(CLOSEST_REAL_PAIR_BUDGET / Math.max(1, prep.nReal))));
  const closest = await stage('closestReal', m, (progress) =>
    closestRealDistances(distance, prep.nReal, prep.nSynth, sampleIndices(prep.nSynth, m, createRng(deriveSeed(seed, 7))), progress));
  await checkpoint(opts.signal);

  const statCols = used.map((p, c) => ({ p, c })).filter(({ p }) => p.type !== 'identifier');
  const columns = await stage('columns', statCols.length, (progress) => statCols.map(({ c }, i) => (progress(i), columnStats(prep.real[c], prep.synth[c]))));
  const trends = await stage('pairTrends', columnPairs(statCols.length), (progress) => pairTrends(statCols.map(({ c }) => prep.real[c]), statCols.map(({ c }) => prep.synth[c]), undefined, progress));
  await checkpoint(opts.signal);
  // The panel's quality scores, after the four scores (docs/panel-images-tables.md), reusing the column stats.
  const quality = await stage('quality', null, () => qualityPanel(statCols.map(({ c }) => prep.real[c]), statCols.map(({ c }) => prep.synth[c]), columns, n));
  // With a real holdout: the DCR share in the encoded rows' space (docs/panel.md, "DCR share on tables").
  const { holdout } = settings;
  if (holdout) Object.assign(quality, await stage('dcr', null, () => tableDcrPanel(schema.plan, schema.real, schema.synth[k], holdout, { normalise: settings.normalise, seed, signal: opts.signal })));
  await checkpoint(opts.signal);

  const classes = settings.labelColumn ? labelsOf(schema, k, settings.labelColumn) : null;
  const breakdown = classes
    ? await stage('classes', null, () => perClassBreakdown(classes, prep.y, cv.p, nd.setIdPerRow, nd.sets, { minRowsPerSide: folds, bootstrap, seed, pPerRepeat: cv.pPerRepeat }))
    : null;

  const realBase = baseName(realTable.source), synthBase = baseName(synthTable.source);
  const sources = Array.from({ length: n }, (_, i) => {
    const synthetic = i >= prep.nReal;
    const path = synthetic ? `${synthBase}#row ${synthTable.rowNumbers[i - prep.nReal]}` : `${realBase}#row ${realTable.rowNumbers[i]}`;
    return { path, className: classes?.[i] ?? null };
  });
  // A table row's nearest distance is to its closest real row (synthetic rows only).
  const nearest = (i: number) => (i >= prep.nReal && !Number.isNaN(closest.distance[i - prep.nReal]) ? closest.distance[i - prep.nReal] : null);
  const rows = rowScores(sources, prep.y, { p: cv.p, labelIssue: cls.labelIssue, setIdPerRow: nd.setIdPerRow, nearest });
  const mean = trends.length ? trends.reduce((a, t) => a + t.similarity, 0) / trends.length : null;
  const ex: Experiment = {
    name: named.name,
    syntheticPath: named.path,
    scores: { unrealistic: cls.unrealistic, unrepresentative: cls.unrepresentative, unvaried: nd.unvaried, unoriginal: nd.unoriginal },
    auc: cls.auc,
    detectability: cls.detectability,
    threshold: tableThreshold(settings.calibration ?? null),
    counts: {
      real: prep.nReal,
      synthetic: prep.nSynth,
      unvariedRows: nd.unvariedRows,
      unoriginalRows: nd.unoriginalRows,
      nearDuplicateSets: nd.sets.length,
      exactDuplicatePairs: nd.exactDuplicatePairs,
    },
    classes: breakdown,
    rows,
    nearDuplicateSets: nd.sets,
    skipped: skippedRows(synthTable, 'synthetic'),
    timings,
    table: {
      detector: cv.detector,
      perFold: cv.perFold,
      features: prep.encoder.dim,
      findings: prep.findings,
      warnings: [...synthTable.warnings.map((w) => w.message), ...warnings],
      columns,
      pairTrends: trends,
      pairTrendSimilarity: mean,
      closestReal: { computed: closest.computed, sampled: closest.sampled, summary: closest.summary, histogram: closest.histogram },
      duplicateRule: duplicateRuleText(tolerance),
      duplicateSearchCapped: nd.capped,
    },
    panel: quality,
  };
  if (settings.map && prep.encoder.dim > 0) {
    await timed('map', () => tableMap(ex, prep.x, n, prep.encoder.dim, prep.y, { ...settings.map, seed, signal: opts.signal, onProgress: opts.onProgress }));
  }
  // Real rows come first and are the same rows in every experiment of a run: the index pairs them.
  const samples = classifierSamples(cv, prep.y, Array.from({ length: n }, (_, i) => String(i)));
  return { experiment: ex, samples: experimentSamples(named.name, samples, ex.counts) };
}

/** SDMetrics' Column Shapes and Column Pair Trends as panel estimates (no interval; n: the rows compared). Absent when no column or pair could be scored. */
function qualityPanel(real: TypedColumn[], synth: TypedColumn[], stats: ColumnStat[], n: number): Panel {
  const q = qualityReport(real, synth, stats);
  const est = (value: number | null): Estimate | undefined => (value === null ? undefined : { value, lo: value, hi: value, n, method: 'none' });
  const panel: Panel = {};
  const shapes = est(q.columnShapes.score), trends = est(q.columnPairTrends.score);
  if (shapes) panel.columnShapes = shapes;
  if (trends) panel.columnPairTrends = trends;
  return panel;
}

function labelsOf(schema: AlignedSchema, k: number, label: string): (string | null)[] {
  const c = schema.columns.indexOf(label);
  const str = (v: Cell) => (v === null || v === '' ? null : String(v).trim());
  return [...schema.real[c].map(str), ...schema.synth[k][c].map(str)];
}

/** The rows a reader skipped, as the report's skipped items ("data.csv#row 12"). */
export function skippedRows(t: RawTable, side: 'real' | 'synthetic'): SkippedItem[] {
  return t.skipped.map((s) => ({ path: `${baseName(t.source)}#row ${s.row}`, side, reason: s.reason }));
}

export function baseName(p: string): string {
  return p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
}
