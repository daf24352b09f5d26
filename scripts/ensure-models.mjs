// Runs from npm's `prepare` on a fresh clone: builds the default ONNX model files from npm packages
// when any is missing. Plain JS because nothing else is set up yet; fast no-op when they exist.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'public/models/mobilenet-v2-1.4-nsfwjs');
const files = ['model.onnx', 'model-fp32.onnx', 'manifest.json'];
const missing = () => files.filter((f) => !existsSync(join(dir, f)) || statSync(join(dir, f)).size === 0);

if (missing().length === 0) process.exit(0);

console.log(`ensure-models: building ${missing().join(', ')} in ${dir}`);
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const r = spawnSync(npx, ['--no', 'tsx', 'scripts/build-image-model.ts'], { cwd: root, stdio: 'inherit' });
const still = missing();
if (r.error || r.status !== 0 || still.length > 0) {
  const why = r.error ? r.error.message : r.status !== 0 ? `exit status ${r.status ?? r.signal}` : `still missing ${still.join(', ')}`;
  console.error(`ensure-models: building the image model failed (${why}).\n` +
    '  It is converted from the npm package nsfwjs (a devDependency): run `npm install` in the\n' +
    '  checkout (with dev dependencies), then `npm run build:models`.');
  process.exit(1);
}
