// The run's near-duplicate thresholds (docs/metrics.md §2), once per run on the real set, for the
// embedding and the modality's copy signal alike: the null from a kNN over the real rows only, the
// copies from light edits of sampled real rows that the pipeline made and embedded.
import { calibrateSignal, MIN_CALIBRATION_ROWS, MIN_CATCH_RATE, nearestDistinct } from './calibrate.ts';
import { copyGraph, type CopySignal } from './copy-signal.ts';
import { checkpoint, type AbortSignalLike } from './errors.ts';
import type { Gemm } from './gemm.ts';
import { knnCosine } from './knn.ts';
import type { ProgressCallback } from './progress.ts';
import type { SignalCalibration, SignalThreshold, ThresholdInfo } from '../report/schema.ts';

/** Neighbours looked at for each real row's nearest *distinct* one: as many as scoring looks at, so
 *  a copy signal's re-ranked candidates find the same nearest rows in both. */
const NULL_K = 10;
/** The embedding must catch at least this share of edited copies that the copy signal misses to be
 *  worth its own false pairs (their union is what a user reads). */
export const MIN_ADDED_CATCH = 0.05;

export interface CalibrationInput {
  /** The real rows' embeddings, unit-norm, and their content hashes. */
  real: { vectors: Float32Array; n: number; dim: number; hashes: readonly (string | null | undefined)[] };
  /** Edited copies of sampled real rows: embeddings (unit-norm), each one's source row and edit kind. */
  copies: { vectors: Float32Array; source: readonly number[]; kind: readonly string[] };
  /** The copy signal over the real rows followed by the copies (n + copies rows); absent: none. */
  copySignal?: CopySignal;
  gemm: Gemm;
  signal?: AbortSignalLike;
  /** The work on the real rows (their kNN and copy graph) as the stage "calibrate: thresholds". */
  onProgress?: ProgressCallback;
}

/** The progress stage of the calibration's own work on the real rows. */
export const CALIBRATE_STAGE = 'calibrate: thresholds';

export interface SignalResult extends SignalCalibration {
  threshold: number;
  used: boolean;
  /** The embedding: share of edited copies it catches that the copy signal misses. */
  addedCatch?: number;
}

export interface RunCalibration {
  embedding: SignalResult;
  copy: SignalResult | null;
  copyMeasure: string | null;
}

export async function calibrateOnReal(input: CalibrationInput): Promise<RunCalibration> {
  input.onProgress?.({ status: 'initiate', stage: CALIBRATE_STAGE });
  const out = await calibrate(input);
  input.onProgress?.({ status: 'done', stage: CALIBRATE_STAGE });
  return out;
}

async function calibrate(input: CalibrationInput): Promise<RunCalibration> {
  const { real, copies, gemm, signal } = input;
  const { n, dim } = real;
  const sampled = new Set(copies.source).size;
  const embGraph = await knnCosine(real.vectors, n, dim, Math.min(NULL_K, n - 1), { gemm, signal });
  await checkpoint(signal);
  const embCopies = copies.source.map((src, c) => {
    let s = 0;
    for (let t = 0; t < dim; t++) s += copies.vectors[c * dim + t] * real.vectors[src * dim + t];
    return { kind: copies.kind[c], distance: Math.max(0, 1 - s) };
  });
  const embedding: SignalResult = calibrateSignal(nearestDistinct(embGraph, real.hashes), embCopies, { sampled });
  let copy: SignalResult | null = null;
  if (input.copySignal) {
    const sig = input.copySignal;
    const g = await copyGraph(sig, n, Math.min(NULL_K, n - 1), { gemm, signal });
    const copyCopies = copies.source.map((src, c) => ({ kind: copies.kind[c], distance: sig.distance(src, n + c) }));
    // The copy signal is the modality's own evidence of copying: used whatever it catches.
    copy = { ...calibrateSignal(nearestDistinct(g, real.hashes), copyCopies, { sampled }), used: true };
    // The embedding's false pairs add to the copy signal's: it joins only when it also adds catches.
    let added = 0;
    for (let c = 0; c < copyCopies.length; c++) if (embCopies[c].distance < embedding.threshold && !(copyCopies[c].distance < copy.threshold)) added++;
    embedding.addedCatch = copyCopies.length ? added / copyCopies.length : 0;
    embedding.used &&= embedding.addedCatch >= MIN_ADDED_CATCH;
  }
  return { embedding, copy, copyMeasure: input.copySignal?.measure ?? null };
}

