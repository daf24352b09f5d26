// A cached re-run of an image case: time to scores.
//   npx tsx scripts/bench-rerun.ts [--per-class N]     (default 100: 1000 real + 2 × 1000 synthetic)
// Builds the MNIST demo sets, scores them once cold with a fresh cache dir, then again with a
// fresh environment on the same cache dir: the second run must embed nothing. Prints each run's
// listing (the "read" stage) and, for the re-run, cached items/s: every file read, hashed and
// looked up, nothing embedded (the embed stages' items over their seconds; issue 17).
import { loadavg, tmpdir } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeEnv } from '../src/cli/node-env.ts';
import type { Report } from '../src/report/schema.ts';
import { scoreImages, type ImageScoreRequest } from '../src/pipeline/image/score-images.ts';
import type { ProgressEvent } from '../src/core/progress.ts';
import { buildDemoSets } from './demo-data/build-sets.ts';

const SETS = ['fresh', 'copies'] as const;

/** The cold run and the cached re-run of `perClass` × 10 real + 2 × that synthetic digits; the summary lines. */
export async function benchRerun(opts: { perClass?: number } = {}): Promise<string[]> {
  const perClass = opts.perClass ?? 100;
  const root = await mkdtemp(join(tmpdir(), 'bench-rerun-'));
  try {
    const tBuild = performance.now();
    await buildDemoSets(join(root, 'data'), { perClass, sets: SETS });
    console.log(`demo sets: ${perClass * 10} real + ${SETS.length} × ${perClass * 10} synthetic MNIST PNGs ` +
      `(${((performance.now() - tBuild) / 1000).toFixed(1)} s to build), load avg ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);
    const req: ImageScoreRequest = {
      real: join(root, 'data/real'),
      synthetic: SETS.map((s) => ({ name: s, path: join(root, 'data', s) })),
      threshold: { kind: 'manifest' },
    };
    const cacheDir = join(root, 'cache');

    type Run = { report: Report; toScores: number; withEnv: number; readS: number; embedS: number; files: number };
    const run = async (label: string): Promise<Run> => {
      const t0 = performance.now();
      const env = await createNodeEnv({ cacheDir });
      const t1 = performance.now();
      // Seconds per stage, from the progress events (initiate → done).
      const started = new Map<string, number>();
      const secs = new Map<string, number>();
      const onProgress = (e: ProgressEvent) => {
        if (e.status === 'initiate') started.set(e.stage, performance.now());
        else if (e.status === 'done' && started.has(e.stage)) secs.set(e.stage, (performance.now() - started.get(e.stage)!) / 1000);
      };
      const report = await scoreImages(req, env, { onProgress });
      const t2 = performance.now();
      await env.close();
      const e = report.embedding;
      const embedS = [...secs].filter(([k]) => k.startsWith('embed ')).reduce((a, [, v]) => a + v, 0);
      const files = e.embedded + e.fromCache + report.skipped.length;
      const res = { report, toScores: (t2 - t1) / 1000, withEnv: (t2 - t0) / 1000, readS: secs.get('read') ?? NaN, embedS, files };
      console.log(`${label}: ${res.toScores.toFixed(2)} s to scores (${res.withEnv.toFixed(2)} s with model load); ` +
        `embedded ${e.embedded}, fromCache ${e.fromCache}; listing ${files} files ${res.readS.toFixed(2)} s, ` +
        `embed stages ${embedS.toFixed(2)} s (${Math.round((e.embedded + e.fromCache) / embedS)} items/s)`);
      for (const x of report.experiments) {
        const s = x.scores, f = (v: number) => v.toFixed(3);
        const t = Object.entries(x.timings).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ');
        console.log(`  ${x.name.padEnd(7)} unrealistic ${f(s.unrealistic.value)} unrepresentative ${f(s.unrepresentative.value)} ` +
          `unvaried ${f(s.unvaried.value)} unoriginal ${f(s.unoriginal.value)} AUC ${f(x.auc.value)}; analysis ms: ${t}`);
      }
      return res;
    };

    const cold = await run('cold (empty cache)');
    const warm = await run('re-run (same cache dir, fresh env)');
    if (warm.report.embedding.embedded !== 0) throw new Error(`re-run embedded ${warm.report.embedding.embedded} files; expected 0`);
    const same = cold.report.experiments.every((x, k) => x.scores.unoriginal.value === warm.report.experiments[k].scores.unoriginal.value
      && x.auc.value === warm.report.experiments[k].auc.value);
    console.log(`  re-run scores identical to cold run: ${same}; peak RSS ${(process.resourceUsage().maxRSS / 2 ** 20).toFixed(2)} GB`);
    const n = cold.report.embedding.embedded + cold.report.embedding.fromCache;
    const cachedRate = warm.report.embedding.fromCache / warm.embedS;
    console.log(`  cached rows (read + hash + lookup, nothing embedded): ${Math.round(cachedRate)} items/s; ` +
      `listing ${warm.files} files: ${warm.readS.toFixed(2)} s (${Math.round(warm.files / warm.readS)} files/s)`);
    return [
      `rerun (${n} images, ${SETS.length} experiments): cold ${cold.toScores.toFixed(2)} s, cached ${warm.toScores.toFixed(2)} s to scores ` +
        `(${warm.withEnv.toFixed(2)} s with model load), re-run embedded ${warm.report.embedding.embedded}, fromCache ${warm.report.embedding.fromCache}`,
      `CLI cached rows: ${Math.round(cachedRate)} items/s (read + hash + lookup); listing ${warm.files} files ${warm.readS.toFixed(2)} s`,
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--per-class');
  console.log(`SUMMARY ${JSON.stringify(await benchRerun({ perClass: i >= 0 ? Number(process.argv[i + 1]) : 100 }))}`);
}
