// The extended panel of an image or text run (docs/panel.md, issue 14), after the headline: every
// experiment's panel from the vectors the run already has, then the real-vs-real reference's on
// its two halves, as one progress stage "panel" that honours the abort signal. A panel that cannot
// be computed (too few rows) leaves `panel` absent and says why in a warning: the scores stand.
import { checkpoint, now } from '../core/errors.ts';
import type { Gemm } from '../core/gemm.ts';
import { knnCosine, type KnnGraph } from '../core/knn.ts';
import { normaliseRows } from '../core/normalise.ts';
import { computePanel, realPieces, type Panel as CorePanel, type RealPieces } from '../core/panel/index.ts';
import { stageReporter, type ProgressCallback } from '../core/progress.ts';
import type { Experiment, Panel, Report } from '../report/schema.ts';
import { pickRows, splitRealHalves, type RealHalves } from './reference.ts';

export const PANEL_STAGE = 'panel';
/** prdc's k (docs/panel.md). */
export const PANEL_K = 5;

/** One experiment whose panel is wanted: its report entry and the rows of its two sides. */
export interface PanelJob {
  experiment: Experiment;
  /** Row-major n×dim; need not be unit-norm (copied and normalised here). */
  real: Float32Array;
  synthetic: Float32Array;
  /** Measures computed elsewhere for this experiment (images: issue rates), merged in. */
  extras?: () => Partial<Panel> | Promise<Partial<Panel>>;
}

export interface PanelRun {
  dim: number;
  gemm: Gemm;
  seed: number;
  /** Real rows the generator never saw (DCR share only). */
  holdout?: Float32Array;
  /** Rows per side for every Fréchet distance (frechetSampleSize). */
  frechetSampleSize: number;
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
}

/**
 * One n for every Fréchet distance of a run, the reference included: min(⌊n_real / 2⌋, every
 * n_synthetic), so each carries the same finite-n bias (docs/panel.md, "Bias").
 */
export function frechetSampleSize(nReal: number, nSynthetic: readonly number[]): number {
  return Math.max(2, Math.min(Math.floor(nReal / 2), ...nSynthetic));
}

/** The report's Panel from the engine's: the estimates as they are, the internal detail dropped. */
export function toReportPanel(p: CorePanel): Panel {
  const out: Panel = {
    precision: p.precision, recall: p.recall, density: p.density, coverage: p.coverage,
    frechetDistance: p.frechetDistance, vendi: p.vendi, vendiReal: p.vendiReal, authenticity: p.authenticity,
    k: p.k,
  };
  if (p.dcrShare) { out.dcrShare = p.dcrShare; out.dcrPValue = p.dcrPValue; }
  return out;
}

const isAbort = (e: unknown, signal?: AbortSignal) => (e as Error)?.name === 'AbortError' || !!signal?.aborted;

const unit = (x: Float32Array, dim: number) => normaliseRows(Float32Array.from(x), x.length / dim, dim);

/**
 * Computes each job's panel in order and sets `experiment.panel` (and `timings.panel`, ms).
 * Jobs sharing one `real` array share its normalised copy, its k-NN graph and the pieces that
 * depend on it alone (its fit, Vendi score and Fréchet draws' fits: RealPieces). Returns the
 * warnings of the panels that failed; an abort is thrown, never turned into a warning.
 */
export async function addPanels(jobs: readonly PanelJob[], run: PanelRun): Promise<string[]> {
  const { dim, gemm, signal } = run;
  const stage = stageReporter(PANEL_STAGE, jobs.length, run.onProgress);
  stage.initiate();
  const holdout = run.holdout && run.holdout.length >= dim ? unit(run.holdout, dim) : undefined;
  const realOf = new Map<Float32Array, { rows: Float32Array; graph?: KnnGraph; pieces: RealPieces }>();
  const warnings: string[] = [];
  for (const [i, job] of jobs.entries()) {
    await checkpoint(signal);
    const t0 = now();
    try {
      let real = realOf.get(job.real);
      if (!real) realOf.set(job.real, (real = { rows: unit(job.real, dim), pieces: realPieces() }));
      const nr = real.rows.length / dim;
      // Built once per real set and handed to every experiment on it (computePanel checks the sizes first).
      if (!real.graph && nr > PANEL_K) real.graph = await knnCosine(real.rows, nr, dim, PANEL_K, { gemm, signal });
      const core = await computePanel({
        real: real.rows, synthetic: unit(job.synthetic, dim), holdout, dim, gemm, seed: run.seed, signal,
        k: PANEL_K, realGraph: real.graph, frechetSampleSize: run.frechetSampleSize, realPieces: real.pieces,
      });
      job.experiment.panel = toReportPanel(core);
    } catch (e) {
      if (isAbort(e, signal)) throw e;
      warnings.push(`The panel of "${job.experiment.name}" was not computed: ${(e as Error).message}`);
    }
    // The modality's own measures stand apart: one failing loses neither the others nor the scores.
    if (job.experiment.panel && job.extras) {
      try {
        Object.assign(job.experiment.panel, await job.extras());
      } catch (e) {
        if (isAbort(e, signal)) throw e;
        warnings.push(`Part of the panel of "${job.experiment.name}" was not computed: ${(e as Error).message}`);
      }
    }
    if (job.experiment.panel) job.experiment.timings = { ...job.experiment.timings, panel: now() - t0 };
    stage.progress(i + 1);
  }
  stage.done();
  return warnings;
}

/** What runPanels needs from an image or text run, once its scores, comparisons and reference are in. */
export interface RunPanelsInput extends Omit<PanelRun, 'frechetSampleSize'> {
  /** The real set's rows (n_real × dim) and classes (the reference's halves are split by them). */
  real: Float32Array;
  classes: readonly (string | null | undefined)[] | null;
  experiments: readonly { experiment: Experiment; synthetic: Float32Array; extras?: PanelJob['extras'] }[];
  /** The real-vs-real reference, when the run has one; its panel compares the same two halves. */
  reference: Experiment | null;
  referenceExtras?: (halves: RealHalves) => PanelJob['extras'];
}

/** Every experiment's panel, then the reference's; returns the warnings of those that failed. */
export async function runPanels(input: RunPanelsInput): Promise<string[]> {
  const { real, dim } = input;
  const nReal = real.length / dim;
  const jobs: PanelJob[] = input.experiments.map((e) => ({ experiment: e.experiment, real, synthetic: e.synthetic, extras: e.extras }));
  if (input.reference) {
    // The same seeded split computeReference scored (pipeline/reference.ts), so the row's panel and scores agree.
    const halves = splitRealHalves(nReal, input.seed, input.classes);
    jobs.push({ experiment: input.reference, real: pickRows(real, dim, halves.a), synthetic: pickRows(real, dim, halves.b), extras: input.referenceExtras?.(halves) });
  }
  const n = frechetSampleSize(nReal, input.experiments.map((e) => e.synthetic.length / dim));
  return addPanels(jobs, { ...input, frechetSampleSize: n });
}

/**
 * The report as it stands before the panel stage, for a host that shows the headline first:
 * experiments, reference and warnings copied one level, so what the panel adds does not reach it.
 */
export function headlineOf(r: Report): Report {
  return {
    ...r,
    experiments: r.experiments.map((e) => ({ ...e })),
    ...(r.reference ? { reference: { ...r.reference } } : {}),
    ...(r.warnings ? { warnings: [...r.warnings] } : {}),
  };
}
