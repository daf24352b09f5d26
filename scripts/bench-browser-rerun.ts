// Browser figure: time from "Run" to scores for a cached re-run of 2,000 + 2,000 images, in
// headless Debian Chromium on the built site. The first run embeds everything (its time is
// printed too); the second finds every vector in IndexedDB. Also prints the listing of the files
// (in the page when they are dropped, and the run's "read" stage) and, for the re-run, cached
// items/s: read + hash + lookup with nothing to embed (the embed stages' items over their seconds,
// from the progress panel; issue 17).
//   npx tsx scripts/bench-browser-rerun.ts [--per-class 200]     (200: 2,000 + 2,000 files)
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildDemoSets } from './demo-data/build-sets.ts';
import { launchChromium } from './browser/chromium.ts';
import { buildAndPreview } from './browser/server.ts';

const i = process.argv.indexOf('--per-class');
const perClass = i >= 0 ? Number(process.argv[i + 1]) : 200;
const dir = await mkdtemp(join(tmpdir(), 'bench-browser-rerun-'));
await buildDemoSets(dir, { perClass, sets: ['fresh'] });

/** Clicks Run and waits for the run to end; returns seconds from the click to the scores. Waits
 *  use locators, not waitForFunction: the app's CSP forbids the eval that a string predicate needs. */
async function timedRun(page: Page): Promise<number> {
  const phase = page.getByTestId('phase');
  const t0 = performance.now();
  await page.getByTestId('run').click();
  await page.locator('[data-testid=phase][data-phase=running]').waitFor();
  await page.locator('[data-testid=phase]:not([data-phase=running])').waitFor({ state: 'attached', timeout: 0 }); // empty when done: not 'visible'
  const seconds = (performance.now() - t0) / 1000;
  if ((await phase.getAttribute('data-phase')) !== 'done') throw new Error(`run ended as ${await phase.getAttribute('data-phase')}`);
  return seconds;
}

/** A finished stage's seconds as the progress panel shows them ("12.3 s"). */
async function stageSeconds(page: Page, stage: string): Promise<number> {
  const text = await page.locator(`[data-testid=progress] li[data-stage="${stage}"] .eta`).textContent();
  return Number(/([\d.]+) s/.exec(text ?? '')?.[1] ?? NaN);
}

const served = await buildAndPreview('dist-bench');
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(served.url);
  const n = 10 * perClass;
  // Drop → both sets listed (the page sniffs each file's head once, on the main thread).
  const tDrop = performance.now();
  await page.getByTestId('real-folder').setInputFiles(join(dir, 'real'));
  await page.getByTestId('synthetic-folder').setInputFiles(join(dir, 'fresh'));
  await page.locator(`[data-testid=summary-real][data-items="${n}"]`).waitFor({ timeout: 120_000 });
  await page.locator(`[data-testid="summary-synthetic-fresh"][data-items="${n}"]`).waitFor({ timeout: 120_000 });
  const dropListing = (performance.now() - tDrop) / 1000;
  const cold = await timedRun(page);
  const coldRead = await stageSeconds(page, 'read');
  const warm = await timedRun(page);
  const embedding = page.getByTestId('embedding');
  const [embedded, fromCache] = [await embedding.getAttribute('data-embedded'), await embedding.getAttribute('data-from-cache')];
  const warmRead = await stageSeconds(page, 'read');
  const embedS = (await stageSeconds(page, 'embed real')) + (await stageSeconds(page, 'embed fresh'));
  const cachedRate = Number(fromCache) / embedS;
  const lines = [
    `browser run to scores, ${n} + ${n} images: cold ${cold.toFixed(1)} s, cached re-run ${warm.toFixed(1)} s (re-run embedded ${embedded}, from cache ${fromCache})`,
    `browser cached rows: ${Math.round(cachedRate)} items/s (read + hash + lookup: embed stages ${embedS.toFixed(1)} s for ${fromCache}); ` +
      `listing ${2 * n} files: ${dropListing.toFixed(1)} s from drop to both sets listed, run's read stage ${coldRead.toFixed(1)} s cold, ${warmRead.toFixed(1)} s re-run`,
  ];
  lines.forEach((l) => console.log(l));
  console.log(`  (Chromium ${browser.version()}, load avg ${loadavg().map((v) => v.toFixed(2)).join(' ')})`);
  console.log(`SUMMARY ${JSON.stringify(lines)}`);
} finally {
  await browser.close();
  await served.close();
  await rm(dir, { recursive: true, force: true });
}
