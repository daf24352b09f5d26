// The seam between the models and the platform: one small interface that the Node adapter
// (ort-node.ts, onnxruntime-node) and the browser adapter (ort-web.ts, onnxruntime-web) implement,
// so the image embedder, the text embedder and the GEMM are written once over it, as
// transformers.js does over its two backends. Pure types and checks: no Node, DOM or ONNX imports.

/** An input tensor as plain data, so it can cross to an inference thread unchanged. */
export interface TensorData {
  type: 'float32' | 'int64';
  data: Float32Array | BigInt64Array;
  dims: number[];
}

export type Feeds = Record<string, TensorData>;

export interface Session {
  /**
   * Runs the graph and returns output `output`'s values. A session on its own thread takes the
   * feeds' buffers (transferred, not copied): the caller must not use them afterwards.
   */
  run(feeds: Feeds, output: string): Promise<Float32Array>;
  release(): Promise<void>;
  /** The graph's input and output names, as the runtime loaded them. */
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
}

export interface SessionOptions {
  /** May run on the GPU where the platform offers one (the web's WebGPU backend). */
  gpu?: boolean;
  /** Runs on its own thread where the platform's run() blocks the caller (Node). */
  ownThread?: boolean;
}

export interface Runtime {
  /** Names the runtime and its settings in the keys that share loaded models. */
  readonly key: string;
  /** The file `name` of a model folder: a directory on Node, a URL ending in '/' on the web. */
  locate(folder: string, name: string): string;
  /** Reads a JSON file (`what` names it in the error when it cannot be read). */
  readJson(file: string, what: string): Promise<unknown>;
  /** A session over an ONNX file (located as above) or the bytes of one. */
  createSession(model: string | Uint8Array, what: string, opts?: SessionOptions): Promise<Session>;
}

/**
 * Checks a model's output for `n` rows of `dim` values, all finite: a wrong size (the manifest's
 * `output.dimension` is not what the graph makes) or NaN/Infinity (a broken graph, or an input range
 * the model was not made for) is an Error that names the model and the problem.
 */
export function checkRows(y: Float32Array, n: number, dim: number, modelId: string): Float32Array {
  if (y.length !== n * dim) {
    const per = y.length % n === 0 ? `${y.length / n} values per item` : `${y.length} values for ${n} items`;
    throw new Error(`model ${modelId}: its output has ${per}, but the manifest's output.dimension is ${dim}`);
  }
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i])) {
      throw new Error(`model ${modelId}: its output has ${Number.isNaN(y[i]) ? 'NaN' : 'Infinity'} (item ${Math.floor(i / dim) + 1} of ${n}, value ${(i % dim) + 1} of ${dim})`);
    }
  }
  return y;
}

/** A model folder on a runtime, and which variant of its ONNX file (default: the manifest's). */
export interface FolderModelRef {
  runtime: Runtime;
  folder: string;
  variant?: string;
}

/**
 * A model given as its manifest and the bytes of its .onnx file (the page's stored user model, the
 * CLI's lone .onnx with flags). `key` names the bytes (the file's SHA-256); models are shared by
 * key and manifest, so the same file read with another manifest is another model.
 */
export interface InlineModelRef<M = unknown> {
  runtime: Runtime;
  manifest: M;
  bytes: Uint8Array;
  key: string;
}

export type ModelRef<M = unknown> = FolderModelRef | InlineModelRef<M>;

export const isInlineModel = <M>(m: ModelRef<M>): m is InlineModelRef<M> => 'bytes' in m;

export const modelKey = (m: ModelRef): string =>
  isInlineModel(m) ? `${m.runtime.key}\0inline\0${m.key}\0${JSON.stringify(m.manifest)}` : `${m.runtime.key}\0${m.folder}\0${m.variant ?? ''}`;
