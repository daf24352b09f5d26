// A minimal ONNX graph builder over onnx-proto, shared by the model build script and the
// in-memory Gemm graph. Pure TypeScript (no Node APIs) so the web side could use it too.
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto as typeof import('onnx-proto');
const T = onnx.TensorProto.DataType;
const A = onnx.AttributeProto.AttributeType;

export type ElemType = 'float32' | 'uint8' | 'int32' | 'int64';
const ELEM: Record<ElemType, number> = { float32: T.FLOAT, uint8: T.UINT8, int32: T.INT32, int64: T.INT64 };
export type AttrValue = number | number[] | string | { float: number };
/** A dimension: a fixed size, or a symbolic name for a dynamic one. */
export type Dim = number | string;

function attr(name: string, v: AttrValue): import('onnx-proto').onnx.IAttributeProto {
  if (typeof v === 'string') return { name, type: A.STRING, s: new TextEncoder().encode(v) };
  if (Array.isArray(v)) return { name, type: A.INTS, ints: v };
  if (typeof v === 'object') return { name, type: A.FLOAT, f: v.float };
  return { name, type: A.INT, i: v };
}

function valueInfo(name: string, elem: ElemType, dims: Dim[]) {
  const dim = dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return { name, type: { tensorType: { elemType: ELEM[elem], shape: { dim } } } };
}

function rawBytes(data: Float32Array | Uint8Array | Int32Array | BigInt64Array): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
}

export class OnnxGraph {
  private nodes: import('onnx-proto').onnx.INodeProto[] = [];
  private inits: import('onnx-proto').onnx.ITensorProto[] = [];
  private inputs: ReturnType<typeof valueInfo>[] = [];
  private outputs: ReturnType<typeof valueInfo>[] = [];
  private initNames = new Set<string>();
  private counter = 0;

  input(name: string, elem: ElemType, dims: Dim[]): string {
    this.inputs.push(valueInfo(name, elem, dims));
    return name;
  }
  output(name: string, elem: ElemType, dims: Dim[]): string {
    this.outputs.push(valueInfo(name, elem, dims));
    return name;
  }
  hasInit(name: string): boolean {
    return this.initNames.has(name);
  }
  /** Adds a constant tensor (stored little-endian raw, as ONNX requires). */
  init(name: string, dims: number[], data: Float32Array | Uint8Array | Int32Array | BigInt64Array): string {
    if (this.initNames.has(name)) return name;
    const elem: ElemType = data instanceof Float32Array ? 'float32' : data instanceof Uint8Array ? 'uint8'
      : data instanceof Int32Array ? 'int32' : 'int64';
    this.inits.push({ name, dims, dataType: ELEM[elem], rawData: rawBytes(data) });
    this.initNames.add(name);
    return name;
  }
  /** Adds a node; returns its output names. `outputs` may be a count of auto-named outputs. */
  node(op: string, inputs: string[], outputs: string[] | string, attrs: Record<string, AttrValue> = {}): string {
    const outs = Array.isArray(outputs) ? outputs : [outputs];
    const name = `${op}_${this.counter++}`;
    this.nodes.push({ name, opType: op, input: inputs, output: outs, attribute: Object.entries(attrs).map(([k, v]) => attr(k, v)) });
    return outs[0];
  }
  toBytes(opts: { opset?: number; producer?: string; graphName?: string; doc?: string } = {}): Uint8Array {
    const model = onnx.ModelProto.create({
      irVersion: 7,
      producerName: opts.producer ?? 'synthscore',
      opsetImport: [{ domain: '', version: opts.opset ?? 13 }],
      docString: opts.doc ?? '',
      graph: {
        name: opts.graphName ?? 'graph',
        node: this.nodes,
        initializer: this.inits,
        input: this.inputs,
        output: this.outputs,
      },
    });
    return onnx.ModelProto.encode(model).finish();
  }
}

/** y = a·bᵀ for a [M,K] and b [N,K], both dynamic: the kNN similarity kernel. */
export function gemmTransBModel(): Uint8Array {
  const g = new OnnxGraph();
  g.input('a', 'float32', ['M', 'K']);
  g.input('b', 'float32', ['N', 'K']);
  g.node('Gemm', ['a', 'b'], 'y', { transB: 1 });
  g.output('y', 'float32', ['M', 'N']);
  return g.toBytes({ graphName: 'gemm_transb' });
}
