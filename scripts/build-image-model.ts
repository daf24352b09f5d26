// Builds the default image model from the npm package nsfwjs into ONNX (two variants) plus its
// manifest. Runs on install (scripts/ensure-models.mjs) and via `npm run build:models`.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { ModelManifest } from '../src/models/manifest.ts';
import { decodeNsfwjsModel } from './tfjs-to-onnx/decode.ts';
import { convertTfjsGraph } from './tfjs-to-onnx/convert.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const MODEL_ID = 'mobilenet-v2-1.4-nsfwjs';
export const OUT_DIR = join(ROOT, 'public/models', MODEL_ID);

/** nsfwjs's folder; its package.json is not in its "exports", so search node_modules paths. */
function nsfwjsRoot(): string {
  const paths = createRequire(import.meta.url).resolve.paths('nsfwjs') ?? [];
  const hit = paths.map((p) => join(p, 'nsfwjs')).find((p) => existsSync(join(p, 'package.json')));
  if (!hit) throw new Error('nsfwjs is not installed: run `npm install` (it is a devDependency)');
  return hit;
}

export function nsfwjsModelDir(): string {
  return join(nsfwjsRoot(), 'dist/models/mobilenet_v2_mid');
}

function nsfwjsVersion(): string {
  return JSON.parse(readFileSync(join(nsfwjsRoot(), 'package.json'), 'utf8')).version;
}

/** Writes via a temp file so an interrupted build never leaves a truncated model behind. */
function writeAtomic(path: string, data: Uint8Array | string): void {
  writeFileSync(`${path}.tmp`, data);
  renameSync(`${path}.tmp`, path);
}

function main(): void {
  const version = nsfwjsVersion();
  const decoded = decodeNsfwjsModel(nsfwjsModelDir());
  mkdirSync(OUT_DIR, { recursive: true });
  const common = { outputNode: 'feature_vector/SpatialSqueeze', inputName: 'input', outputName: 'embedding', outputDim: 1792 };
  const variants = [
    { file: 'model.onnx', weights: 'uint8' as const, note: 'uint8 weights as stored by TF.js, rebuilt exactly (Cast→Gather into q·scale+min tables) at session load' },
    { file: 'model-fp32.onnx', weights: 'fp32' as const, note: 'the same dequantised weights stored as float32' },
  ].map((v) => {
    const bytes = convertTfjsGraph(decoded, { ...common, weights: v.weights });
    writeAtomic(join(OUT_DIR, v.file), bytes);
    console.log(`wrote ${join(OUT_DIR, v.file)} (${(bytes.length / 1e6).toFixed(2)} MB)`);
    return { file: v.file, bytes: bytes.length, note: v.note };
  });

  // Keep a calibrated threshold if someone set one; everything else is rewritten.
  const manifestPath = join(OUT_DIR, 'manifest.json');
  const prev = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as ModelManifest) : null;
  const manifest: ModelManifest = {
    id: MODEL_ID,
    version: `nsfwjs-${version}`,
    modality: 'image',
    file: 'model.onnx',
    variants,
    input: {
      name: 'input', layout: 'NHWC', width: 224, height: 224, channels: 3, range: [0, 1],
      resize: 'antialiased-triangle', alphaBackground: 'white',
    },
    output: { name: 'embedding', dimension: 1792 },
    nearDuplicateThreshold: prev?.nearDuplicateThreshold ?? { value: 0.05, calibration: null },
    licence: 'MIT',
    origin: `npm nsfwjs@${version} dist/models/mobilenet_v2_mid (TF.js graph model, uint8-quantised)`,
  };
  writeAtomic(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
