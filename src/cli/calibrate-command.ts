// `synthscore calibrate`: the near-duplicate threshold that suits the user's own real set.
import { writeFile } from 'node:fs/promises';
import type { DistanceSummary } from '../core/calibrate.ts';
import { nearCopy, NEAR_COPY_KINDS, type NearCopyKind } from '../ingest/node-augment.ts';
import { calibrateThreshold, type Calibration } from '../pipeline/image/calibrate.ts';
import type { CliOptions } from './args.ts';
import type { createNodeEnv } from './node-env.ts';
import { stderrProgress } from './progress.ts';

export async function runCalibrate(opts: CliOptions, env: Awaited<ReturnType<typeof createNodeEnv>>, signal: AbortSignal): Promise<void> {
  const result = await calibrateThreshold(opts.real, env, (bytes, kind) => nearCopy(bytes, kind as NearCopyKind), NEAR_COPY_KINDS, {
    samples: opts.samples,
    seed: opts.seed,
    signal,
    onProgress: opts.quiet ? undefined : stderrProgress(),
  });
  if (opts.json) {
    const text = JSON.stringify(result, null, 1) + '\n';
    if (opts.json === '-') process.stdout.write(text);
    else await writeFile(opts.json, text);
  }
  (opts.json === '-' ? process.stderr : process.stdout).write(formatCalibration(result, env.embedder.manifest.nearDuplicateThreshold.value));
}

export function formatCalibration(c: Calibration, modelDefault: number): string {
  const row = (name: string, s: DistanceSummary) =>
    `${name.padEnd(26)}${[s.p01, s.p05, s.median, s.p95, s.p99].map((x) => x.toFixed(4).padStart(9)).join('')}  (n=${s.n})`;
  return [
    `Cosine distances on ${c.realCount} real images (${c.sampled} sampled for near-copies):`,
    `${''.padEnd(26)}${['1%', '5%', 'median', '95%', '99%'].map((h) => h.padStart(9)).join('')}`,
    row('near-copy to its source', c.copies),
    row('nearest distinct real', c.distinct),
    '',
    `Suggested threshold: ${c.tau.toFixed(4)} (the model's default is ${modelDefault.toFixed(4)}).`,
    `At it, ${pct(c.copiesCaught)} of near-copies are caught and ${pct(c.distinctFlagged)} of real images`,
    `would be flagged as a near-duplicate of a distinct real image.`,
    `Caught by kind: ${Object.entries(c.caughtByKind).map(([k, v]) => `${k} ${pct(v)}`).join(', ')}.`,
    `Use it with: synthscore score --threshold ${c.tau.toFixed(4)} …`,
    '',
  ].join('\n');
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
