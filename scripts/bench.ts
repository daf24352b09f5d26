// npm run bench [-- --baseline REV] [-- --all [--large]] : the figures of the prompt-iteration loop
// (issue 17) and of the built-in models (issue 15) in one run, in this process, each part through
// the function its own script exports; then a summary. Figures, not tests. Under ~25 minutes on a
// 2-core machine; where a figure does not need the full size, a smaller one is used and its line says so.
//   embed          ms/img of each model variant: the pipeline (exact and fast decode) beside a bare
//                  native onnxruntime-node session (64 photo-sized JPEGs, 2 rounds; bench-embed.ts)
//   rerun          the CLI's cold run and cached re-run of 1,000 + 2 × 1,000 digits: cached items/s (bench-rerun.ts)
//   analysis       analyse + map of 2,000 + 2,000 × 1792 in Node; with --baseline REV also the engine
//                  as at REV, interleaved, and how far the scores moved (bench-analysis.ts)
//   browser        ms/img in Chromium, WASM with the app's threads and with 2 (bench-browser.ts)
//   browser rerun  2,000 + 2,000 digits in the page: listing, cached items/s, the unchanged re-run,
//                  the cached re-run (Run → scores, stage shares), analysis in the page, the longest
//                  main-thread task over the whole run (bench-browser-rerun.ts)
//   models         each built-in model's size, load time, img/s in Node and Chromium (bench-models.ts)
//   variants       the default model's variants (offline-optimised, NCHW input, static int8): ms/img
//                  in Node and Chromium, cosine to the shipped model's vectors (bench-variants.ts)
// --all then runs the other benchmarks, each in its own Node process (so one bench's memory does not
// show in another's peak RSS): decode, analysis 10k (50k with --large), uncertainty, panel, text,
// table, browser text, browser table, browser hostile (docs/benchmarks.md lists what each measures).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { benchAnalysis } from './bench-analysis.ts';
import { benchBrowser } from './bench-browser.ts';
import { benchBrowserRerun } from './bench-browser-rerun.ts';
import { benchEmbed } from './bench-embed.ts';
import { benchModels } from './bench-models.ts';
import { benchRerun } from './bench-rerun.ts';
import { benchVariants } from './bench-variants.ts';

const argv = process.argv.slice(2);
const all = argv.includes('--all'), large = argv.includes('--large');
const b = argv.indexOf('--baseline');
const baselineRev = b >= 0 ? argv[b + 1] : undefined;
const browserHere = existsSync('/usr/bin/chromium');
const load = () => loadavg().map((v) => v.toFixed(2)).join(' ');

interface Part { name: string; seconds: number; ok: boolean; lines: string[] }
const parts: Part[] = [];

async function part(name: string, fn: () => Promise<string[]>): Promise<void> {
  console.log(`\n=== ${name}  (load avg ${load()})`);
  const t0 = performance.now();
  try {
    parts.push({ name, seconds: (performance.now() - t0) / 1000, ok: true, lines: await fn() });
  } catch (e) {
    console.error(e);
    parts.push({ name, seconds: (performance.now() - t0) / 1000, ok: false, lines: [`FAILED: ${(e as Error).message}`] });
  }
  parts[parts.length - 1].seconds = (performance.now() - t0) / 1000;
}

const tAll = performance.now();
await part('embed', () => benchEmbed({ images: 64, reps: 2 }));
await part('rerun (CLI)', () => benchRerun({ perClass: 100 }));
await part('analysis 2k + 2k (Node)', () => benchAnalysis({ perSide: 2000, baselineRev }));
if (browserHere) {
  await part('browser embed', () => benchBrowser({ rounds: 3 }));
  await part('browser rerun 2k + 2k', () => benchBrowserRerun({ perClass: 200 }));
}
await part('models', () => benchModels());
await part('variants', () => benchVariants());

// ---- the other benchmarks (--all), each in its own process -----------------------------------------
// Prints the child's own peak RSS at exit; a data: URL so no extra file is needed.
const PEAK = `data:text/javascript,process.on('exit',()=>console.log('PEAK_RSS_KB '+process.resourceUsage().maxRSS))`;

function runBench(name: string, script: string, args: string[]): Promise<void> {
  console.log(`\n=== ${name}: ${script} ${args.join(' ')}  (load avg ${load()})`);
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', PEAK, script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d; process.stdout.write(d); });
  return new Promise((resolve) => child.on('close', (code) => {
    const gb = Number(/PEAK_RSS_KB (\d+)/.exec(out)?.[1] ?? NaN) / 2 ** 20;
    const grep = (re: RegExp) => out.split('\n').filter((l) => re.test(l)).map((l) => l.trim());
    const summary = /SUMMARY (.*)/.exec(out)?.[1];
    const lines = summary
      ? (JSON.parse(summary) as string[])
      : name === 'decode'
        ? grep(/decode \+ preprocess:/)
        : name.startsWith('table')
          ? grep(/RowsPerSec|cvSeconds|peakRssMB|"auc"/)
          : [];
    parts.push({ name, seconds: (performance.now() - t0) / 1000, ok: code === 0, lines: [`peak RSS ${gb.toFixed(2)} GB`, ...lines] });
    resolve();
  }));
}

if (all) {
  await runBench('decode', 'scripts/bench-decode.ts', []);
  await runBench(large ? 'analysis 50k' : 'analysis 10k', 'scripts/bench-analysis.ts', [large ? '50000' : '10000']);
  await runBench('uncertainty', 'scripts/bench-uncertainty.ts', []);
  await runBench('panel', 'scripts/bench-panel.ts', []);
  await runBench('text', 'scripts/bench-text.ts', []);
  await runBench(large ? 'table 100k' : 'table 20k', 'scripts/bench-table.ts', [large ? '100000' : '20000']);
  if (browserHere) {
    await runBench('browser text', 'scripts/bench-browser-text.ts', []);
    await runBench(large ? 'browser table 100k' : 'browser table 20k', 'scripts/bench-browser-table.ts', [large ? '100000' : '20000']);
    await runBench('browser hostile', 'scripts/bench-browser-hostile.ts', []);
  }
}

// ---- summary ---------------------------------------------------------------------------------
console.log(`\n=== summary (${cpus().length} CPUs, load avg now ${load()}; ${((performance.now() - tAll) / 60000).toFixed(1)} min in all)`);
for (const p of parts) {
  console.log(`${p.name}: ${p.ok ? 'ok' : 'FAILED'}, ${p.seconds.toFixed(0)} s`);
  for (const l of p.lines) console.log(`  ${l}`);
}
if (!browserHere) console.log('(the browser parts need /usr/bin/chromium)');
if (!all) console.log('(the other benchmarks — decode, 10k analysis, uncertainty, panel, text, tables, browser text/table/hostile: npm run bench -- --all)');
process.exitCode = parts.some((p) => !p.ok) ? 1 : 0;
