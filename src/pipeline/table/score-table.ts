// The tabular run: read and parse every file, align the schemas (types from the real set), then
// analyse real ∪ synthetic_i per experiment and assemble the Report (modality 'table').
import { MIN_ROWS_PER_SIDE } from '../../core/analyse.ts';
import { throwIfAborted } from '../../core/errors.ts';
import type { ProgressCallback } from '../../core/progress.ts';
import type { Report, SkippedItem } from '../../report/schema.ts';
import type { TableDetector } from '../../core/table/detector.ts';
import { calibrateTableTolerance } from '../../core/table/tolerance-calibration.ts';
import type { ColumnType } from '../../core/table/types.ts';
import { parseTable } from '../../ingest/table/parse.ts';
import { MAX_TABLE_BYTES, type RawTable, type TableIo } from '../../ingest/table/types.ts';
import { InputError } from '../../ingest/types.ts';
import { sizeLimitMessage } from '../../ingest/table/parse.ts';
import { reportEnvelope, requireRows, requireSynthetic, settingsOf } from '../assemble.ts';
import { analyseTableExperiment, boundedResamples, skippedRows } from './experiment-table.ts';
import { runComparisons, type ExperimentSamples } from '../comparisons.ts';
import { computeReference } from '../reference.ts';
import { realHalfSchema, realHalfTable } from './real-half.ts';
import { rowCellSample } from './row-cells.ts';
import { alignSchemas, holdoutCells } from './schema.ts';

export interface ScoreTableRequest {
  /** Path of the real table file (.csv .tsv .json .jsonl .parquet). */
  real: string;
  synthetic: { name: string; path: string }[];
  /** 'trees' (default) or 'logistic'. */
  detector?: TableDetector;
  /** Column type overrides: number, category, boolean, datetime, text, identifier, ignore. */
  types?: Record<string, ColumnType>;
  /** Score only the columns every set shares instead of failing on a mismatch. */
  dropMismatchedColumns?: boolean;
  /** A column whose values are classes: adds the per-class breakdown. */
  labelColumn?: string;
  /** Round synthetic numbers/dates to the real precision and map casing/whitespace variants (default true). */
  normaliseFormats?: boolean;
  folds?: number;
  seed?: number;
  bootstrap?: number;
  /** Also compute each experiment's 2-D map (UMAP of at most maxPoints encoded rows). */
  map?: { maxPoints?: number };
  /** Path of a table of real rows the generator never saw: adds the panel's DCR share (docs/panel.md). */
  holdout?: string;
}

export type { TableIo };

/** Reads and parses one table file, refusing an oversized one from its size alone. */
export async function readTable(io: TableIo, path: string, signal?: AbortSignal): Promise<RawTable> {
  throwIfAborted(signal);
  if (io.size) {
    const size = await io.size(path);
    if (size > MAX_TABLE_BYTES) throw new InputError(sizeLimitMessage(path, size));
  }
  return parseTable(await io.readFile(path), path);
}

export interface TableRunHooks {
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
  /** Each skipped row, as soon as its file is read (the CLI prints them on stderr). */
  onSkipped?: (s: SkippedItem) => void;
  onWarning?: (w: string) => void;
}

/** Tells the hooks which rows of a table were skipped, and how many more were not listed. */
function reportSkipped(t: RawTable, side: 'real' | 'synthetic', hooks: TableRunHooks): void {
  for (const s of skippedRows(t, side)) hooks.onSkipped?.(s);
  const unlisted = t.skippedCount - t.skipped.length;
  if (unlisted > 0) hooks.onWarning?.(`${t.source}: ${unlisted} more rows were skipped than the ${t.skipped.length} listed; the report's warnings give the count for each reason.`);
}

