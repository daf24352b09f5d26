// The Node runtime adapter: the only Node module that imports onnxruntime-node.
// Sessions are loaded once per (file, threads) and shared, runs on one session queued
// (ort-node-loader.ts, as for text).
import { availableParallelism } from 'node:os';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import ort from 'onnxruntime-node';
import { MANIFEST_FILE, parseManifest, variantFile, type ModelManifest } from './manifest.ts';
import { normaliseRows } from '../core/normalise.ts';
import { gemmTransBModel } from './onnx-build.ts';
import { sharedModels } from './ort-node-loader.ts';
import { startSessionThread, type SessionThread } from './ort-node-session-thread.ts';

export interface ImageEmbedder {
  manifest: ModelManifest;
  /**
   * `batch` is n×H×W×3 NHWC in [0, 1]; returns n×dim, each row L2-normalised. The batch's buffer
   * is transferred to the inference thread: the caller must not use it afterwards.
   */
  embed(batch: Float32Array, n: number): Promise<Float32Array>;
  release(): Promise<void>;
}

const imageModels = sharedModels<{ thread: SessionThread; manifest: ModelManifest }>(({ thread }) => thread.close());

/** The session options every Node session uses (image, text, GEMM). */
export function sessionOptions(threads?: number): ort.InferenceSession.SessionOptions {
  return {
    intraOpNumThreads: threads ?? availableParallelism(),
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    // Idle intra-op threads would spin between batches and take the cores that decode the next one.
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  };
}

export async function createImageEmbedder(
  modelDir: string, opts: { threads?: number; variant?: string } = {},
): Promise<ImageEmbedder> {
  const dir = resolve(modelDir);
  const shared = await imageModels(`${dir}\0${opts.variant ?? ''}\0${opts.threads ?? ''}`, async () => {
    const manifest = parseManifest(JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')));
    if (manifest.modality !== 'image') throw new Error(`model ${manifest.id} is not an image model`);
    const file = join(dir, variantFile(manifest, opts.variant));
    const { height, width, channels } = manifest.input;
    const thread = await startSessionThread(file, sessionOptions(opts.threads), manifest.input.name, manifest.output.name, [height, width, channels]);
    return { thread, manifest };
  });
  const { thread, manifest } = shared.value;
  const { width, height, channels } = manifest.input;
  const dim = manifest.output.dimension;
  let released = false;

  return {
    manifest,
    embed(batch, n) {
      if (released) return Promise.reject(new Error('embedder released'));
      if (!Number.isInteger(n) || n < 1 || batch.length !== n * width * height * channels) {
        return Promise.reject(new RangeError(`embed: expected ${n}×${height}×${width}×${channels} floats, got ${batch.length}`));
      }
      return shared.run(async () => {
        const y = await thread.run(batch, n);
        if (y.length !== n * dim) throw new Error(`model ${manifest.id}: output has ${y.length} values, expected ${n * dim}`);
        return normaliseRows(y, n, dim);
      });
    },
    async release() {
      released = true;
      await shared.release();
    },
  };
}

export type GemmFn = (a: Float32Array, aRows: number, b: Float32Array, bRows: number, dim: number) => Promise<Float32Array>;

/** a·bᵀ (row-major aRows×bRows) by an in-memory ONNX Gemm; the kNN stage injects it. */
export function createOrtGemm(opts: { threads?: number } = {}): GemmFn {
  let session: Promise<ort.InferenceSession> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  return (a, aRows, b, bRows, dim) => {
    if (a.length !== aRows * dim || b.length !== bRows * dim) {
      return Promise.reject(new RangeError(`gemm: a ${a.length} ≠ ${aRows}×${dim} or b ${b.length} ≠ ${bRows}×${dim}`));
    }
    if (!session) {
      const s = ort.InferenceSession.create(gemmTransBModel(), sessionOptions(opts.threads));
      s.catch(() => { if (session === s) session = null; });
      session = s;
    }
    const sp = session;
    const job = async () => {
      const out = await (await sp).run({
        a: new ort.Tensor('float32', a, [aRows, dim]),
        b: new ort.Tensor('float32', b, [bRows, dim]),
      });
      return out.y.data as Float32Array;
    };
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  };
}
