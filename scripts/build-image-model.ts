// Builds the built-in image models from the npm package nsfwjs into ONNX (two variants each) plus
// their manifests: the MobileNetV2 (a TF.js graph model, convert.ts) and the Inception-V3 (a Keras
// layers model, keras-layers.ts). Runs on install (scripts/ensure-models.mjs) and via
// `npm run build:models`.
//   npx tsx scripts/build-image-model.ts [model-id ...]   (default: every model)
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { ModelManifest } from '../src/models/manifest.ts';
import { decodeNsfwjsLayersModel, decodeNsfwjsModel } from './tfjs-to-onnx/decode.ts';
import { convertTfjsGraph } from './tfjs-to-onnx/convert.ts';
import { convertKerasLayers } from './tfjs-to-onnx/keras-layers.ts';
import type { WeightMode } from './tfjs-to-onnx/weights.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const MODEL_ID = 'mobilenet-v2-1.4-nsfwjs';
export const OUT_DIR = join(ROOT, 'public/models', MODEL_ID);
export const INCEPTION_ID = 'inception-v3-nsfwjs';
export const INCEPTION_DIR = join(ROOT, 'public/models', INCEPTION_ID);

/** nsfwjs's folder; its package.json is not in its "exports", so search node_modules paths. */
function nsfwjsRoot(): string {
  const paths = createRequire(import.meta.url).resolve.paths('nsfwjs') ?? [];
  const hit = paths.map((p) => join(p, 'nsfwjs')).find((p) => existsSync(join(p, 'package.json')));
  if (!hit) throw new Error('nsfwjs is not installed: run `npm install` (it is a devDependency)');
  return hit;
}

/** One of nsfwjs's bundled model folders (default: the MobileNetV2 the app uses by default). */
export function nsfwjsModelDir(folder = 'mobilenet_v2_mid'): string {
  return join(nsfwjsRoot(), 'dist/models', folder);
}

function nsfwjsVersion(): string {
  return JSON.parse(readFileSync(join(nsfwjsRoot(), 'package.json'), 'utf8')).version;
}

/** Writes via a temp file so an interrupted build never leaves a truncated model behind. */
function writeAtomic(path: string, data: Uint8Array | string): void {
  writeFileSync(`${path}.tmp`, data);
  renameSync(`${path}.tmp`, path);
}

interface ImageModelBuild {
  id: string;
  /** Folder under nsfwjs's dist/models. */
  nsfwjsFolder: string;
  /** What the bundle is, for the manifest's origin. */
  kind: string;
  size: number;
  dim: number;
  /** Decodes the bundle once; the result converts it with either weight mode. */
  decode(dir: string): (weights: WeightMode) => Uint8Array;
}

const common = { inputName: 'input', outputName: 'embedding' };
export const IMAGE_MODEL_BUILDS: readonly ImageModelBuild[] = [
  {
    id: MODEL_ID, nsfwjsFolder: 'mobilenet_v2_mid', kind: 'TF.js graph model', size: 224, dim: 1792,
    decode: (dir) => {
      const decoded = decodeNsfwjsModel(dir);
      return (weights) => convertTfjsGraph(decoded, { ...common, weights, outputNode: 'feature_vector/SpatialSqueeze', outputDim: 1792 });
    },
  },
  {
    // The 2048-d input of the classifier head: flatten_1, the 8×8 average pool of the last block.
    id: INCEPTION_ID, nsfwjsFolder: 'inception_v3', kind: 'TF.js Keras layers model cut at flatten_1, the 2048-d input of its classifier head', size: 299, dim: 2048,
    decode: (dir) => {
      const decoded = decodeNsfwjsLayersModel(dir);
      return (weights) => convertKerasLayers(decoded, { ...common, weights, outputLayer: 'flatten_1', graphName: 'inception_v3_features' });
    },
  },
];

export function buildImageModel(b: ImageModelBuild): void {
  const version = nsfwjsVersion();
  const outDir = join(ROOT, 'public/models', b.id);
  const convert = b.decode(nsfwjsModelDir(b.nsfwjsFolder));
  mkdirSync(outDir, { recursive: true });
  const variants = [
    { file: 'model.onnx', weights: 'uint8' as const, note: 'uint8 weights as stored by TF.js, rebuilt exactly (Cast→Gather into q·scale+min tables) at session load' },
    { file: 'model-fp32.onnx', weights: 'fp32' as const, note: 'the same dequantised weights stored as float32' },
  ].map((v) => {
    const bytes = convert(v.weights);
    writeAtomic(join(outDir, v.file), bytes);
    console.log(`wrote ${join(outDir, v.file)} (${(bytes.length / 1e6).toFixed(2)} MB)`);
    return { file: v.file, bytes: bytes.length, note: v.note };
  });

  // Keep a calibrated threshold if someone set one; everything else is rewritten.
  const manifestPath = join(outDir, 'manifest.json');
  const prev = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as ModelManifest) : null;
  const manifest: ModelManifest = {
    id: b.id,
    version: `nsfwjs-${version}`,
    modality: 'image',
    file: 'model.onnx',
    variants,
    // nsfwjs feeds both models pixels / 255, NHWC RGB (NSFWJS.infer in its dist/cjs/core.js).
    input: {
      name: 'input', layout: 'NHWC', width: b.size, height: b.size, channels: 3, range: [0, 1],
      resize: 'antialiased-triangle', alphaBackground: 'white',
    },
    output: { name: 'embedding', dimension: b.dim },
    nearDuplicateThreshold: prev?.nearDuplicateThreshold ?? { value: 0.05, calibration: null },
    licence: 'MIT',
    origin: `npm nsfwjs@${version} dist/models/${b.nsfwjsFolder} (${b.kind}, uint8-quantised)`,
  };
  writeAtomic(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}

function main(ids: string[]): void {
  const unknown = ids.filter((id) => !IMAGE_MODEL_BUILDS.some((b) => b.id === id));
  if (unknown.length) throw new Error(`build-image-model: unknown model ${unknown.join(', ')} (have ${IMAGE_MODEL_BUILDS.map((b) => b.id).join(', ')})`);
  for (const b of IMAGE_MODEL_BUILDS) if (ids.length === 0 || ids.includes(b.id)) buildImageModel(b);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
