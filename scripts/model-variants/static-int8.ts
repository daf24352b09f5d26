// A statically quantised int8 variant of the image model, in QDQ form, for measuring only
// (scripts/bench-variants.ts; issue 17 asks whether the int8 kernels narrow onnxruntime-web's gap).
// From the fp32 file (the same dequantised weights as the default uint8 one, docs/models.md):
// - Conv weights: int8, symmetric, one scale per output channel; biases int32 at x_scale · w_scale;
// - activations: uint8, one asymmetric scale per tensor, from the min/max seen on calibration images
//   (every Conv and Add input and output);
// - Conv → Clip(0, 6) becomes Conv → Q with zero point 0 and range [0, min(6, max)]: the uint8 range
//   is the clip, as ONNX Runtime's own quantiser fuses Relu6.
// ONNX Runtime turns DQ → Conv → Q into QLinearConv and DQ, DQ → Add → Q into QLinearAdd at load;
// AveragePool and the rest stay float on the dequantised last activation.
import {
  consumers, decodeModel, encodeModel, floatOutput, floatValues, initializers, node, tensor,
  type Node, type Tensor,
} from './onnx-edit.ts';

export interface Range { min: number; max: number }

/** The fp32 model with every node's output also a graph output, and those outputs' names. */
export function calibrationModel(fp32: Uint8Array): { bytes: Uint8Array; tensors: string[] } {
  const m = decodeModel(fp32);
  const g = m.graph!;
  const have = new Set(g.output!.map((o) => o.name));
  const tensors = g.node!.flatMap((n) => n.output!).filter((o) => !have.has(o));
  g.output!.push(...tensors.map(floatOutput));
  return { bytes: encodeModel(m), tensors };
}

/** Folds each batch's outputs into the running min/max per tensor. */
export function widen(ranges: Map<string, Range>, name: string, data: Float32Array): void {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const r = ranges.get(name);
  ranges.set(name, r ? { min: Math.min(r.min, lo), max: Math.max(r.max, hi) } : { min: lo, max: hi });
}

/** uint8 affine parameters covering [min(0, lo), max(0, hi)] (0 exact, as ONNX requires). */
function activationParams(r: Range): { scale: number; zp: number } {
  const lo = Math.min(0, r.min), hi = Math.max(0, r.max);
  const scale = hi > lo ? (hi - lo) / 255 : 1;
  return { scale, zp: Math.min(255, Math.max(0, Math.round(-lo / scale))) };
}

const scalar = (name: string, v: number) => tensor(name, [], new Float32Array([v]));

