// The image run's thresholds, calibrated on its real set (docs/metrics.md §2): light edits of a
// sample of real images (core/image/pixel-edits.ts), made from the decoded pixels on every
// platform alike, embedded and described like any image. Each edited copy is cached under a key
// derived from its source file, its edit and the seed, so a re-run does not decode or embed them;
// and the whole calibration is kept for a re-run on the same real set (pipeline/calibration-memo.ts).
import { calibrateOnReal, type RunCalibration } from '../../core/calibrate-signals.ts';
import { MIN_CALIBRATION_ROWS } from '../../core/calibrate.ts';
import { throwIfAborted } from '../../core/errors.ts';
import { COPY_DESCRIPTOR, copyDescriptor } from '../../core/image/copy-descriptor.ts';
import { imageCopySignal } from '../../core/image/image-copy-signal.ts';
import { editImage, IMAGE_EDIT_KINDS } from '../../core/image/pixel-edits.ts';
import type { ProgressCallback } from '../../core/progress.ts';
import { createRng, deriveSeed, sampleIndices } from '../../core/random.ts';
import { preprocessImage } from '../../models/preprocess.ts';
import { textHash } from '../content-hash.ts';
import { calibrationKey, memoisedCalibration } from '../calibration-memo.ts';
import { joinRecord, splitRecord } from './cache-record.ts';
import { issueFields, type EmbeddedSet } from './embed-set.ts';
import type { PipelineEnv } from './environment.ts';

/** Real images edited for the copies: 6 edits each, so 240 copies (their catch rate ± 3%). */
export const IMAGE_CALIBRATION_SAMPLES = 40;
const BATCH = 16;

interface EditedCopy {
  source: number;
  kind: string;
  key: string;
}

type CalibrateOptions = { seed: number; signal?: AbortSignal; onProgress?: ProgressCallback };

/** The run's calibration, or null when the real set is too small to calibrate. The same real files
 *  (by content, in order), model and seed as a run before it in this worker: that run's. */
export async function calibrateImages(real: EmbeddedSet, env: PipelineEnv, opts: CalibrateOptions): Promise<RunCalibration | null> {
  if (real.items.length < MIN_CALIBRATION_ROWS) return null;
  const { manifest, sha256 } = env.embedder;
  const key = await calibrationKey({
    kind: `image:${IMAGE_CALIBRATION_SAMPLES}:${IMAGE_EDIT_KINDS.join(',')}:${COPY_DESCRIPTOR.id}`,
    model: `${manifest.id}@${manifest.version}:${sha256 ?? 'builtin'}`,
    seed: opts.seed,
    rows: real.fileHashes,
  });
  return memoisedCalibration(key, () => calibrateFresh(real, env, opts), opts.onProgress);
}

async function calibrateFresh(real: EmbeddedSet, env: PipelineEnv, opts: CalibrateOptions): Promise<RunCalibration | null> {
  const n = real.items.length;
  const dim = env.embedder.manifest.output.dimension, cd = COPY_DESCRIPTOR.dim;
  const { width, height } = env.embedder.manifest.input;
  const picks = Array.from(sampleIndices(n, Math.min(n, IMAGE_CALIBRATION_SAMPLES), createRng(deriveSeed(opts.seed, 11))));
  const copies: EditedCopy[] = [];
  for (const source of picks)
    for (const kind of IMAGE_EDIT_KINDS) copies.push({ source, kind, key: await textHash(`${real.fileHashes[source]}:${kind}:${opts.seed}:${COPY_DESCRIPTOR.id}`) });

  const vectors = new Float32Array(copies.length * dim), descriptors = new Float32Array(copies.length * cd);
  const stage = 'calibrate: edited copies';
  opts.onProgress?.({ status: 'initiate', stage, total: copies.length });
  for (let s = 0; s < copies.length; s += BATCH) {
    throwIfAborted(opts.signal);
    const batch = copies.slice(s, s + BATCH);
    const misses: number[] = [];
    const hits = await env.cache.getMany(batch.map((c) => c.key));
    for (const [b, hit] of hits.entries()) {
      if (!hit) { misses.push(b); continue; }
      const r = splitRecord(hit.vector, dim);
      vectors.set(r.vector, (s + b) * dim);
      descriptors.set(r.descriptor, (s + b) * cd);
    }
    if (misses.length) {
      const px = width * height * 3, pixels = new Float32Array(misses.length * px);
      const made = await Promise.all(misses.map(async (b, m) => {
        const c = batch[b];
        const img = await env.decodeImage(await env.readItem(real.root, real.items[c.source]), real.items[c.source].path);
        // The edit is a function of its cache key alone, so a cached copy is always the one its key names.
        const edited = editImage(img, c.kind as (typeof IMAGE_EDIT_KINDS)[number], createRng(parseInt(c.key.slice(0, 8), 16)));
        preprocessImage(edited, { width, height }, pixels, m * px);
        // Issue scores too, so the record has the layout every image record has (they are not read here).
        return { descriptor: copyDescriptor(edited), ...issueFields(edited), pixelHash: await env.hashPixels(edited) };
      }));
      const y = await env.embedder.embed(pixels, misses.length);
      await env.cache.putMany(misses.map((b, m) => {
        vectors.set(y.subarray(m * dim, (m + 1) * dim), (s + b) * dim);
        descriptors.set(made[m].descriptor, (s + b) * cd);
        return { fileHash: batch[b].key, value: { vector: joinRecord({ vector: y.subarray(m * dim, (m + 1) * dim), descriptor: made[m].descriptor, issues: made[m].issues, size: made[m].size }), pixelHash: made[m].pixelHash } };
      }));
    }
    opts.onProgress?.({ status: 'progress', stage, done: Math.min(copies.length, s + BATCH), total: copies.length });
  }
  opts.onProgress?.({ status: 'done', stage, done: copies.length, total: copies.length });

  const all = new Float32Array((n + copies.length) * cd);
  all.set(real.descriptors, 0);
  all.set(descriptors, n * cd);
  return calibrateOnReal({
    real: { vectors: real.vectors, n, dim, hashes: real.pixelHashes },
    copies: { vectors, source: copies.map((c) => c.source), kind: copies.map((c) => c.kind) },
    copySignal: imageCopySignal(all, n + copies.length),
    gemm: env.gemm,
    signal: opts.signal,
    onProgress: opts.onProgress,
  });
}
