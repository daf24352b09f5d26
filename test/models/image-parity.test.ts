// Parity of our ONNX conversion of nsfwjs's MobileNetV2 (both variants, through the Node adapter)
// with the original TF.js graph model, run by @tensorflow/tfjs on its cpu backend, on real images.
import { describe } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { decodeNsfwjsModel } from '../../scripts/tfjs-to-onnx/decode.ts';
import { nsfwjsModelDir, OUT_DIR } from '../../scripts/build-image-model.ts';
import { normaliseRows } from '../../src/core/normalise.ts';
import { createImageEmbedder } from '../../src/models/ort-node.ts';
import { describeParity } from './parity-images.ts';

const S = 224, DIM = 1792;

/** The original model, loaded from the decoded bundle through an in-memory IOHandler. */
async function original(batch: Float32Array, n: number): Promise<Float32Array> {
  await tf.setBackend('cpu');
  const { model, weightData } = decodeNsfwjsModel(nsfwjsModelDir());
  const graph = await tf.loadGraphModel({
    load: async () => ({
      modelTopology: model.modelTopology,
      weightSpecs: model.weightsManifest.flatMap((g) => g.weights) as tf.io.WeightsManifestEntry[],
      weightData: weightData.slice().buffer,
      format: model.format,
    }),
  });
  const node = model.modelTopology.node.find((m) => m.name.endsWith('feature_vector/SpatialSqueeze'))!.name;
  const x = tf.tensor4d(batch, [n, S, S, 3]);
  const y = graph.execute(x, node) as tf.Tensor;
  const out = normaliseRows(Float32Array.from(await y.data()), n, DIM);
  tf.dispose([x, y]);
  graph.dispose();
  return out;
}

describe('mobilenet-v2-1.4-nsfwjs', () => {
  describeParity({ dir: OUT_DIR, size: S, dim: DIM, digits: [0, 1, 2, 3, 4, 5, 6, 7], pngs: ['7zip', 'ffox', 'gimp'], original },
    (dir, variant) => createImageEmbedder(dir, { variant }));
});
