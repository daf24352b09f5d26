// Layer-by-layer translation of a TF.js *layers* model (a Keras functional model, channels-last)
// into ONNX (NCHW inside, opset 13), beside convert.ts which does the same for a TF.js *graph*
// model. The Inception-V3 that nsfwjs bundles is such a model. Only the ancestors of the chosen
// output layer are translated, so a classifier head past it is dropped.
//
// Semantics follow tfjs-layers as it runs the model (the parity test compares with it):
//   - 'same' padding is TensorFlow's (the odd pixel of padding goes after), written as explicit pads;
//   - AveragePooling2D averages only the pixels inside the image (TF.js's pool divides by the
//     count of real pixels), which is ONNX's count_include_pad = 0;
//   - BatchNormalization uses the moving statistics (inference), kept as an ONNX
//     BatchNormalization node that onnxruntime folds into the convolution before it at load.
import { OnnxGraph } from '../../src/models/onnx-build.ts';
import { splitWeights, type DecodedModel, type KerasLayer, type RawTensor, type TfLayersModel } from './decode.ts';
import { emitWeight, type WeightMode } from './weights.ts';

export interface LayersConvertOptions {
  weights: WeightMode;
  /** The Keras layer whose output becomes the graph output. */
  outputLayer: string;
  inputName: string;
  outputName: string;
  graphName: string;
}

/** A translated layer's value and its shape without the batch axis: [C, H, W] (NCHW) or [D]. */
interface Value {
  name: string;
  shape: number[];
}

