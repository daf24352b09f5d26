// The prompt loop (issue 17): one real set, a new synthetic set after each prompt change. The
// headline carries the experiments' scores before the real-vs-real reference is computed, and
// sends it again with the reference; a re-run on the same real set reuses the real set's
// calibration, which is exactly what a fresh one gives. Real text nobody here wrote (npm
// one-liner-joke).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../../src/report/schema.ts';
import type { ProgressEvent } from '../../src/core/progress.ts';
import { scoreText } from '../../src/pipeline/text/score-text.ts';
import { createNodeTextEnv } from '../../src/cli/node-text-env.ts';
import { REUSED_STAGE } from '../../src/pipeline/calibration-memo.ts';
import { CALIBRATE_STAGE } from '../../src/core/calibrate-signals.ts';
import { jokes } from '../models/text-samples.ts';

const J = jokes();
let dir: string;
let env: Awaited<ReturnType<typeof createNodeTextEnv>>;

interface Run { report: Report; headlines: Report[]; stages: string[] }

async function run(synthetic: string, seed = 0): Promise<Run> {
  const headlines: Report[] = [], stages: string[] = [];
  const onProgress = (e: ProgressEvent) => { if (e.status === 'initiate') stages.push(e.stage); };
  const report = await scoreText({
    real: join(dir, 'real.jsonl'), synthetic: [{ name: synthetic, path: join(dir, `${synthetic}.jsonl`) }],
    threshold: { kind: 'manifest' }, bootstrap: 100, seed,
  }, env, { onProgress, onHeadline: (r) => headlines.push(structuredClone(r)) });
  return { report, headlines, stages };
}

let first: Run, second: Run, otherSeed: Run;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'synthscore-rerun-loop-'));
  const jsonl = (f: string, xs: string[]) => writeFileSync(join(dir, f), xs.map((t) => JSON.stringify({ text: t })).join('\n'));
  const every = (start: number, step: number, n: number) => Array.from({ length: n }, (_, i) => J[start + i * step]);
  jsonl('real.jsonl', every(1, 8, 240));
  jsonl('fresh.jsonl', every(5, 8, 120));
  // The next prompt's set: half of it copies of real jokes.
  jsonl('copies.jsonl', [...every(1, 8, 60).map((s) => s.toLowerCase()), ...every(7, 8, 60)]);
  env = await createNodeTextEnv();
  first = await run('fresh');
  second = await run('copies');
  otherSeed = await run('copies', 1);
}, 240_000);
afterAll(async () => { await env?.release(); rmSync(dir, { recursive: true, force: true }); });

describe('the headline before the reference', () => {
  it('shows the scores first, then the same scores with the reference', () => {
    const [scores, withReference] = first.headlines;
    expect(first.headlines).toHaveLength(2);
    expect(scores.reference).toBeUndefined();
    expect(scores.experiments[0].scores).toEqual(first.report.experiments[0].scores);
    expect(withReference.reference!.scores).toEqual(first.report.reference!.scores);
    expect(withReference.experiments[0].scores).toEqual(first.report.experiments[0].scores);
  });

  it('computes the reference after the headline: the two halves of real text look alike', () => {
    expect(first.stages.indexOf('reference')).toBeGreaterThan(first.stages.indexOf('fresh: classifier'));
    const ref = first.report.reference!.scores;
    expect(ref.unrealistic.lo).toBeLessThan(0.6);
    expect(ref.unoriginal.value).toBeLessThan(0.05);
  });
});

describe('a re-run on the same real set', () => {
  it('reuses the real set’s calibration and says so, with no edited copies embedded', () => {
    expect(first.stages).toContain(CALIBRATE_STAGE);
    expect(second.stages).toContain(REUSED_STAGE);
    expect(second.stages).not.toContain(CALIBRATE_STAGE);
    expect(second.stages).not.toContain('calibrate: edited copies');
  });

  it('judges by exactly the thresholds a fresh calibration gives', () => {
    const calibration = (r: Run) => r.report.experiments[0].threshold;
    expect(calibration(second)).toEqual(calibration(first));
    // The reference (scored at those thresholds) is the same as the first run's.
    expect(second.report.reference!.scores).toEqual(first.report.reference!.scores);
  });

  it('still scores the new synthetic set: its copies raise unoriginal', () => {
    expect(second.report.experiments[0].scores.unoriginal.value).toBeGreaterThan(first.report.experiments[0].scores.unoriginal.value + 0.2);
  });

  it('calibrates anew for another seed', () => {
    expect(otherSeed.stages).toContain(CALIBRATE_STAGE);
    expect(otherSeed.stages).not.toContain(REUSED_STAGE);
  });
});
