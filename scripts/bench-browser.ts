// Browser figures, measured in headless Debian Chromium on the built site (vite preview):
// embedding images/s with WASM threads against single-threaded WASM, each in a fresh worker, and
// how late the page's own small tasks run meanwhile (a probe on the main thread: a ~2 ms task
// every 50 ms; its delay past the due time plus its run time is what a user's click would wait).
//   npx tsx scripts/bench-browser.ts [--batch 16] [--rounds 5] [--threads 2,1]
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser/chromium.ts';
import { buildAndPreview } from './browser/server.ts';


interface Bench { info: { backend: string; threads: number; crossOriginIsolated: boolean }; loadMs: number; msPerImage: number[]; imagesPerSecond: number }
interface Probed { bench: Bench; waits: number[] }

/** Runs in the page: the embedding bench in a fresh worker, with the main-thread probe beside it.
 *  Plain JS source, not a TS function: tsx would wrap inner functions in a helper the page lacks. */
const BENCH_WITH_PROBE = `async ([threads, n, k]) => {
  const waits = [];
  let stop = false;
  const work = () => { let x = 0; const t = performance.now(); while (performance.now() - t < 2) x++; return x; };
  const probe = new Promise((resolve) => {
    const tick = (due) => {
      if (stop) return resolve();
      work();
      waits.push(performance.now() - due);
      const next = performance.now() + 50;
      setTimeout(() => tick(next), 50);
    };
    setTimeout(() => tick(performance.now() + 50), 50);
  });
  const bench = await window.synthscoreBench(threads, n, k);
  stop = true;
  await probe;
  return { bench, waits };
}`;

const pct = (v: number[], f: number) => {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(f * s.length))] ?? 0;
};

/** Images/s and ms/img in the page for each thread count (default: min(cores, 4), the app's, 1); the summary lines. */
export async function benchBrowser(opts: { batch?: number; rounds?: number; threads?: number[] } = {}): Promise<string[]> {
  const batch = opts.batch ?? 16, rounds = opts.rounds ?? 5;
  const served = await buildAndPreview('dist-bench');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(served.url);
    await page.locator('[data-testid=capabilities][data-backend]').waitFor({ timeout: 120_000 });
    const cores = await page.evaluate('navigator.hardwareConcurrency') as number;
    const appThreads = Number(await page.getByTestId('capabilities').getAttribute('data-threads'));
    const counts = opts.threads ?? [...new Set([Math.min(cores, 4), appThreads, 1])];
    console.log(`Chromium ${browser.version()}, ${cores} cores (the app uses ${appThreads} thread(s)), batch ${batch}, best of ${rounds} rounds after a warm-up`);
    const lines: string[] = [];
    for (const threads of counts) {
      const { bench: r, waits } = await page.evaluate(`(${BENCH_WITH_PROBE})(${JSON.stringify([threads, batch, rounds])})`) as Probed;
      const line = `browser WASM ${r.info.threads} thread(s)${r.info.threads === appThreads ? ' (the app\'s)' : ''}: ${r.imagesPerSecond.toFixed(1)} images/s, ${(1000 / r.imagesPerSecond).toFixed(1)} ms/img ` +
        `(ms/image per round ${r.msPerImage.map((m) => m.toFixed(1)).join(' ')}; session ${r.loadMs.toFixed(0)} ms; isolated ${r.info.crossOriginIsolated}); ` +
        `main-thread probe (2 ms task every 50 ms, ${waits.length} runs): done after p50 ${pct(waits, 0.5).toFixed(0)} / p95 ${pct(waits, 0.95).toFixed(0)} / max ${pct(waits, 1).toFixed(0)} ms`;
      console.log(`  ${line}`);
      lines.push(line);
    }
    return lines;
  } finally {
    await browser.close();
    await served.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const lines = await benchBrowser({
    batch: arg('--batch') ? Number(arg('--batch')) : undefined,
    rounds: arg('--rounds') ? Number(arg('--rounds')) : undefined,
    threads: arg('--threads')?.split(',').map(Number),
  });
  console.log(`SUMMARY ${JSON.stringify(lines)}`);
}
