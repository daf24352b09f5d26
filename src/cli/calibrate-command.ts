// `synthscore calibrate`: the near-duplicate thresholds a run would calibrate on this real set
// (every `score` run does it too), with what each signal catches, without scoring anything.
import { writeFile } from 'node:fs/promises';
import type { RunCalibration, SignalResult } from '../core/calibrate-signals.ts';
import type { DistanceSummary } from '../core/calibrate.ts';
import { InputError } from '../ingest/types.ts';
import { calibrateImages } from '../pipeline/image/calibrate.ts';
import { embedSet } from '../pipeline/image/embed-set.ts';
import type { CliOptions } from './args.ts';
import type { createNodeEnv } from './node-env.ts';
import { stderrProgress } from './progress.ts';

export async function runCalibrate(opts: CliOptions, env: Awaited<ReturnType<typeof createNodeEnv>>, signal: AbortSignal): Promise<void> {
  const onProgress = opts.quiet ? undefined : stderrProgress();
  const real = await embedSet(await env.listSet(opts.real, 'real', signal), 'real', env, { signal, onProgress, stage: 'embed real' });
  const result = await calibrateImages(real, env, { seed: opts.seed ?? 0, signal, onProgress });
  if (!result) throw new InputError(`The real set "${opts.real}" has ${real.items.length} usable images; calibration needs at least 50.`);
  if (opts.json) {
    const text = JSON.stringify(result, null, 1) + '\n';
    if (opts.json === '-') process.stdout.write(text);
    else await writeFile(opts.json, text);
  }
  (opts.json === '-' ? process.stderr : process.stdout).write(formatCalibration(result));
}

export function formatCalibration(c: RunCalibration): string {
  const row = (name: string, s: DistanceSummary) =>
    `  ${name.padEnd(26)}${[s.p01, s.p05, s.median, s.p95, s.p99].map((x) => x.toFixed(4).padStart(9)).join('')}  (n=${s.n})`;
  const signal = (title: string, r: SignalResult) => [
    `${title}: threshold ${r.threshold.toFixed(4)}${r.used ? '' : ' (not used: it does not separate copies here)'}`,
    `  ${''.padEnd(26)}${['1%', '5%', 'median', '95%', '99%'].map((h) => h.padStart(9)).join('')}`,
    row('nearest distinct real', r.null),
    row('edited copy to its source', r.copies),
    `  ${pct(r.falsePairRate)} of real images within it of a distinct real image; ${pct(r.catchRate)} of edited copies caught`,
    `  caught by edit: ${Object.entries(r.caughtByKind).map(([k, v]) => `${k} ${pct(v)}`).join(', ')}`,
  ];
  return [
    `Calibrated on ${c.embedding.realRows} real images (${c.embedding.sampled} edited ${c.embedding.sampled === 1 ? 'once' : 'six ways'}):`,
    ...signal("Embedding (cosine distance)", c.embedding),
    ...(c.copy ? signal(`Copy signal (${c.copyMeasure})`, c.copy) : []),
    '',
  ].join('\n');
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
