// The real-vs-real reference (docs/uncertainty.md, issue 13): the real set split in two seeded
// halves, half B scored as if synthetic against half A through the run's own experiment function.
// What it scores is what "indistinguishable" looks like with this model, these rows and settings;
// 0.5 / 0 is the ideal only with infinitely many rows. The modalities share the split, the size
// check and the progress stage here; each pipeline supplies how a half is cut from its data.
import { MIN_ROWS_PER_SIDE } from '../core/engine.ts';
import { throwIfAborted } from '../core/errors.ts';
import type { ProgressCallback } from '../core/progress.ts';
import { createRng, deriveSeed, shuffle } from '../core/random.ts';
import type { Experiment } from '../report/schema.ts';
import { referenceNotComputed } from './reference-note.ts';

export const REFERENCE_NAME = 'real vs real';
export const REFERENCE_STAGE = 'reference';

export interface RealHalves {
  /** Row indices of the real set, ascending: A plays the real side, B the synthetic side. */
  a: number[];
  b: number[];
  stratified: boolean;
}

/**
 * Two halves of n real rows, seeded. Stratified by class when every row has one: each class is
 * shuffled and dealt alternately, so each half keeps the class shares (a class missing from one
 * half would make the reference look unrepresentative for a reason the synthetic sets never had).
 */
export function splitRealHalves(n: number, seed: number, classes?: readonly (string | null | undefined)[] | null): RealHalves {
  const rng = createRng(deriveSeed(seed, 401));
  const stratified = !!classes && classes.length === n && classes.every((c) => c !== null && c !== undefined);
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const key = stratified ? String(classes![i]) : '';
    const g = groups.get(key);
    if (g) g.push(i); else groups.set(key, [i]);
  }
  const a: number[] = [], b: number[] = [];
  let deal = 0;
  for (const key of [...groups.keys()].sort()) for (const i of shuffle(groups.get(key)!, rng)) (deal++ % 2 === 0 ? a : b).push(i);
  return { a: a.sort((x, y) => x - y), b: b.sort((x, y) => x - y), stratified };
}

/** The warning when a half is too small to score, or null. */
export function referenceTooSmall(halves: RealHalves, folds: number): string | null {
  const need = Math.max(MIN_ROWS_PER_SIDE, folds);
  const small = Math.min(halves.a.length, halves.b.length);
  if (small >= need) return null;
  return referenceNotComputed(small, need);
}

/** The warning the reference of n real rows will give, or null: known before it is computed, so a
 *  headline sent ahead of the reference already says when none will come. */
export function referenceWarning(nReal: number, classes: readonly (string | null | undefined)[] | null | undefined, settings: { seed: number; folds: number }): string | null {
  return referenceTooSmall(splitRealHalves(nReal, settings.seed, classes), settings.folds);
}

/**
 * Runs `score` (the modality's experiment function on the two halves) as its own progress stage:
 * "reference", with the inner stages as "reference: classifier" etc. Returns the experiment named
 * "real vs real", or, when a half is too small, null and the warning to add to the report.
 */
export async function computeReference(
  nReal: number,
  classes: readonly (string | null | undefined)[] | null | undefined,
  settings: { seed: number; folds: number },
  opts: { signal?: AbortSignal; onProgress?: ProgressCallback },
  score: (halves: RealHalves, named: { name: string }, onProgress: ProgressCallback) => Promise<Experiment>,
): Promise<{ reference: Experiment | null; warning: string | null }> {
  throwIfAborted(opts.signal);
  const halves = splitRealHalves(nReal, settings.seed, classes);
  const warning = referenceTooSmall(halves, settings.folds);
  if (warning) return { reference: null, warning };
  opts.onProgress?.({ status: 'initiate', stage: REFERENCE_STAGE });
  // The experiment function prefixes its stages with the experiment's name; the reference's are its own.
  const prefix = `${REFERENCE_NAME}: `;
  const inner: ProgressCallback = (e) => opts.onProgress?.({ ...e, stage: `${REFERENCE_STAGE}: ${e.stage.startsWith(prefix) ? e.stage.slice(prefix.length) : e.stage}` });
  const reference = await score(halves, { name: REFERENCE_NAME }, inner);
  opts.onProgress?.({ status: 'done', stage: REFERENCE_STAGE });
  return { reference: { ...reference, name: REFERENCE_NAME }, warning: null };
}

/** The rows of `idx` from a row-major n×dim array. */
export function pickRows<T extends Float32Array | Float64Array>(x: T, dim: number, idx: readonly number[]): T {
  const out = new (x.constructor as new (n: number) => T)(idx.length * dim);
  idx.forEach((r, k) => out.set(x.subarray(r * dim, (r + 1) * dim), k * dim));
  return out;
}
