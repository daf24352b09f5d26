// Weight layout changes (TF → ONNX) and the two ways of storing weights in the ONNX file.
import type { OnnxGraph } from '../../src/models/onnx-build.ts';
import type { RawTensor } from './decode.ts';

/** Permutes a dense row-major tensor: out axis i is input axis perm[i]. */
export function permute<A extends Float32Array | Uint8Array>(data: A, shape: number[], perm: number[]): A {
  const outShape = perm.map((p) => shape[p]);
  const inStrides = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const strides = perm.map((p) => inStrides[p]);
  const out = new (data.constructor as new (n: number) => A)(data.length);
  const idx = new Array(outShape.length).fill(0);
  for (let o = 0; o < out.length; o++) {
    let src = 0;
    for (let d = 0; d < idx.length; d++) src += idx[d] * strides[d];
    out[o] = data[src];
    for (let d = idx.length - 1; d >= 0 && ++idx[d] === outShape[d]; d--) idx[d] = 0;
  }
  return out;
}

export type WeightMode = 'uint8' | 'fp32';

/**
 * Emits a weight as an ONNX value, after an optional layout change (perm, then reshape to dims).
 * 'uint8' keeps the stored bytes and rebuilds floats with Cast→Gather into a 256-entry table of
 * q·scale+min: the table is computed exactly as TF.js does (float64 then one rounding to float32),
 * which DequantizeLinear+Add (two float32 roundings, off by 1 ulp for ~64% of codes here) is not.
 */
export function emitWeight(
  g: OnnxGraph, name: string, t: RawTensor, mode: WeightMode, perm?: number[], dims?: number[],
): string {
  const outDims = dims ?? (perm ? perm.map((p) => t.shape[p]) : t.shape);
  if (g.hasInit(name)) return name;
  if (mode === 'fp32' || !t.quant || t.values.length <= 256) {
    const v = perm ? permute(t.values, t.shape, perm) : t.values;
    return g.init(name, outDims, v);
  }
  const { q, scale, min } = t.quant;
  const lut = new Float32Array(256);
  for (let k = 0; k < 256; k++) lut[k] = k * scale + min;
  const qName = g.init(`${name}/q`, outDims, perm ? permute(q, t.shape, perm) : q);
  const lutName = g.init(`${name}/lut`, [256], lut);
  const idx = g.node('Cast', [qName], `${name}/idx`, { to: 6 /* INT32 */ });
  return g.node('Gather', [lutName, idx], name, { axis: 0 });
}
