// Reads the TF.js models that nsfwjs bundles as UMD modules, executing none of their code: a graph
// model (MobileNetV2, for convert.ts) or a Keras layers model (Inception-V3, for keras-layers.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsLiteral, sliceBalanced } from './js-literal.ts';

export interface WeightEntry {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  quantization?: { min?: number; scale: number; dtype: 'uint8' | 'uint16' | 'float16' };
}
export interface TfNode {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, any>;
}
export type WeightsManifest = { paths: string[]; weights: WeightEntry[] }[];
export interface TfGraphModel {
  format: string;
  modelTopology: { node: TfNode[] };
  weightsManifest: WeightsManifest;
  [k: string]: unknown;
}
/** One Keras layer; `inbound_nodes[call][k]` = [layer, node index, tensor index, kwargs]. */
export interface KerasLayer {
  name: string;
  class_name: string;
  config: Record<string, any>;
  inbound_nodes: [string, number, number, unknown][][];
}
/** A Keras functional model as tfjs-layers stores it (model.json of `tf.loadLayersModel`). */
export interface TfLayersModel {
  modelTopology: {
    keras_version?: string;
    backend?: string;
    model_config: { class_name: string; config: { name?: string; layers: KerasLayer[]; input_layers: unknown[]; output_layers: unknown[] } };
    [k: string]: unknown;
  };
  weightsManifest: WeightsManifest;
  [k: string]: unknown;
}
export interface DecodedModel<M = TfGraphModel> {
  model: M;
  /** The concatenated shards, as stored (quantised bytes). */
  weightData: Uint8Array;
}

/** The graph model in an nsfwjs model folder (e.g. dist/models/mobilenet_v2_mid). */
export function decodeNsfwjsModel(dir: string): DecodedModel<TfGraphModel> {
  const decoded = decodeBundle(dir);
  if (!Array.isArray((decoded.model.modelTopology as TfGraphModel['modelTopology'] | undefined)?.node)) {
    throw new Error(`${dir}/model.min.js: not a TF.js graph model (no modelTopology.node)`);
  }
  return decoded as DecodedModel<TfGraphModel>;
}

/** The Keras layers model in an nsfwjs model folder (e.g. dist/models/inception_v3). */
export function decodeNsfwjsLayersModel(dir: string): DecodedModel<TfLayersModel> {
  const decoded = decodeBundle(dir);
  if (!Array.isArray((decoded.model.modelTopology as TfLayersModel['modelTopology'] | undefined)?.model_config?.config?.layers)) {
    throw new Error(`${dir}/model.min.js: not a TF.js layers model (no modelTopology.model_config.config.layers)`);
  }
  return decoded as DecodedModel<TfLayersModel>;
}

function decodeBundle(dir: string): DecodedModel<{ modelTopology: unknown; weightsManifest: WeightsManifest }> {
  const modelSrc = readFileSync(join(dir, 'model.min.js'), 'utf8');
  const at = modelSrc.indexOf('exports={');
  if (at < 0) throw new Error(`${dir}/model.min.js: no "exports={" found`);
  const model = parseJsLiteral(sliceBalanced(modelSrc, at + 'exports='.length)) as { modelTopology: unknown; weightsManifest: WeightsManifest };
  if (!Array.isArray(model?.weightsManifest)) throw new Error(`${dir}/model.min.js: no weightsManifest`);
  const shards: Buffer[] = [];
  for (const p of model.weightsManifest.flatMap((g) => g.paths)) {
    const src = readFileSync(join(dir, `${p}.min.js`), 'utf8');
    const m = /exports="([A-Za-z0-9+/=]+)"/.exec(src);
    if (!m) throw new Error(`${p}.min.js: no base64 payload found`);
    shards.push(Buffer.from(m[1], 'base64'));
  }
  return { model, weightData: new Uint8Array(Buffer.concat(shards)) };
}

export interface RawTensor {
  shape: number[];
  /** Dequantised values (what TF.js computes). */
  values: Float32Array;
  /** Present when stored as uint8: value = q * scale + min. */
  quant?: { q: Uint8Array; scale: number; min: number };
}

export function splitWeights({ model, weightData }: DecodedModel<{ weightsManifest: WeightsManifest }>): Map<string, RawTensor> {
  const out = new Map<string, RawTensor>();
  let off = 0;
  for (const w of model.weightsManifest.flatMap((g) => g.weights)) {
    const n = w.shape.reduce((a, b) => a * b, 1);
    const qd = w.quantization;
    if (qd && qd.dtype === 'uint8') {
      const q = weightData.slice(off, off + n);
      const min = qd.min ?? 0;
      // Same float32 arithmetic order as tfjs-core's io.decodeWeights: v * scale + min.
      const values = new Float32Array(n);
      for (let k = 0; k < n; k++) values[k] = q[k] * qd.scale + min;
      out.set(w.name, { shape: w.shape, values, quant: { q, scale: qd.scale, min } });
      off += n;
    } else if (!qd && w.dtype === 'float32') {
      const values = new Float32Array(weightData.slice(off, off + 4 * n).buffer);
      out.set(w.name, { shape: w.shape, values });
      off += 4 * n;
    } else throw new Error(`unsupported weight encoding for ${w.name}: ${JSON.stringify(w)}`);
  }
  if (off !== weightData.length) throw new Error(`weights: read ${off} of ${weightData.length} bytes`);
  return out;
}
