// Reading and rewriting a decoded ONNX model in place, for the image model's measured variants
// (scripts/bench-variants.ts): the NCHW input edit and the static int8 quantiser share these.
// onnx-proto only, as src/models/onnx-build.ts (which builds graphs; this edits an existing one).
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto as typeof import('onnx-proto');
export type Model = import('onnx-proto').onnx.ModelProto;
export type Node = import('onnx-proto').onnx.INodeProto;
export type Tensor = import('onnx-proto').onnx.ITensorProto;
export const DataType = onnx.TensorProto.DataType;
const A = onnx.AttributeProto.AttributeType;

export const decodeModel = (bytes: Uint8Array): Model => onnx.ModelProto.decode(bytes);
export const encodeModel = (m: Model): Uint8Array => onnx.ModelProto.encode(m).finish();

type Long = { toNumber(): number };
export const num = (v: number | Long | null | undefined): number => (v == null ? 0 : typeof v === 'number' ? v : v.toNumber());

/** The graph's initializers by name. */
export function initializers(m: Model): Map<string, Tensor> {
  return new Map(m.graph!.initializer!.map((t) => [t.name!, t]));
}

/** A float32 initializer's values (raw little-endian data or float_data), with its dims. */
export function floatValues(t: Tensor): { data: Float32Array; dims: number[] } {
  if (t.dataType !== DataType.FLOAT) throw new Error(`initializer ${t.name}: expected FLOAT, got data type ${t.dataType}`);
  const dims = (t.dims ?? []).map(num);
  const raw = t.rawData;
  const data = raw && raw.length
    ? new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength))
    : Float32Array.from(t.floatData ?? []);
  return { data, dims };
}

/** A constant tensor, stored raw (little-endian, as ONNX requires). */
export function tensor(name: string, dims: number[], data: Float32Array | Int8Array | Uint8Array | Int32Array): Tensor {
  const dataType = data instanceof Float32Array ? DataType.FLOAT : data instanceof Int8Array ? DataType.INT8
    : data instanceof Uint8Array ? DataType.UINT8 : DataType.INT32;
  return { name, dims, dataType, rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice() };
}

export function node(opType: string, input: string[], output: string[], attrs: Record<string, number> = {}): Node {
  return {
    name: `${opType}_${output[0]}`, opType, input, output,
    attribute: Object.entries(attrs).map(([name, i]) => ({ name, type: A.INT, i })),
  };
}

/** A float tensor's value info without a shape: enough to name an extra graph output. */
export const floatOutput = (name: string) => ({ name, type: { tensorType: { elemType: DataType.FLOAT } } });

/** The nodes that read each value. */
export function consumers(nodes: Node[]): Map<string, Node[]> {
  const by = new Map<string, Node[]>();
  for (const n of nodes) {
    for (const i of n.input ?? []) {
      if (!by.has(i)) by.set(i, []);
      by.get(i)!.push(n);
    }
  }
  return by;
}