export async function scoreTable(req: ScoreTableRequest, io: TableIo, opts: TableRunHooks = {}): Promise<Report> {
  const { signal, onProgress } = opts;
  const { folds, seed, bootstrap } = settingsOf(req);
  requireSynthetic(req);
  if (!(folds >= 2)) throw new InputError('folds must be at least 2.');

  const read = (path: string) => readTable(io, path, signal);
  const files = req.synthetic.length + 1 + (req.holdout ? 1 : 0);
  onProgress?.({ status: 'initiate', stage: 'read', done: 0, total: files });
  const real = await read(req.real);
  reportSkipped(real, 'real', opts);
  const synth: RawTable[] = [];
  for (const s of req.synthetic) {
    synth.push(await read(s.path));
    reportSkipped(synth[synth.length - 1], 'synthetic', opts);
    onProgress?.({ status: 'progress', stage: 'read', done: synth.length + 1, total: files });
  }
  // The holdout is real data: its skipped rows are the real side's.
  const holdoutTable = req.holdout ? await read(req.holdout) : null;
  if (holdoutTable) reportSkipped(holdoutTable, 'real', opts);
  onProgress?.({ status: 'done', stage: 'read' });

  const sides = [{ t: real, side: 'real' }, ...synth.map((t) => ({ t, side: 'synthetic' }))];
  requireRows(sides.map(({ t, side }) => ({ n: t.nRows, side, path: t.source })), 'rows', Math.max(MIN_ROWS_PER_SIDE, folds));

  const schema = alignSchemas(real, req.synthetic.map((s, k) => ({ name: s.name, table: synth[k] })), {
    dropMismatchedColumns: req.dropMismatchedColumns,
    types: req.types,
    labelColumn: req.labelColumn,
  });
  if (!schema.plan.some((p) => p.inDetector)) {
    throw new InputError(`No column is left for the detector: ${schema.plan.map((p) => `"${p.name}" (${p.type ?? 'all missing'})`).join(', ')}. Override a type to use a column.`);
  }

  const warnings: string[] = [];
  const holdout = holdoutTable ? holdoutCells(schema, holdoutTable, real.source) : undefined;
  if (holdoutTable && !holdoutTable.nRows) {
    const w = `The holdout "${req.holdout}" has no usable rows: the DCR share was not computed.`;
    warnings.push(w);
    opts.onWarning?.(w);
  }
  const normalise = req.normaliseFormats ?? true;
  // The rule's relative tolerance, calibrated once on the real set and used for every experiment.
  onProgress?.({ status: 'initiate', stage: 'calibrate' });
  const calibration = calibrateTableTolerance({ plan: schema.plan, real: schema.real }, { seed, normalise });
  onProgress?.({ status: 'done', stage: 'calibrate' });
  throwIfAborted(signal);
  const settings = { folds, seed, bootstrap, detector: req.detector ?? 'trees', normalise, labelColumn: req.labelColumn ?? null, map: req.map, calibration, holdout: holdoutTable?.nRows ? holdout : undefined } as const;
  const experiments = [];
  const kept: ExperimentSamples[] = [];
  for (const [k, s] of req.synthetic.entries()) {
    throwIfAborted(signal);
    const { experiment: ex, samples } = await analyseTableExperiment(schema, k, real, synth[k], s, settings, { signal, onProgress });
    const nReal = ex.counts.real;
    if (ex.table) ex.table.rowCells = rowCellSample(ex, schema.columns, (i, c) => (i < nReal ? schema.real[c][i] : schema.synth[k][c][i - nReal]) ?? null);
    experiments.push(ex);
    kept.push(samples);
  }
  // The comparisons' bootstrap is bounded like each experiment's on a very large table.
  const biggest = Math.max(0, ...experiments.map((e) => 2 * (e.counts.real + e.counts.synthetic)));
  const comparisons = await runComparisons(kept, { bootstrap: boundedResamples(bootstrap, biggest), seed }, { signal, onProgress });

  // After the experiments, so the headline scores are not held up: the aligned schema's real rows
  // in two halves, through the same experiment function with the run's calibration (and holdout).
  const labelIndex = req.labelColumn ? schema.columns.indexOf(req.labelColumn) : -1;
  const realLabels = labelIndex >= 0 ? schema.real[labelIndex].map((v) => (v === null || String(v).trim() === '' ? null : String(v).trim())) : null;
  const { reference, warning } = await computeReference(real.nRows, realLabels, { seed, folds }, { signal, onProgress }, async (h, named, progress) => {
    const half = realHalfSchema(schema, h.a, h.b);
    const { experiment: ex } = await analyseTableExperiment(half, 0, realHalfTable(real, h.a), realHalfTable(real, h.b), { name: named.name, path: req.real }, { ...settings, map: undefined }, { signal, onProgress: progress });
    if (ex.table) ex.table.rowCells = rowCellSample(ex, schema.columns, (i, c) => (i < h.a.length ? half.real[c][i] : half.synth[0][c][i - h.a.length]) ?? null);
    return ex;
  });
  if (warning) { warnings.push(warning); opts.onWarning?.(warning); }

  let classes: Record<string, number> | null = null;
  if (req.labelColumn) {
    classes = {};
    for (const v of schema.real[schema.columns.indexOf(req.labelColumn)]) if (v !== null && v !== '') classes[String(v).trim()] = (classes[String(v).trim()] ?? 0) + 1;
  }
  return reportEnvelope('table', {
    model: { id: `table-${settings.detector}`, version: '1', dimension: experiments[0]?.table?.features ?? 0 },
    settings: { folds, k: 0, seed, bootstrap },
    real: { path: req.real, count: real.nRows, classes },
    experiments,
    skipped: [...skippedRows(real, 'real'), ...(holdoutTable ? skippedRows(holdoutTable, 'real') : [])],
    embedding: { embedded: 0, fromCache: 0 },
    table: {
      columns: schema.plan.map((p) => ({ name: p.name, type: p.type, inferredType: p.inferred.type, reason: p.inferred.reason, overridden: p.overridden, inDetector: p.inDetector, inDuplicates: p.inDuplicates })),
      droppedColumns: schema.dropped,
      findings: schema.findings,
      warnings: real.warnings.map((w) => w.message),
      labelColumn: req.labelColumn ?? null,
    },
    comparisons,
    ...(reference ? { reference } : {}),
  }, warnings);
}
