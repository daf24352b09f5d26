// The Node runtime adapter: the only Node module that imports onnxruntime-node. It implements the
// runtime interface (runtime.ts) over model files on disk; the embedders and the GEMM on top are
// the same as in the browser. A session that asks for its own thread (the image model) runs in
// ort-node-thread.mjs; the rest run in this thread.
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { transfer } from 'comlink';
import ort from 'onnxruntime-node';
import type { Gemm } from '../core/gemm.ts';
import { createGemm } from './gemm-session.ts';
import { openImageEmbedder, trialImageModel, type ImageEmbedder } from './image-embedder.ts';
import { startNodeThread } from './node-thread.ts';
import { gemmTransBModel } from './onnx-build.ts';
import type { Feeds, InlineModelRef, Runtime, Session } from './runtime.ts';
import type { ModelManifest } from './manifest.ts';
import { openTextEmbedder, type TextEmbedder } from './text-embedder.ts';

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

/** A session on the calling thread: its callers (text, GEMM) wait for each run anyway. */
async function sessionHere(model: string | Uint8Array, options: ort.InferenceSession.SessionOptions): Promise<Session> {
  const session = typeof model === 'string' ? await ort.InferenceSession.create(model, options) : await ort.InferenceSession.create(model, options);
  return {
    async run(feeds, output) {
      const tensors = Object.fromEntries(Object.entries(feeds).map(([k, t]) => [k, new ort.Tensor(t.type, t.data, t.dims)]));
      return (await session.run(tensors))[output].data as Float32Array;
    },
    release: () => session.release(),
    inputNames: session.inputNames,
    outputNames: session.outputNames,
  };
}

/** What ort-node-thread.mjs exposes. */
interface SessionThreadApi {
  /** Loads the session; returns its input and output names. */
  load(model: string | Uint8Array, options: ort.InferenceSession.SessionOptions): Promise<{ inputNames: string[]; outputNames: string[] }>;
  run(feeds: Feeds, output: string): Promise<Float32Array>;
}

async function sessionOnThread(model: string | Uint8Array, options: ort.InferenceSession.SessionOptions): Promise<Session> {
  const thread = startNodeThread<SessionThreadApi>(new URL('./ort-node-thread.mjs', import.meta.url), 'The inference thread');
  const names = await thread.call((t) => t.load(model, options)).catch(async (e) => {
    await thread.terminate();
    throw e;
  });
  return {
    ...names,
    run: (feeds, output) => thread.call((t) => t.run(transfer(feeds, Object.values(feeds).map((f) => f.data.buffer)), output)),
    release: () => thread.terminate(),
  };
}

/** A model given as its manifest and .onnx bytes, keyed by the file's SHA-256 (runtime.ts). */
export type InlineModel = Omit<InlineModelRef<ModelManifest>, 'runtime'>;

/** Model files on disk, sessions with `threads` intra-op threads (default: every core). */
export function nodeRuntime(threads?: number): Runtime {
  const options = sessionOptions(threads);
  return {
    key: `node:${threads ?? ''}`,
    locate: join,
    readJson: async (file) => JSON.parse(await readFile(file, 'utf8')),
    createSession: (model, _what, opts = {}) => (opts.ownThread ? sessionOnThread(model, options) : sessionHere(model, options)),
  };
}

/** The image model in a folder (manifest.json + its .onnx), or one given inline (a user's .onnx). */
export function createImageEmbedder(model: string | InlineModel, opts: { threads?: number; variant?: string } = {}): Promise<ImageEmbedder> {
  const runtime = nodeRuntime(opts.threads);
  return openImageEmbedder(typeof model === 'string' ? { runtime, folder: resolve(model), variant: opts.variant } : { runtime, ...model });
}

/** Loads a model from its bytes, runs one blank image through it and closes it: the measured
 *  output size (the CLI's lone .onnx whose graph leaves it open) and the run's time. */
export async function tryImageModel(manifest: ModelManifest, bytes: Uint8Array, opts: { threads?: number } = {}): Promise<{ dimension: number; ms: number }> {
  const session = await nodeRuntime(opts.threads).createSession(bytes, `the model ${manifest.id}`);
  try {
    return await trialImageModel(session, manifest);
  } finally {
    await session.release();
  }
}

export function createTextEmbedder(modelDir: string, opts: { threads?: number } = {}): Promise<TextEmbedder> {
  return openTextEmbedder({ runtime: nodeRuntime(opts.threads), folder: resolve(modelDir) });
}

/** a·bᵀ (row-major aRows×bRows) by an in-memory ONNX Gemm; the kNN stage injects it. */
export function createOrtGemm(opts: { threads?: number } = {}): Gemm {
  return createGemm(() => nodeRuntime(opts.threads), gemmTransBModel());
}
