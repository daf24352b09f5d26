// Browser figures, measured in headless Debian Chromium on the built site (vite preview):
// embedding images/s with WASM threads against single-threaded WASM, each in a fresh worker, and
// how late the page's own small tasks run meanwhile (a probe on the main thread: a ~2 ms task
// every 50 ms; its delay past the due time plus its run time is what a user's click would wait).
//   npx tsx scripts/bench-browser.ts [--batch 16] [--rounds 5] [--threads 2,1]
import { launchChromium } from './browser/chromium.ts';
import { buildAndPreview } from './browser/server.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const batch = Number(arg('--batch', '16'));
const rounds = Number(arg('--rounds', '5'));

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

const served = await buildAndPreview('dist-bench');
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(served.url);
  await page.locator('[data-testid=capabilities][data-backend]').waitFor({ timeout: 120_000 });
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const appThreads = Number(await page.getByTestId('capabilities').getAttribute('data-threads'));
  const counts = arg('--threads', [...new Set([Math.min(cores, 4), appThreads, 1])].join(',')).split(',').map(Number);
  console.log(`Chromium ${browser.version()}, ${cores} cores (the app uses ${appThreads} thread(s)), batch ${batch}, best of ${rounds} rounds after a warm-up`);
  for (const threads of counts) {
    const { bench: r, waits } = await page.evaluate(`(${BENCH_WITH_PROBE})(${JSON.stringify([threads, batch, rounds])})`) as Probed;
    console.log(`  WASM ${r.info.threads} thread(s): ${r.imagesPerSecond.toFixed(1)} images/s ` +
      `(ms/image ${r.msPerImage.map((m) => m.toFixed(1)).join(' ')}; session ${r.loadMs.toFixed(0)} ms; isolated ${r.info.crossOriginIsolated}); ` +
      `main-thread probe (2 ms task every 50 ms, ${waits.length} runs): done after p50 ${pct(waits, 0.5).toFixed(0)} / p95 ${pct(waits, 0.95).toFixed(0)} / max ${pct(waits, 1).toFixed(0)} ms`);
  }
} finally {
  await browser.close();
  await served.close();
}
