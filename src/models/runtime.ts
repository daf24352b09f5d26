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

/** Checks that a model returned `n` rows of `dim` values. */
export function checkRows(y: Float32Array, n: number, dim: number, modelId: string): Float32Array {
  if (y.length !== n * dim) throw new Error(`model ${modelId}: output has ${y.length} values, expected ${n * dim}`);
  return y;
}

/** A model folder on a runtime, and which variant of its ONNX file (default: the manifest's). */
export interface ModelRef {
  runtime: Runtime;
  folder: string;
  variant?: string;
}

export const modelKey = (m: ModelRef): string => `${m.runtime.key}\0${m.folder}\0${m.variant ?? ''}`;
