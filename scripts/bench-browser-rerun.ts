// Browser figures of the re-run loop (issue 17), in headless Debian Chromium on the built site, as
// a user does it: drop two folders of 28×28 MNIST PNGs, Run (the cold run embeds everything), Run
// again with nothing changed (the stored report is shown: the unchanged re-run), then "run again"
// (every vector from IndexedDB: the cached re-run). Prints:
// - listing: the page's own (its 'synthscore:list <role>' measures, from each folder's change event
//   to the set listed), Playwright's handing the files over, and the run's "read" stage;
// - cached rows/s: read + hash + lookup with nothing to embed (the embed stages' items over their
//   seconds, from the progress panel);
// - the cached re-run: Run → scores shown (the headline; the panel and the map fill in after it)
//   and Run → done, with each stage's share (the progress panel's seconds);
// - analysis in the page: Run → scores less reading and embedding (calibration, every experiment's
//   and the real-vs-real reference's analysis, comparisons), with the PCA, classifier and kNN
//   stages' seconds; and the map's, drawn after the scores;
// - the longest main-thread task over the whole cached re-run, from Chromium's trace (wall, CPU,
//   and wall less the machine's own stalls, as test/e2e/app.test.ts reads it).
//   npx tsx scripts/bench-browser-rerun.ts [--per-class 200]     (200: 2,000 + 2,000 files)
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { longest, startMainThreadTrace, stopMainThreadTrace, type MainThreadTask } from './browser/main-thread.ts';
import { monotonicMicros, stalledWithin, startStallProbe } from './browser/stall-probe.ts';
import { buildDemoSets } from './demo-data/build-sets.ts';
import { launchChromium } from './browser/chromium.ts';
import { buildAndPreview } from './browser/server.ts';

const DONE = '[data-testid=phase]:not([data-phase=running])';

/** Clicks Run (or "run again") and waits for the run to end; seconds from the click to the scores
 *  shown (the headline, before the panel) and to the end. Waits use locators, not
 *  waitForFunction: the app's CSP forbids the eval that a string predicate needs. */
async function timedRun(page: Page, button: 'run' | 'run-again'): Promise<{ scores: number; done: number }> {
  const phase = page.getByTestId('phase');
  const t0 = performance.now();
  await page.getByTestId(button).click();
  await page.locator('[data-testid=phase][data-phase=running]').waitFor();
  // The headline shows "the panel fills in after the scores" until the panel is in; a run whose
  // panel came at once goes straight to done.
  await Promise.race([page.getByTestId('panel-pending').first().waitFor({ timeout: 0 }), page.locator(DONE).waitFor({ state: 'attached', timeout: 0 })]);
  const scores = (performance.now() - t0) / 1000;
  await page.locator(DONE).waitFor({ state: 'attached', timeout: 0 }); // empty when done: not 'visible'
  const done = (performance.now() - t0) / 1000;
  if ((await phase.getAttribute('data-phase')) !== 'done') throw new Error(`run ended as ${await phase.getAttribute('data-phase')}`);
  return { scores, done };
}

/** Every finished stage's seconds as the progress panel shows them ("12.3 s"), in panel order. */
async function stageSeconds(page: Page): Promise<Map<string, number>> {
  const rows = await page.locator('[data-testid=progress] li[data-status=done]').evaluateAll((lis) =>
    lis.map((li) => [li.getAttribute('data-stage') ?? '', li.querySelector('.eta')?.textContent ?? ''] as const));
  return new Map(rows.map(([stage, eta]) => [stage, Number(/([\d.]+) s/.exec(eta)?.[1] ?? NaN)]));
}

/** The page's own listing of each set (ms: start, duration on the page's clock), and their span
 *  from the first set's change event to the last set listed. */
async function pageListing(page: Page): Promise<{ bySet: string; spanS: number }> {
  const measures = await page.evaluate((prefix) => performance.getEntriesByType('measure')
    .filter((m) => m.name.startsWith(prefix)).map((m) => ({ name: m.name.slice(prefix.length + 1), start: m.startTime, ms: m.duration })), 'synthscore:list');
  if (measures.length === 0) throw new Error('the page recorded no listing measure (synthscore:list <role>)');
  const spanMs = Math.max(...measures.map((m) => m.start + m.ms)) - Math.min(...measures.map((m) => m.start));
  return { bySet: measures.map((m) => `${m.name} ${(m.ms / 1000).toFixed(2)} s`).join(', '), spanS: spanMs / 1000 };
}

const sum = (m: Map<string, number>, keep: (stage: string) => boolean) => [...m].filter(([k]) => keep(k)).reduce((a, [, v]) => a + v, 0);
/** The analysis stages with progress: an experiment's or the reference's PCA, classifier and kNN. */
const isAnalysis = (s: string) => /: (pca|classifier|knn)$/.test(s);
const isMap = (s: string) => /: map$/.test(s);

