// The image model with an NCHW input: the converter (scripts/tfjs-to-onnx/convert.ts) keeps the
// TF.js NHWC input and opens the graph with one NHWC → NCHW Transpose; this variant drops that
// Transpose and declares the input [N, 3, H, W], so the embedder lays the batch out instead
// (src/models/input-adapt.ts, manifest `input.layout: "NCHW"`). Only for measuring (bench-variants.ts).
import { decodeModel, encodeModel, num } from './onnx-edit.ts';

export function nchwInputModel(bytes: Uint8Array): Uint8Array {
  const m = decodeModel(bytes);
  const g = m.graph!;
  if (g.input!.length !== 1) throw new Error(`nchwInputModel: expected one graph input, got ${g.input!.length}`);
  const input = g.input![0];
  const t = g.node!.findIndex((n) => n.opType === 'Transpose' && n.input![0] === input.name);
  if (t < 0) throw new Error(`nchwInputModel: no Transpose reads the input "${input.name}"`);
  const perm = g.node![t].attribute!.find((a) => a.name === 'perm')?.ints?.map(num);
  if (JSON.stringify(perm) !== '[0,3,1,2]') throw new Error(`nchwInputModel: the input Transpose has perm ${JSON.stringify(perm)}, not [0,3,1,2]`);
  const transposed = g.node![t].output![0];
  g.node!.splice(t, 1);
  for (const n of g.node!) n.input = n.input!.map((i) => (i === transposed ? input.name! : i));
  const dim = input.type!.tensorType!.shape!.dim!;
  input.type!.tensorType!.shape!.dim = [dim[0], dim[3], dim[1], dim[2]];
  return encodeModel(m);
}