export function quantiseStaticInt8(fp32: Uint8Array, ranges: Map<string, Range>): Uint8Array {
  const m = decodeModel(fp32);
  const g = m.graph!;
  const inits = initializers(m);
  const isConst = (v: string) => inits.has(v);
  const constValue = (v: string) => (inits.has(v) ? floatValues(inits.get(v)!).data[0] : NaN);

  // 1. Conv → Clip(0, 6) with nothing else reading the Conv: the Conv writes the Clip's output.
  const relu6 = new Set<string>();
  let by = consumers(g.node!);
  for (const c of [...g.node!]) {
    if (c.opType !== 'Clip' || constValue(c.input![1]) !== 0 || constValue(c.input![2]) !== 6) continue;
    const conv = g.node!.find((n) => n.opType === 'Conv' && n.output![0] === c.input![0]);
    if (!conv || by.get(c.input![0])!.length !== 1) continue;
    conv.output = [c.output![0]];
    relu6.add(c.output![0]);
    g.node!.splice(g.node!.indexOf(c), 1);
  }
  by = consumers(g.node!);

  // 2. Which activations get a Q/DQ pair, and their parameters.
  const quantised = new Map<string, { scale: number; zp: number }>();
  for (const n of g.node!) {
    if (n.opType !== 'Conv' && n.opType !== 'Add') continue;
    for (const v of [n.input![0], ...(n.opType === 'Add' ? [n.input![1]] : []), n.output![0]]) {
      if (isConst(v) || quantised.has(v)) continue;
      const r = ranges.get(v);
      if (!r) throw new Error(`quantiseStaticInt8: no calibration range for ${v}`);
      quantised.set(v, relu6.has(v) ? activationParams({ min: 0, max: Math.min(6, r.max) }) : activationParams(r));
    }
  }

  // 3. A new node list: Q after each quantised value's producer, one DQ per reader (ORT groups a
  //    DQ with the node it feeds), weights and biases as DQ of int8 / int32 constants.
  const newInits: Tensor[] = [];
  const out: Node[] = [];
  const used = new Set<string>();
  const qParams = (v: string) => {
    const p = quantised.get(v)!;
    if (!used.has(v)) {
      newInits.push(scalar(`${v}/scale`, p.scale), tensor(`${v}/zp`, [], new Uint8Array([p.zp])));
      used.add(v);
    }
    return [`${v}/scale`, `${v}/zp`];
  };
  const emitQ = (v: string) => out.push(node('QuantizeLinear', [v, ...qParams(v)], [`${v}/q`]));
  let k = 0;
  for (const n of g.node!) {
    const x = n.input![0];
    // Graph inputs that are quantised (none here: the first Conv reads the Sub's output) would need a Q first.
    n.input = n.input!.map((v) => {
      if (!quantised.has(v)) return v;
      const dq = `${v}/dq${k++}`;
      out.push(node('DequantizeLinear', [`${v}/q`, ...qParams(v)], [dq]));
      return dq;
    });
    if (n.opType === 'Conv') quantiseConvConstants(n, quantised.get(x)!.scale, inits, newInits, out);
    out.push(n);
    for (const o of n.output!) if (quantised.has(o)) emitQ(o);
  }
  g.node = out;

  // 4. Initializers: the new ones, and the old ones still read.
  const read = new Set(out.flatMap((n) => n.input!));
  g.initializer = [...g.initializer!.filter((t) => read.has(t.name!)), ...newInits];
  return encodeModel(m);
}

/** Replaces a Conv's float weight and bias by DQ of int8 (per output channel) and int32 constants;
 *  xScale is the scale of the Conv's (quantised) input. */
function quantiseConvConstants(conv: Node, xScale: number, inits: Map<string, Tensor>, newInits: Tensor[], out: Node[]): void {
  const [xDq, wName, bName] = conv.input!;
  const w = floatValues(inits.get(wName)!);
  const O = w.dims[0], per = w.data.length / O;
  const wScale = new Float32Array(O), q = new Int8Array(w.data.length);
  for (let o = 0; o < O; o++) {
    let mx = 0;
    for (let i = o * per; i < (o + 1) * per; i++) mx = Math.max(mx, Math.abs(w.data[i]));
    wScale[o] = mx > 0 ? mx / 127 : 1;
    for (let i = o * per; i < (o + 1) * per; i++) q[i] = Math.max(-127, Math.min(127, Math.round(w.data[i] / wScale[o])));
  }
  const base = conv.output![0];
  newInits.push(tensor(`${base}/w_q`, w.dims, q), tensor(`${base}/w_scale`, [O], wScale), tensor(`${base}/w_zp`, [O], new Int8Array(O)));
  out.push(node('DequantizeLinear', [`${base}/w_q`, `${base}/w_scale`, `${base}/w_zp`], [`${base}/w`], { axis: 0 }));
  const inputs = [xDq, `${base}/w`];
  if (bName) {
    const b = floatValues(inits.get(bName)!);
    const bScale = new Float32Array(O), bq = new Int32Array(O);
    for (let o = 0; o < O; o++) {
      bScale[o] = Math.fround(xScale) * wScale[o];
      bq[o] = Math.round(b.data[o] / bScale[o]);
    }
    newInits.push(tensor(`${base}/b_q`, [O], bq), tensor(`${base}/b_scale`, [O], bScale), tensor(`${base}/b_zp`, [O], new Int32Array(O)));
    out.push(node('DequantizeLinear', [`${base}/b_q`, `${base}/b_scale`, `${base}/b_zp`], [`${base}/b`], { axis: 0 }));
    inputs.push(`${base}/b`);
  }
  conv.input = inputs;
}
