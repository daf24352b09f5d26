// The image embedder, written once over the runtime interface (runtime.ts): the Node and the
// browser adapter each open it on their own runtime. The model is the heavy one, so it gets the
// platform's best: its own thread on Node, WebGPU in a browser that has a hardware adapter.
// A model is a folder (manifest.json + its .onnx: the built-ins) or inline (a manifest and the
// bytes of the user's .onnx, keyed by its SHA-256): both are opened here, adapted to the graph's
// input (input-adapt.ts) and tried on one blank image before anything is embedded, so a model that
// cannot run says so at once, before a vector cache is opened (docs/models.md, "Errors").
import type { ImageEmbedder as PipelineImageEmbedder } from '../contracts/embedders.ts';
import { normaliseRows } from '../core/normalise.ts';
import { adaptImageBatch } from './input-adapt.ts';
import { MANIFEST_FILE, parseManifest, variantFile, type ModelManifest } from './manifest.ts';
import { checkRows, isInlineModel, modelKey, type ModelRef, type Session } from './runtime.ts';
import { sharedModels } from './shared-models.ts';

export interface ImageEmbedder extends PipelineImageEmbedder {
  /** Idempotent; the model is closed once every embedder on it has been released. */
  release(): Promise<void>;
}

/** Checks that the graph has the input and output the manifest names. */
function checkNames(session: Session, m: ModelManifest): void {
  const list = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ') || 'none';
  if (!session.inputNames.includes(m.input.name)) throw new Error(`model ${m.id}: the graph has no input named "${m.input.name}" (input.name); its inputs: ${list(session.inputNames)}`);
  if (session.inputNames.length > 1) throw new Error(`model ${m.id}: the graph takes ${session.inputNames.length} inputs (${list(session.inputNames)}); an image model takes one`);
  if (!session.outputNames.includes(m.output.name)) throw new Error(`model ${m.id}: the graph has no output named "${m.output.name}" (output.name); its outputs: ${list(session.outputNames)}`);
}

/**
 * Runs one blank (white) image through a loaded model as the manifest says to feed it; returns the
 * size of its output and how long the run took. Throws an Error naming the model when the graph
 * rejects the input (a wrong size or layout) or returns NaN or Infinity. The output's size is not
 * compared with the manifest here (the app's form learns it from this).
 */
export async function trialImageModel(session: Session, m: ModelManifest): Promise<{ dimension: number; ms: number }> {
  checkNames(session, m);
  const { width, height, layout } = m.input;
  const { data, dims } = adaptImageBatch(new Float32Array(width * height * 3).fill(1), 1, m.input);
  const t0 = performance.now();
  let y: Float32Array;
  try {
    y = await session.run({ [m.input.name]: { type: 'float32', data, dims } }, m.output.name);
  } catch (e) {
    throw new Error(`model ${m.id}: a trial image at the manifest's input size (${width}×${height}, ${layout}) did not run: ${(e as Error).message}`);
  }
  const ms = performance.now() - t0;
  if (!y?.length) throw new Error(`model ${m.id}: the graph's output "${m.output.name}" is empty`);
  checkRows(y, 1, y.length, m.id);
  return { dimension: y.length, ms };
}

const imageModels = sharedModels(async (ref: ModelRef<ModelManifest>) => {
  const { runtime } = ref;
  const inline = isInlineModel(ref);
  const manifest = parseManifest(inline ? ref.manifest : await runtime.readJson(runtime.locate(ref.folder, MANIFEST_FILE), 'the model manifest'));
  if (manifest.modality !== 'image') throw new Error(`model ${manifest.id} is not an image model`);
  const file = inline ? ref.bytes : runtime.locate(ref.folder, variantFile(manifest, ref.variant));
  const session = await runtime.createSession(file, `the model ${manifest.id}`, { gpu: true, ownThread: true });
  try {
    const { dimension } = await trialImageModel(session, manifest);
    checkRows(new Float32Array(dimension), 1, manifest.output.dimension, manifest.id);
  } catch (e) {
    await session.release();
    throw e;
  }
  return { manifest, session, sha256: inline ? ref.key : undefined };
}, modelKey, ({ session }) => session.release());

/**
 * `embed(batch, n)`: batch is n×H×W×3 NHWC RGB in [0, 1]; returns n×dim, each row L2-normalised
 * (every model's, docs/metrics.md: the measures are defined on unit vectors). The batch's buffer
 * may be transferred to an inference thread: the caller must not use it afterwards.
 */
export async function openImageEmbedder(model: ModelRef<ModelManifest>): Promise<ImageEmbedder> {
  const shared = await imageModels(model);
  const { manifest, session, sha256 } = shared.value;
  const { name, width, height, channels } = manifest.input;
  const dim = manifest.output.dimension;
  return {
    manifest,
    ...(sha256 ? { sha256 } : {}),
    async embed(batch, n) {
      if (!Number.isInteger(n) || n < 1 || batch.length !== n * width * height * channels) {
        throw new RangeError(`embed: expected ${n}×${height}×${width}×${channels} floats, got ${batch.length}`);
      }
      const { data, dims } = adaptImageBatch(batch, n, manifest.input);
      const y = await shared.run(() => session.run({ [name]: { type: 'float32', data, dims } }, manifest.output.name));
      return normaliseRows(checkRows(y, n, dim, manifest.id), n, dim);
    },
    release: () => shared.release(),
  };
}
