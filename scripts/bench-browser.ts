// Browser figures, measured in headless Debian Chromium on the built site (vite preview):
// embedding images/s with WASM threads against single-threaded WASM, each in a fresh worker.
//   npx tsx scripts/bench-browser.ts [--batch 16] [--rounds 5]
import { launchChromium } from '../test/e2e/browser.ts';
import { buildAndPreview } from '../test/e2e/server.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const batch = arg('--batch', 16);
const rounds = arg('--rounds', 5);

interface Bench { info: { backend: string; threads: number; crossOriginIsolated: boolean }; loadMs: number; msPerImage: number[]; imagesPerSecond: number }

const served = await buildAndPreview('dist-bench');
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(served.url);
  await page.getByTestId('capabilities').locator('[data-backend]').or(page.locator('[data-testid=capabilities][data-backend]')).waitFor({ timeout: 60_000 });
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  console.log(`Chromium ${browser.version()}, ${cores} cores, batch ${batch}, best of ${rounds} rounds after a warm-up`);
  for (const threads of [...new Set([Math.min(cores, 4), 1])]) {
    const r = await page.evaluate(([t, n, k]) =>
      (window as unknown as { synthscoreBench(t: number, n: number, k: number): Promise<Bench> }).synthscoreBench(t, n, k), [threads, batch, rounds]);
    console.log(`  WASM ${r.info.threads} thread(s): ${r.imagesPerSecond.toFixed(1)} images/s ` +
      `(ms/image ${r.msPerImage.map((m) => m.toFixed(1)).join(' ')}; session ${r.loadMs.toFixed(0)} ms; isolated ${r.info.crossOriginIsolated})`);
  }
} finally {
  await browser.close();
  await served.close();
}