export async function benchBrowserRerun(opts: { perClass?: number } = {}): Promise<string[]> {
  const perClass = opts.perClass ?? 200;
  const dir = await mkdtemp(join(tmpdir(), 'bench-browser-rerun-'));
  await buildDemoSets(dir, { perClass, sets: ['fresh'] });
  const served = await buildAndPreview('dist-bench');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(served.url);
    const n = 10 * perClass;
    // Drop → both sets listed (the page sniffs each file's head once, on the main thread), once
    // the page shows what it opens on, as a user drops. Two figures: Playwright handing each
    // folder's files to the page (setInputFiles: Chromium makes a File per path, on the page's main
    // thread too), and the page's own listing, which the page measures itself from the folder
    // input's change event to the set listed ('synthscore:list <role>', ingest/browser-walk.ts).
    await page.getByTestId('demo-banner').waitFor({ timeout: 60_000 });
    const tDrop = performance.now();
    await page.getByTestId('real-folder').setInputFiles(join(dir, 'real'));
    const handRealS = (performance.now() - tDrop) / 1000;
    const tHandSynth = performance.now();
    await page.getByTestId('synthetic-folder').setInputFiles(join(dir, 'fresh'));
    const handSynthS = (performance.now() - tHandSynth) / 1000;
    await page.locator(`[data-testid=summary-real][data-items="${n}"]`).waitFor({ timeout: 120_000 });
    await page.locator(`[data-testid="summary-synthetic-fresh"][data-items="${n}"]`).waitFor({ timeout: 120_000 });
    const dropListing = (performance.now() - tDrop) / 1000;
    const listing = await pageListing(page);
    const cold = await timedRun(page, 'run');
    const coldRead = (await stageSeconds(page)).get('read') ?? NaN;

    // Nothing changed: Run shows the stored report.
    const tUnchanged = performance.now();
    await page.getByTestId('run').click();
    await page.getByTestId('stored-run').waitFor({ timeout: 60_000 });
    const unchangedMs = performance.now() - tUnchanged;

    // "run again": every vector from IndexedDB; the main thread traced over the whole run.
    await startMainThreadTrace(browser, page);
    const probe = startStallProbe();
    const mark = (name: string) => page.evaluate((m) => performance.mark(m).startTime, name);
    const beforeMark = monotonicMicros();
    await mark('bench:run');
    const afterMark = monotonicMicros();
    const warm = await timedRun(page, 'run-again');
    await mark('bench:done');
    const trace = await stopMainThreadTrace(browser, ['bench:run', 'bench:done']);
    // The probe's clock, moved onto the trace's by the first mark (read between two probe readings).
    const shift = trace.origin - (beforeMark + afterMark) / 2;
    const stalls = (await probe.stop()).map((x) => ({ start: x.start + shift, end: x.end + shift }));
    // Each task's wall time less the time the machine stalled a thread that had nothing to do.
    const net = (t: MainThreadTask) => t.wall - stalledWithin(stalls, trace.origin + t.start * 1000, trace.origin + (t.start + t.wall) * 1000) / 1000;
    const worst = trace.tasks.reduce((w, t) => (net(t) > net(w) ? t : w), trace.tasks[0]);

    const embedding = page.getByTestId('embedding');
    const [embedded, fromCache] = [await embedding.getAttribute('data-embedded'), await embedding.getAttribute('data-from-cache')];
    const stages = await stageSeconds(page);
    const embedS = sum(stages, (s) => s.startsWith('embed '));
    const analysisS = sum(stages, isAnalysis), mapS = sum(stages, isMap);
    const shares = [...stages].map(([k, v]) => `${k} ${v.toFixed(1)} s (${((100 * v) / warm.done).toFixed(0)}%)`).join(', ');
    const lines = [
      `browser cached re-run, ${n} + ${n} images: Run → scores ${warm.scores.toFixed(1)} s, Run → done (map and panel in) ${warm.done.toFixed(1)} s ` +
        `(embedded ${embedded}, from cache ${fromCache}; the cold run: ${cold.scores.toFixed(1)} s to scores, ${cold.done.toFixed(1)} s to done)`,
      `browser cached re-run stages (share of Run → done): ${shares}`,
      `browser analysis of ${n} + ${n} × 1792 in the page: ${(warm.scores - (stages.get('read') ?? 0) - embedS).toFixed(1)} s (Run → scores less reading and the embed stages), ` +
        `of which the pca, classifier and knn stages of the experiment and the reference ${analysisS.toFixed(1)} s; the map, after the scores, ${mapS.toFixed(1)} s`,
      `browser cached rows: ${Math.round(Number(fromCache) / embedS)} items/s (read + hash + lookup: embed stages ${embedS.toFixed(1)} s for ${fromCache})`,
      `browser listing ${2 * n} files: the page's own ${listing.spanS.toFixed(2)} s from the first folder's change event to both sets listed ` +
        `(${listing.bySet}; the sets overlap); Playwright handing the files over ${handRealS.toFixed(1)} s + ${handSynthS.toFixed(1)} s; ` +
        `${dropListing.toFixed(1)} s from the first setInputFiles to both sets listed; the run's read stage ${coldRead.toFixed(1)} s cold, ${(stages.get('read') ?? NaN).toFixed(1)} s re-run`,
      `browser unchanged re-run (same files, settings, engine): stored report shown ${unchangedMs.toFixed(0)} ms after the click`,
      `browser main thread over the whole cached re-run (${trace.tasks.length} tasks): longest ${longest(trace.tasks, 'wall').toFixed(0)} ms wall, ` +
        `${longest(trace.tasks, 'cpu').toFixed(0)} ms CPU; ${net(worst).toFixed(0)} ms less the machine's stalls (target < 100)`,
    ];
    lines.forEach((l) => console.log(l));
    console.log(`  (Chromium ${browser.version()}, load avg ${loadavg().map((v) => v.toFixed(2)).join(' ')})`);
    return lines;
  } finally {
    await browser.close();
    await served.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--per-class');
  const lines = await benchBrowserRerun({ perClass: i >= 0 ? Number(process.argv[i + 1]) : 200 });
  console.log(`SUMMARY ${JSON.stringify(lines)}`);
}
