// npm run bench [-- --large] : every benchmark, each in its own Node process (so one bench's memory
// does not show in another's peak RSS), then a compact summary. Figures, not tests.
//   embed     full pipeline vs bare ONNX Runtime session (target ratio ≥ 0.8), both model variants
//   decode    decode + preprocess cost per 1024×768 JPEG
//   rerun     cold vs cached re-run of an MNIST image case: time to scores
//   analysis  classifier CV + kNN + sets on 10k+10k vectors (target ≤ 10 s); 50k+50k with --large
//   uncertainty  the extra time of repeated CV (repeats 1 vs the default 5) and of the real-vs-real
//             reference on 10k+10k × 1792 vectors, and their share of a full 2,000 + 2,000 image run
//   panel     the extended panel's extra time and peak RSS (runPanels) beside analyse's on 10k+10k × 1792
//             vectors, and the table panel's quality stage on 100k + 100k rows
//   text      tokenizer, texts/s embedded in Node, the text copy signal on 10,000 texts
//   table     parse, encode, tree-detector CV on 20k+20k rows × 30 columns; 100k+100k with --large
//   browser   images/s in headless Chromium, WASM threads vs 1 thread (when /usr/bin/chromium exists),
//             and Run → scores for a cached re-run (500 + 500 images; 2,000 + 2,000 with --large)
//   browser table  rows/s parsed and encoded, detector CV time and peak renderer RSS in Chromium,
//             through the app: 20k + 20k rows × 30 columns; 100k + 100k with --large
//   browser hostile  peak renderer memory on 8 decompression bombs and on a 52 MB text, through the app
//   browser text  tokenizer, texts/s embedded (WASM threads and 1 thread) and the text copy signal on 10,000
//             texts in Chromium, beside the same figures in Node measured in the same process
// Other arguments are passed to bench-embed (e.g. --images 128 --reps 3 --no-fp32).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

const large = process.argv.includes('--large');
const passThrough = process.argv.slice(2).filter((a) => a !== '--large');
// Prints the child's own peak RSS at exit; a data: URL so no extra file is needed.
const PEAK = `data:text/javascript,process.on('exit',()=>console.log('PEAK_RSS_KB '+process.resourceUsage().maxRSS))`;

interface Result { name: string; seconds: number; code: number | null; out: string; peakGb: number }

function runBench(name: string, script: string, args: string[]): Promise<Result> {
  console.log(`\n=== ${name}: ${script} ${args.join(' ')}  (load avg ${loadavg().map((v) => v.toFixed(2)).join(' ')})`);
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', PEAK, script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d; process.stdout.write(d); });
  return new Promise((resolve) => child.on('close', (code) => {
    const kb = Number(/PEAK_RSS_KB (\d+)/.exec(out)?.[1] ?? NaN);
    resolve({ name, seconds: (performance.now() - t0) / 1000, code, out, peakGb: kb / 2 ** 20 });
  }));
}

const results: Result[] = [];
results.push(await runBench('embed', 'scripts/bench-embed.ts', passThrough));
results.push(await runBench('decode', 'scripts/bench-decode.ts', []));
results.push(await runBench('rerun', 'scripts/bench-rerun.ts', []));
results.push(await runBench('analysis 10k', 'scripts/bench-analysis.ts', ['10000']));
if (large) results.push(await runBench('analysis 50k', 'scripts/bench-analysis.ts', ['50000']));
results.push(await runBench('uncertainty', 'scripts/bench-uncertainty.ts', []));
results.push(await runBench('panel', 'scripts/bench-panel.ts', []));
results.push(await runBench('text', 'scripts/bench-text.ts', []));
results.push(await runBench(large ? 'table 100k' : 'table 20k', 'scripts/bench-table.ts', [large ? '100000' : '20000']));
if (existsSync('/usr/bin/chromium')) {
  results.push(await runBench('browser', 'scripts/bench-browser.ts', []));
  results.push(await runBench('browser rerun', 'scripts/bench-browser-rerun.ts', large ? [] : ['--per-class', '50']));
  results.push(await runBench('browser text', 'scripts/bench-browser-text.ts', []));
  results.push(await runBench(large ? 'browser table 100k' : 'browser table 20k', 'scripts/bench-browser-table.ts', [large ? '100000' : '20000']));
  results.push(await runBench('browser hostile', 'scripts/bench-browser-hostile.ts', []));
}

// ---- summary ---------------------------------------------------------------------------------
const lines = (out: string, re: RegExp) => out.split('\n').filter((l) => re.test(l)).map((l) => l.trim());
console.log(`\n=== summary (${cpus().length} CPUs, load avg now ${loadavg().map((v) => v.toFixed(2)).join(' ')})`);
for (const r of results) {
  const head = `${r.name}: ${r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`}, ${r.seconds.toFixed(0)} s, peak RSS ${r.peakGb.toFixed(2)} GB`;
  console.log(head);
  const summary = /SUMMARY (.*)/.exec(r.out)?.[1];
  const detail = summary
    ? (JSON.parse(summary) as string[])
    : r.name === 'decode'
      ? lines(r.out, /decode \+ preprocess:/)
      : r.name.startsWith('table')
        ? lines(r.out, /RowsPerSec|cvSeconds|peakRssMB|"auc"/)
        : r.name === 'browser'
          ? lines(r.out, /WASM \d+ thread/)
          : lines(r.out, /onnxruntime gemm|rows, dim/);
  for (const d of detail) console.log(`  ${d}`);
}
if (!large) console.log('(analysis on 50,000 + 50,000: npm run bench -- --large)');
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
