// The image embedder, written once over the runtime interface (runtime.ts): the Node and the
// browser adapter each open it on their own runtime. The model is the heavy one, so it gets the
// platform's best: its own thread on Node, WebGPU in a browser that has a hardware adapter.
import type { ImageEmbedder as PipelineImageEmbedder } from '../contracts/embedders.ts';
import { normaliseRows } from '../core/normalise.ts';
import { MANIFEST_FILE, parseManifest, variantFile } from './manifest.ts';
import { checkRows, modelKey, type ModelRef } from './runtime.ts';
import { sharedModels } from './shared-models.ts';

export interface ImageEmbedder extends PipelineImageEmbedder {
  /** Idempotent; the model is closed once every embedder on it has been released. */
  release(): Promise<void>;
}

const imageModels = sharedModels(async ({ runtime, folder, variant }: ModelRef) => {
  const manifest = parseManifest(await runtime.readJson(runtime.locate(folder, MANIFEST_FILE), 'the model manifest'));
  if (manifest.modality !== 'image') throw new Error(`model ${manifest.id} is not an image model`);
  const file = runtime.locate(folder, variantFile(manifest, variant));
  const session = await runtime.createSession(file, `the model ${manifest.id}`, { gpu: true, ownThread: true });
  return { manifest, session };
}, modelKey, ({ session }) => session.release());

/**
 * `embed(batch, n)`: batch is n×H×W×3 NHWC in [0, 1]; returns n×dim, each row L2-normalised. The
 * batch's buffer may be transferred to an inference thread: the caller must not use it afterwards.
 */
export async function openImageEmbedder(model: ModelRef): Promise<ImageEmbedder> {
  const shared = await imageModels(model);
  const { manifest, session } = shared.value;
  const { name, width, height, channels } = manifest.input;
  const dim = manifest.output.dimension;
  return {
    manifest,
    async embed(batch, n) {
      if (!Number.isInteger(n) || n < 1 || batch.length !== n * width * height * channels) {
        throw new RangeError(`embed: expected ${n}×${height}×${width}×${channels} floats, got ${batch.length}`);
      }
      const y = await shared.run(() => session.run({ [name]: { type: 'float32', data: batch, dims: [n, height, width, channels] } }, manifest.output.name));
      return normaliseRows(checkRows(y, n, dim, manifest.id), n, dim);
    },
    release: () => shared.release(),
  };
}
