// Parity of our ONNX conversion of nsfwjs's Inception-V3 (a Keras layers model, converted by
// scripts/tfjs-to-onnx/keras-layers.ts; both variants, through the Node adapter) with the original
// run by @tensorflow/tfjs on its cpu backend, on real images. The embedding is flatten_1, the 2048-d
// input of nsfwjs's classifier head. TF.js's cpu backend takes ~16 s per 299×299 image here, so
// the set is small: two digits and two PNGs with transparency.
import { describe } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { decodeNsfwjsLayersModel } from '../../scripts/tfjs-to-onnx/decode.ts';
import { INCEPTION_DIR, nsfwjsModelDir } from '../../scripts/build-image-model.ts';
import { normaliseRows } from '../../src/core/normalise.ts';
import { createImageEmbedder } from '../../src/models/ort-node.ts';
import { describeParity } from './parity-images.ts';

const S = 299, DIM = 2048;

/** The original, loaded from the decoded bundle through an in-memory IOHandler and cut at
 *  flatten_1 the way nsfwjs's infer(img, endpoint) cuts it. */
async function original(batch: Float32Array, n: number): Promise<Float32Array> {
  await tf.setBackend('cpu');
  const { model, weightData } = decodeNsfwjsLayersModel(nsfwjsModelDir('inception_v3'));
  const full = await tf.loadLayersModel({
    load: async () => ({
      modelTopology: model.modelTopology,
      weightSpecs: model.weightsManifest.flatMap((g) => g.weights) as tf.io.WeightsManifestEntry[],
      weightData: weightData.slice().buffer,
    }),
  });
  const features = tf.model({ inputs: full.inputs, outputs: full.getLayer('flatten_1').output as tf.SymbolicTensor });
  const x = tf.tensor4d(batch, [n, S, S, 3]);
  const y = features.predict(x) as tf.Tensor;
  const out = normaliseRows(Float32Array.from(await y.data()), n, DIM);
  tf.dispose([x, y]);
  full.dispose();
  return out;
}

describe('inception-v3-nsfwjs', () => {
  describeParity({ dir: INCEPTION_DIR, size: S, dim: DIM, digits: [3, 7], pngs: ['ffox', 'gimp'], original },
    (dir, variant) => createImageEmbedder(dir, { variant }));
});