export function convertKerasLayers(decoded: DecodedModel<TfLayersModel>, opts: LayersConvertOptions): Uint8Array {
  const { layers } = decoded.model.modelTopology.model_config.config;
  const byName = new Map(layers.map((l) => [l.name, l]));
  const weights = splitWeights(decoded);
  const g = new OnnxGraph();
  const values = new Map<string, Value>();

  // Ancestors of the output in dependency order (a depth-first post-order walk).
  const order: KerasLayer[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, from: string) => {
    const layer = byName.get(name);
    if (!layer) throw new Error(`keras-layers: ${from} refers to a layer ${name} that the model does not have`);
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`keras-layers: a cycle through ${name}`);
    state.set(name, 'visiting');
    if (layer.inbound_nodes.length > 1) fail(layer, 'a layer called more than once (shared layers) is not supported');
    for (const [inbound] of layer.inbound_nodes[0] ?? []) visit(inbound, name);
    state.set(name, 'done');
    order.push(layer);
  };
  visit(opts.outputLayer, 'the output');

  for (const layer of order) values.set(layer.name, translate(layer));
  const out = values.get(opts.outputLayer)!;
  if (out.shape.length !== 1) throw new Error(`keras-layers: output ${opts.outputLayer} is not a vector (shape ${out.shape})`);
  g.node('Identity', [out.name], opts.outputName);
  g.output(opts.outputName, 'float32', ['N', out.shape[0]]);
  return g.toBytes({ graphName: opts.graphName, producer: 'synthscore tfjs-to-onnx (keras layers)' });

  function weight(layer: KerasLayer, which: string, perm?: number[]): string {
    const t: RawTensor | undefined = weights.get(`${layer.name}/${which}`);
    if (!t) fail(layer, `missing weight ${layer.name}/${which}`);
    return emitWeight(g, `${layer.name}/${which}`, t, opts.weights, perm);
  }
  function constant(name: string, n: number, v: number): string {
    return g.init(name, [n], new Float32Array(n).fill(v));
  }
  function inputs(layer: KerasLayer): Value[] {
    return (layer.inbound_nodes[0] ?? []).map(([name, node, tensor]) => {
      if (node !== 0 || tensor !== 0) fail(layer, `input ${name}[${node}][${tensor}]: only single-output layers are supported`);
      return values.get(name)!;
    });
  }
  function single(layer: KerasLayer): Value {
    const ins = inputs(layer);
    if (ins.length !== 1) fail(layer, `expected one input, got ${ins.length}`);
    return ins[0];
  }
  function image(layer: KerasLayer): Value {
    const x = single(layer);
    if (x.shape.length !== 3) fail(layer, `expected a 4-D image tensor, got shape [N,${x.shape}]`);
    if ((layer.config.data_format ?? 'channels_last') !== 'channels_last') fail(layer, `data_format ${layer.config.data_format}`);
    return x;
  }

  function translate(layer: KerasLayer): Value {
    const c = layer.config;
    const out = layer.name;
    switch (layer.class_name) {
      case 'InputLayer': {
        const [, h, w, ch] = c.batch_input_shape as (number | null)[];
        if (c.batch_input_shape.length !== 4 || !h || !w || !ch) fail(layer, `need a fixed [N,H,W,C] input, got ${JSON.stringify(c.batch_input_shape)}`);
        g.input(opts.inputName, 'float32', ['N', h, w, ch]);
        return { name: g.node('Transpose', [opts.inputName], `${out}/nchw`, { perm: [0, 3, 1, 2] }), shape: [ch, h, w] };
      }
      case 'Conv2D': {
        const x = image(layer);
        const kernel = weights.get(`${out}/kernel`);
        if (!kernel) fail(layer, `missing weight ${out}/kernel`);
        const [kh, kw, cin, cout] = kernel.shape;
        if (cin !== x.shape[0]) fail(layer, `kernel expects ${cin} channels, input has ${x.shape[0]}`);
        const strides = c.strides as number[], dilations = (c.dilation_rate ?? [1, 1]) as number[];
        const { pads, hw } = padding(layer, x.shape, [kh, kw], strides, dilations);
        const w = weight(layer, 'kernel', [3, 2, 0, 1]); // HWIO → OIHW
        const ins = [x.name, w, ...(c.use_bias ? [weight(layer, 'bias')] : [])];
        const act = c.activation ?? 'linear';
        const conv = g.node('Conv', ins, act === 'linear' ? out : `${out}/conv`, {
          kernel_shape: [kh, kw], strides, dilations, pads, group: 1,
        });
        return activation(layer, act, { name: conv, shape: [cout, ...hw] });
      }
      case 'BatchNormalization': {
        const x = single(layer);
        const rank = x.shape.length + 1;
        if (c.axis !== -1 && c.axis !== rank - 1) fail(layer, `axis ${c.axis}: only the channel (last) axis is supported`);
        const ch = x.shape[0];
        const scale = c.scale === false ? constant(`${out}/gamma`, ch, 1) : weight(layer, 'gamma');
        const bias = c.center === false ? constant(`${out}/beta`, ch, 0) : weight(layer, 'beta');
        const bn = g.node('BatchNormalization', [x.name, scale, bias, weight(layer, 'moving_mean'), weight(layer, 'moving_variance')], out, {
          epsilon: { float: c.epsilon ?? 1e-3 },
        });
        return { name: bn, shape: x.shape };
      }
      case 'Activation':
        return activation(layer, c.activation, single(layer));
      case 'MaxPooling2D': case 'AveragePooling2D': {
        const x = image(layer);
        const k = c.pool_size as number[], strides = (c.strides ?? k) as number[];
        const { pads, hw } = padding(layer, x.shape, k, strides, [1, 1]);
        const avg = layer.class_name === 'AveragePooling2D';
        const pool = g.node(avg ? 'AveragePool' : 'MaxPool', [x.name], out, {
          kernel_shape: k, strides, pads, ...(avg ? { count_include_pad: 0 } : {}),
        });
        return { name: pool, shape: [x.shape[0], ...hw] };
      }
      case 'Concatenate': {
        const ins = inputs(layer);
        const rank = ins[0].shape.length + 1;
        const axis = c.axis < 0 ? c.axis + rank : c.axis;
        if (axis < 1 || axis >= rank) fail(layer, `axis ${c.axis}`);
        // Keras axis over [N, ...channels-last dims] → our layout: NHWC axis 3/1/2 → NCHW 1/2/3.
        const ours = rank === 4 ? [0, 2, 3, 1][axis] : axis;
        const shape = [...ins[0].shape];
        for (const v of ins.slice(1)) {
          if (v.shape.length !== shape.length) fail(layer, 'inputs of different ranks');
          shape[ours - 1] += v.shape[ours - 1];
        }
        return { name: g.node('Concat', ins.map((v) => v.name), out, { axis: ours }), shape };
      }
      case 'Flatten': {
        const x = single(layer);
        if (x.shape.length === 1) return x;
        const n = x.shape.reduce((a, b) => a * b, 1);
        // Keras flattens channels-last: with a 1×1 map the order is the same, otherwise go back to NHWC first.
        const src = x.shape.length === 3 && x.shape[1] * x.shape[2] > 1
          ? g.node('Transpose', [x.name], `${out}/nhwc`, { perm: [0, 2, 3, 1] }) : x.name;
        return { name: g.node('Flatten', [src], out, { axis: 1 }), shape: [n] };
      }
      case 'Dense': {
        const x = single(layer);
        if (x.shape.length !== 1) fail(layer, 'a Dense layer on a non-flat input');
        const mm = g.node('MatMul', [x.name, weight(layer, 'kernel')], `${out}/matmul`);
        const act = c.activation ?? 'linear';
        const y = c.use_bias === false ? mm : g.node('Add', [mm, weight(layer, 'bias')], act === 'linear' ? out : `${out}/bias`);
        return activation(layer, act, { name: y, shape: [c.units] });
      }
      case 'Dropout':
        return single(layer); // inference: the identity
      default:
        return fail(layer, 'unsupported layer');
    }
  }

  function activation(layer: KerasLayer, act: string, x: Value): Value {
    const out = layer.name;
    switch (act) {
      case 'linear': return x;
      case 'relu': return { name: g.node('Relu', [x.name], out), shape: x.shape };
      case 'sigmoid': return { name: g.node('Sigmoid', [x.name], out), shape: x.shape };
      case 'tanh': return { name: g.node('Tanh', [x.name], out), shape: x.shape };
      case 'softmax': return { name: g.node('Softmax', [x.name], out, { axis: x.shape.length === 3 ? 1 : -1 }), shape: x.shape };
      default: return fail(layer, `unsupported activation ${act}`);
    }
  }
}

