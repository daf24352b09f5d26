// What an .onnx file says about itself, read from its bytes without running it: its inputs and
// outputs (names and dims, a symbolic dim as null) and a guess at the image manifest a user would
// write for it (docs/models.md, "Your own model"). The app's form pre-fills from this and the CLI
// fills a lone .onnx's manifest from it. Pure (onnx-proto only): no Node, DOM or onnxruntime.
import onnxProto from 'onnx-proto';
import type { ModelManifest } from './manifest.ts';

const { onnx } = onnxProto as typeof import('onnx-proto');
const DataType = onnx.TensorProto.DataType;

export interface OnnxTensorInfo {
  name: string;
  /** Element type as ONNX names it ('FLOAT', 'INT64'…), or null when the graph does not say. */
  elemType: string | null;
  /** Each dimension's size; null for a symbolic (dynamic) one. null: the graph gives no shape. */
  dims: (number | null)[] | null;
}

/** What a manifest for this graph would probably say; only what the graph shows. */
export interface SuggestedManifest {
  input?: Partial<Pick<ModelManifest['input'], 'name' | 'layout' | 'width' | 'height' | 'channels'>>;
  output?: Partial<ModelManifest['output']>;
}

export interface OnnxInspection {
  producer: string;
  opset: number | null;
  inputs: OnnxTensorInfo[];
  outputs: OnnxTensorInfo[];
  suggested: SuggestedManifest;
}

export class OnnxFormatError extends Error {
  override name = 'OnnxFormatError';
}

type Long = { toNumber(): number };
const num = (v: number | Long | null | undefined): number | null =>
  v == null ? null : typeof v === 'number' ? v : v.toNumber();

/** No control bytes in its head (tabs and line breaks aside): what a text file named .onnx looks
 *  like. An ONNX file starts with a binary field tag (0x08, its IR version). */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 512);
  return head.every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
}

function tensorInfo(v: import('onnx-proto').onnx.IValueInfoProto): OnnxTensorInfo {
  const t = v.type?.tensorType;
  const elem = t?.elemType;
  return {
    name: v.name ?? '',
    elemType: elem ? (DataType[elem] ?? String(elem)) : null,
    dims: t?.shape?.dim ? t.shape.dim.map((d) => (d.dimParam ? null : num(d.dimValue) || null)) : null,
  };
}

/** A 4-D input with 3 channels: NCHW when dim 1 is 3, NHWC when dim 3 is 3 (NCHW wins a tie). */
function guessInput(inputs: OnnxTensorInfo[]): SuggestedManifest['input'] {
  const image = inputs.find((i) => i.dims?.length === 4 && (i.dims[1] === 3 || i.dims[3] === 3)) ?? (inputs.length === 1 ? inputs[0] : undefined);
  if (!image) return undefined;
  const s: NonNullable<SuggestedManifest['input']> = { name: image.name };
  const d = image.dims;
  if (d?.length === 4 && (d[1] === 3 || d[3] === 3)) {
    const nchw = d[1] === 3;
    s.layout = nchw ? 'NCHW' : 'NHWC';
    s.channels = 3;
    const [h, w] = nchw ? [d[2], d[3]] : [d[1], d[2]];
    if (h) s.height = h;
    if (w) s.width = w;
  }
  return s;
}

/** The output when there is one (or one whose name says embedding); its last dim as the size. */
function guessOutput(outputs: OnnxTensorInfo[]): SuggestedManifest['output'] {
  const out = outputs.length === 1 ? outputs[0] : outputs.find((o) => /embed|feature|pool/i.test(o.name));
  if (!out) return undefined;
  const last = out.dims?.length ? out.dims[out.dims.length - 1] : null;
  return last ? { name: out.name, dimension: last } : { name: out.name };
}

/** Reads an .onnx file's graph signature; throws OnnxFormatError when the bytes are no ONNX model. */
export function inspectOnnx(bytes: Uint8Array): OnnxInspection {
  if (bytes.length === 0) throw new OnnxFormatError('the file is empty, not an ONNX model');
  // Text is told apart first: protobuf would read some of it as fields and complain about others.
  if (looksLikeText(bytes)) throw new OnnxFormatError('the file is text, not an ONNX model (an ONNX model is a binary protobuf file)');
  let model: import('onnx-proto').onnx.ModelProto;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (e) {
    const msg = (e as Error).message;
    // protobufjs reads past the end of a cut file as "index out of range".
    if (/index out of range/i.test(msg)) throw new OnnxFormatError(`the file ends early: it is truncated or not an ONNX model (${bytes.length} bytes)`);
    throw new OnnxFormatError(`the file is not an ONNX model (${msg})`);
  }
  const g = model.graph;
  if (!g || !num(model.irVersion)) throw new OnnxFormatError('the file holds no ONNX graph: it is truncated or not an ONNX model');
  // Older exporters list the weights among the inputs as well; they are not fed.
  const weights = new Set((g.initializer ?? []).map((t) => t.name));
  const inputs = (g.input ?? []).filter((v) => !weights.has(v.name ?? '')).map(tensorInfo);
  const outputs = (g.output ?? []).map(tensorInfo);
  if (!inputs.length || !outputs.length) throw new OnnxFormatError(`the ONNX graph has ${inputs.length} inputs and ${outputs.length} outputs: it is truncated or not a usable model`);
  const opset = (model.opsetImport ?? []).find((o) => !o.domain || o.domain === 'ai.onnx');
  return {
    producer: [model.producerName, model.producerVersion].filter(Boolean).join(' '),
    opset: opset ? num(opset.version) : null,
    inputs,
    outputs,
    suggested: { input: guessInput(inputs), output: guessOutput(outputs) },
  };
}
