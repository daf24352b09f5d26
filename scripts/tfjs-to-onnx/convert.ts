// Op-by-op translation of a TF.js graph model (NHWC) into ONNX (NCHW, opset 13).
import { OnnxGraph } from '../../src/models/onnx-build.ts';
import { splitWeights, type DecodedModel, type RawTensor, type TfNode } from './decode.ts';
import { emitWeight, type WeightMode } from './weights.ts';

export interface ConvertOptions {
  weights: WeightMode;
  /** Suffix of the TF node whose value becomes the graph output. */
  outputNode: string;
  outputName: string;
  outputDim: number;
  inputName: string;
}

const b64 = (s: string) => Buffer.from(s, 'base64').toString('utf8');
const ints = (a: any): number[] => (a?.list?.i ?? []).map(Number);
const tfName = (s: string) => s.replace(/:0$/, '');
/** NHWC axis → NCHW axis, for ops whose attributes name axes of a 4-D activation. */
const NHWC_TO_NCHW = [0, 2, 3, 1];

export function convertTfjsGraph(decoded: DecodedModel, opts: ConvertOptions): Uint8Array {
  const nodes = decoded.model.modelTopology.node;
  const weights = splitWeights(decoded);
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const target = nodes.find((n) => n.name.endsWith(opts.outputNode));
  if (!target) throw new Error(`no node ends with ${opts.outputNode}`);

  // Only the ancestors of the output are translated (this drops the classifier head).
  const needed = new Set<string>();
  const visit = (name: string) => {
    if (needed.has(name)) return;
    needed.add(name);
    for (const i of byName.get(name)?.input ?? []) visit(tfName(i));
  };
  visit(target.name);

  // Names shortened to the part after the common TF scope, for a readable graph.
  const short = (s: string) => tfName(s).replace(/^.*\/predict\//, '');
  const g = new OnnxGraph();
  const values = new Map<string, string>(); // TF node → ONNX value
  const weight = (tf: string, perm?: number[], dims?: number[]) => {
    const t: RawTensor | undefined = weights.get(tfName(tf));
    if (!t) throw new Error(`missing weight ${tf}`);
    return emitWeight(g, short(tf), t, opts.weights, perm, dims);
  };
  const val = (tf: string) => values.get(tfName(tf)) ?? weight(tf);
  const clip6 = () => [g.init('relu6/min', [], new Float32Array([0])), g.init('relu6/max', [], new Float32Array([6]))];

  for (const n of nodes) {
    if (!needed.has(n.name) || n.op === 'Const') continue;
    const out = short(n.name);
    const ins = n.input ?? [];
    values.set(n.name, translate(n, out, ins));
  }
  const outVal = values.get(target.name)!;
  g.node('Identity', [outVal], opts.outputName);
  g.output(opts.outputName, 'float32', ['N', opts.outputDim]);
  return g.toBytes({ graphName: 'mobilenet_v2_1.4_features', producer: 'synthscore tfjs-to-onnx' });

  function translate(n: TfNode, out: string, ins: string[]): string {
    const a = n.attr ?? {};
    switch (n.op) {
      case 'Placeholder': {
        const dims = a.shape.shape.dim.map((d: any) => (Number(d.size) < 0 ? 'N' : Number(d.size)));
        g.input(opts.inputName, 'float32', dims);
        return g.node('Transpose', [opts.inputName], `${out}/nchw`, { perm: [0, 3, 1, 2] });
      }
      case 'Mul': case 'Sub': case 'AddV2':
        return g.node(n.op === 'AddV2' ? 'Add' : n.op, [val(ins[0]), val(ins[1])], out);
      case '_FusedConv2D': case 'FusedDepthwiseConv2dNative': {
        const fused = (a.fused_ops?.list?.s ?? []).map(b64);
        if (fused[0] !== 'BiasAdd' || fused.slice(1).some((f: string) => f !== 'Relu6')) {
          throw new Error(`${n.name}: unsupported fused ops ${fused}`);
        }
        if (b64(a.data_format?.s ?? 'TkhXQw==') !== 'NHWC') throw new Error(`${n.name}: not NHWC`);
        const wt = weights.get(tfName(ins[1]))!;
        const [kh, kw, c, m] = wt.shape;
        const depthwise = n.op === 'FusedDepthwiseConv2dNative';
        // HWIO → OIHW; depthwise HWCM → [C·M, 1, H, W] (output channel c·M + m), group = C.
        const w = depthwise ? weight(ins[1], [2, 3, 0, 1], [c * m, 1, kh, kw]) : weight(ins[1], [3, 2, 0, 1]);
        const pad = b64(a.padding.s);
        const conv = g.node('Conv', [val(ins[0]), w, weight(ins[2])], fused.length > 1 ? `${out}/conv` : out, {
          kernel_shape: [kh, kw],
          strides: ints(a.strides).slice(1, 3),
          dilations: ints(a.dilations).slice(1, 3),
          auto_pad: pad === 'SAME' ? 'SAME_UPPER' : pad === 'VALID' ? 'VALID' : fail(n, pad),
          group: depthwise ? c : 1,
        });
        return fused.length > 1 ? g.node('Clip', [conv, ...clip6()], out) : conv;
      }
      case 'AvgPool': {
        const pad = b64(a.padding.s);
        if (pad !== 'VALID') fail(n, pad);
        return g.node('AveragePool', [val(ins[0])], out, {
          kernel_shape: ints(a.ksize).slice(1, 3), strides: ints(a.strides).slice(1, 3),
        });
      }
      case 'Squeeze': {
        const axes = ints(a.squeeze_dims).map((d) => NHWC_TO_NCHW[d]).sort();
        return g.node('Squeeze', [val(ins[0]), g.init(`${out}/axes`, [axes.length], BigInt64Array.from(axes.map(BigInt)))], out);
      }
      case '_FusedMatMul': {
        if (a.transpose_a?.b || a.transpose_b?.b) fail(n, 'transposed MatMul');
        const mm = g.node('MatMul', [val(ins[0]), weight(ins[1])], `${out}/matmul`);
        return g.node('Add', [mm, weight(ins[2])], out);
      }
      case 'Softmax': return g.node('Softmax', [val(ins[0])], out, { axis: -1 });
      case 'Identity': return g.node('Identity', [val(ins[0])], out);
      default: return fail(n, 'unsupported op');
    }
  }
}

function fail(n: TfNode, why: string): never {
  throw new Error(`tfjs-to-onnx: ${n.op} ${n.name}: ${why}`);
}