export type ThresholdChoice = { kind: 'manifest' } | { kind: 'user'; value: number } | { kind: 'relative' };

/** What the engine is given, and how the report describes it (its 'relative' value filled in after). */
export interface Thresholds {
  tau: number | 'relative';
  copyThreshold: number | null;
  describe(tauInForce: number): ThresholdInfo;
}

const pct = (x: number) => `${(100 * x).toFixed(x < 0.1 ? 1 : 0)}%`;

/**
 * The thresholds in force. Calibrated by default; with too few real rows (no calibration), the
 * model's default for the embedding and the modality's default for the copy signal. A user's
 * threshold or Cleanlab's relative rule replaces the embedding's and is labelled as such.
 */
export function thresholdsInForce(
  choice: ThresholdChoice,
  cal: RunCalibration | null,
  defaults: { manifestTau: number; copy: { value: number; measure: string } | null; realRows: number },
): Thresholds {
  const copyCal = cal?.copy ?? null;
  const copyUsed = defaults.copy !== null;
  const copyValue = copyCal ? copyCal.threshold : defaults.copy?.value ?? null;
  const embUsed = cal ? cal.embedding.used : true;
  const calTau = cal ? (embUsed ? cal.embedding.threshold : 0) : defaults.manifestTau;
  const tau = choice.kind === 'user' ? choice.value : choice.kind === 'relative' ? 'relative' : calTau;
  const tooFew = `only ${defaults.realRows} real rows (calibration needs ${MIN_CALIBRATION_ROWS})`;

  const describe = (tauInForce: number): ThresholdInfo => {
    const source = choice.kind === 'user' ? 'user' : choice.kind === 'relative' ? 'relative' : cal ? 'calibrated' : 'manifest';
    const embNote =
      choice.kind === 'user' ? 'set by the user'
      : choice.kind === 'relative' ? "Cleanlab's relative rule: 0.13 × median nearest-neighbour distance (fails when most rows are copies)"
      : !cal ? `the model's default: ${tooFew}`
      : embUsed ? `calibrated on the real set at ${pct(cal.embedding.targetFalsePairRate)} false pairs`
      : cal.embedding.catchRate < MIN_CATCH_RATE
        ? `not used: at ${pct(cal.embedding.targetFalsePairRate)} false pairs (distance ${cal.embedding.threshold.toFixed(4)}) it catches only ${pct(cal.embedding.catchRate)} of edited copies on this data`
        : `not used: at ${pct(cal.embedding.targetFalsePairRate)} false pairs it catches ${pct(cal.embedding.catchRate)} of edited copies, but only ${pct(cal.embedding.addedCatch ?? 0)} that the copy signal misses: its false pairs would cost more than it adds`;
    const signals: SignalThreshold[] = [{
      signal: 'embedding',
      measure: "cosine distance of the model's embedding",
      value: tauInForce,
      source: source === 'calibrated' ? 'calibrated' : source,
      used: tauInForce > 0,
      note: embNote,
      ...(cal ? { calibration: strip(cal.embedding) } : {}),
    }];
    if (copyUsed && copyValue !== null) {
      signals.push({
        signal: 'copy',
        measure: cal?.copyMeasure ?? defaults.copy!.measure,
        value: copyValue,
        source: copyCal ? 'calibrated' : 'default',
        used: true,
        note: copyCal
          ? `calibrated on the real set at ${pct(copyCal.targetFalsePairRate)} false pairs`
          : `the default: ${tooFew}`,
        ...(copyCal ? { calibration: strip(copyCal) } : {}),
      });
    }
    return { value: tauInForce, source, note: embNote, signals };
  };
  return { tau, copyThreshold: copyUsed ? copyValue : null, describe };
}

function strip(r: SignalResult): SignalCalibration {
  const { threshold: _t, used: _u, addedCatch: _a, ...cal } = r;
  return cal;
}
