// The text run's thresholds, calibrated on its real set (docs/metrics.md §2): light edits of a
// sample of real texts (core/text/text-edits.ts), embedded through the cache like any text; the
// whole calibration is kept for a re-run on the same real texts (pipeline/calibration-memo.ts).
import { calibrateOnReal, type RunCalibration } from '../../core/calibrate-signals.ts';
import { MIN_CALIBRATION_ROWS } from '../../core/calibrate.ts';
import { createRng, deriveSeed, sampleIndices } from '../../core/random.ts';
import { normaliseForCopy, textCopySignal } from '../../core/text/copy-signal.ts';
import { editText, TEXT_EDIT_KINDS } from '../../core/text/text-edits.ts';
import { embedTexts, type TextPipelineEnv, type TextScoreOptions } from './embed-texts.ts';
import { calibrationKey, memoisedCalibration } from '../calibration-memo.ts';

/** Real texts edited for the copies: 4 edits each, so 400 copies. */
export const TEXT_CALIBRATION_SAMPLES = 100;

/** `texts`: the real texts as the run analyses them; `vectors`: their unit embeddings. */
export async function calibrateTexts(
  texts: readonly string[],
  vectors: Float32Array,
  env: TextPipelineEnv,
  opts: TextScoreOptions & { seed: number },
): Promise<RunCalibration | null> {
  if (texts.length < MIN_CALIBRATION_ROWS) return null;
  const { id, version } = env.embedder.manifest;
  // The texts themselves name the rows: their embeddings are a function of them and the model.
  const key = await calibrationKey({ kind: `text:${TEXT_CALIBRATION_SAMPLES}:${TEXT_EDIT_KINDS.join(',')}`, model: `${id}@${version}`, seed: opts.seed, rows: texts });
  return memoisedCalibration(key, () => calibrateFresh(texts, vectors, env, opts), opts.onProgress);
}

async function calibrateFresh(texts: readonly string[], vectors: Float32Array, env: TextPipelineEnv, opts: TextScoreOptions & { seed: number }): Promise<RunCalibration | null> {
  const n = texts.length;
  const picks = Array.from(sampleIndices(n, Math.min(n, TEXT_CALIBRATION_SAMPLES), createRng(deriveSeed(opts.seed, 11))));
  const copies = picks.flatMap((source, p) =>
    TEXT_EDIT_KINDS.map((kind, k) => ({ source, kind, text: editText(texts[source], kind, createRng(deriveSeed(opts.seed, p * TEXT_EDIT_KINDS.length + k))) })),
  );
  const embedded = await embedTexts(copies.map((c) => c.text), env, 'calibrate: edited copies', opts);
  return calibrateOnReal({
    // Texts equal once case, spacing and punctuation are gone are one text, not two neighbours.
    real: { vectors, n, dim: env.embedder.manifest.output.dimension, hashes: texts.map(normaliseForCopy) },
    copies: { vectors: embedded.vectors, source: copies.map((c) => c.source), kind: copies.map((c) => c.kind) },
    copySignal: textCopySignal([...texts, ...copies.map((c) => c.text)]),
    gemm: env.gemm,
    signal: opts.signal,
    onProgress: opts.onProgress,
  });
}