/**
 * ONNX pads [top, left, bottom, right] and the output size, as TensorFlow computes them: 'valid'
 * takes whole windows only; 'same' gives ceil(in / stride) outputs with the odd pixel of padding
 * after (SAME_UPPER), written out so every runtime reads it the same way.
 */
function padding(layer: KerasLayer, shape: number[], k: number[], s: number[], d: number[]): { pads: number[]; hw: number[] } {
  const [, h, w] = shape;
  const eff = k.map((kk, i) => (kk - 1) * d[i] + 1);
  if (layer.config.padding === 'valid') {
    const hw = [h, w].map((n, i) => Math.floor((n - eff[i]) / s[i]) + 1);
    if (hw.some((n) => n < 1)) fail(layer, `window ${k} larger than the ${h}×${w} input`);
    return { pads: [0, 0, 0, 0], hw };
  }
  if (layer.config.padding !== 'same') fail(layer, `padding ${layer.config.padding}`);
  const hw = [h, w].map((n, i) => Math.ceil(n / s[i]));
  const total = [h, w].map((n, i) => Math.max((hw[i] - 1) * s[i] + eff[i] - n, 0));
  const before = total.map((t) => Math.floor(t / 2));
  return { pads: [before[0], before[1], total[0] - before[0], total[1] - before[1]], hw };
}

function fail(layer: KerasLayer, why: string): never {
  throw new Error(`tfjs-to-onnx (keras layers): ${layer.class_name} ${layer.name}: ${why}`);
}
