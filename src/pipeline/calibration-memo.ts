// The real set's calibration (docs/metrics.md §2), kept in this worker or process for the next run
// on the same real set (issue 17: the prompt loop re-runs one real set against new synthetic sets).
// It is a function of the real rows' content, the model, the seed and the calibration's own
// constants alone, so the key is exactly those: a re-run reuses it, anything else calibrates anew.
import type { RunCalibration } from '../core/calibrate-signals.ts';
import type { ProgressCallback } from '../core/progress.ts';
import { recentlyUsed } from '../core/memoise.ts';
import { textHash } from './content-hash.ts';

/** The last few real sets' calibrations (one per modality in a page's loop is the common case). */
const KEPT = 4;
export const REUSED_STAGE = 'calibrate: kept from the last run';
const kept = recentlyUsed<RunCalibration | null>(KEPT);

export interface CalibrationIdentity {
  /** Which pipeline calibrated, and the version of its edits and signals (a change invalidates). */
  kind: string;
  /** The model: id, version and, for a user's model, its file's SHA-256. */
  model: string;
  seed: number;
  /** The real rows' content hashes (or texts), in order: the calibration depends on the order. */
  rows: readonly string[];
}

/** One SHA-256 over everything the calibration depends on. */
export async function calibrationKey(id: CalibrationIdentity): Promise<string> {
  return textHash(JSON.stringify([id.kind, id.model, id.seed, id.rows.length, ...id.rows]));
}

/**
 * The calibration kept under `key`, or `compute`'s, kept for next time. A copy is returned each
 * time, so no run can change what the next one reads. A failed or cancelled calibration is not kept.
 * A kept one shows as its own progress stage, so the panel says where the thresholds came from.
 */
export async function memoisedCalibration(
  key: string,
  compute: () => Promise<RunCalibration | null>,
  onProgress?: ProgressCallback,
): Promise<RunCalibration | null> {
  if (kept.has(key)) {
    const hit = kept.get(key)!;
    onProgress?.({ status: 'initiate', stage: REUSED_STAGE });
    onProgress?.({ status: 'done', stage: REUSED_STAGE });
    return structuredClone(hit);
  }
  const fresh = await compute();
  kept.set(key, structuredClone(fresh));
  return fresh;
}
