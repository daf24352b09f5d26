// Where a cached re-run's time goes before the scores, stage by stage and between stages, in Node
// (the same engine as the page; only the GEMM differs): every progress event's time from the start,
// and the headline's. Run the CLI on the folders once first so every vector is cached. The run is
// made twice in one process, as the page's loop does (the second finds what the first kept).
//   npx tsx scripts/measure/run-phases.ts REAL SYNTHETIC [--js]
import { createNodeEnv } from '../../src/cli/node-env.ts';
import { jsGemm } from '../../src/core/gemm.ts';
import { scoreImages } from '../../src/pipeline/image/score-images.ts';

const [real, synthetic] = process.argv.slice(2);
const env = await createNodeEnv({});
if (process.argv.includes('--js')) env.gemm = jsGemm;
for (const run of ['first run', 'second run']) {
  console.log(run);
  const t0 = performance.now();
  const at = () => ((performance.now() - t0) / 1000).toFixed(2).padStart(6);
  let last = t0;
  const gap = () => { const g = (performance.now() - last) / 1000; last = performance.now(); return g.toFixed(2); };
  const stop = new AbortController();
  await scoreImages({ real, synthetic: [{ name: 'fresh', path: synthetic }], threshold: { kind: 'manifest' } }, env, {
    signal: stop.signal,
    onProgress: (e) => { if (e.status !== 'progress') console.log(`${at()} s (+${gap()}) ${e.status} ${e.stage}`); },
    // The headline is what this measures: the reference, map and panel after it are not waited for.
    onHeadline: () => { console.log(`${at()} s (+${gap()}) HEADLINE`); stop.abort(); },
  }).catch((e: unknown) => { if (!stop.signal.aborted) throw e; });
}
await env.close();
