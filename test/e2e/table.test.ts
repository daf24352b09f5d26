// Tables in the app, end to end in Debian's Chromium: pick a real and a synthetic CSV built from
// vega-datasets penguins (shuffled with a seed, then split in halves: the file lists penguins in
// female/male pairs), run, and read the four scores, the per-column charts (worst first), the
// ranked rows and the duplicate pairs. The synthetic half has a known effect: flipper lengths
// stretched by 15% (the column that gives the data away) and 10 exact copies of real rows.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, shuffle } from '../../src/core/random.ts';
import type { Report } from '../../src/report/schema.ts';
import { collectErrors, launchChromium } from '../../scripts/browser/chromium.ts';
import { buildAndPreview, type Served } from '../../scripts/browser/server.ts';
import { correlatedCsv } from '../fixtures/correlated-csv.ts';

type Penguin = Record<string, string | number | null>;
const POLL = { timeout: 30_000, interval: 100 };
const FLIPPER = 'Flipper Length (mm)';
const COPIES = 10;
let served: Served;
let browser: Browser;
let page: Page;
let dir: string;
let nReal = 0, nSynth = 0;
let stretchedUnrealistic = NaN;
const consoleErrors: string[] = [];

function csv(rows: Penguin[]): string {
  const cols = Object.keys(rows[0]);
  const cell = (v: Penguin[string]) => (v === null || v === undefined ? '' : String(v));
  return [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}


beforeAll(async () => {
  const all = JSON.parse(await readFile('node_modules/vega-datasets/data/penguins.json', 'utf8')) as Penguin[];
  const rows = shuffle(all.slice(), createRng(7));
  const half = rows.length >> 1;
  const real = rows.slice(0, half);
  const synth: Penguin[] = rows.slice(half).map((r): Penguin => ({ ...r, [FLIPPER]: r[FLIPPER] === null ? null : Math.round(Number(r[FLIPPER]) * 1.15) }));
  for (let i = 0; i < COPIES; i++) synth[i] = { ...real[i] };
  nReal = real.length;
  nSynth = synth.length;
  dir = await mkdtemp(join(tmpdir(), 'synthscore-e2e-table-'));
  await writeFile(join(dir, 'real.csv'), csv(real));
  await writeFile(join(dir, 'stretched.csv'), csv(synth));
  await writeFile(join(dir, 'extra.csv'), csv(synth.map((r, i) => ({ ...r, Note: `row ${i}` }))));
  await writeFile(join(dir, 'big-real.csv'), correlatedCsv(20_000, 1, false));
  await writeFile(join(dir, 'big-broken.csv'), correlatedCsv(20_000, 2, true));
  // Its own output folder: other e2e files build into dist/ at the same time.
  served = await buildAndPreview(join(tmpdir(), 'synthscore-e2e-table-dist'));
  browser = await launchChromium();
  page = collectErrors(await (await browser.newContext()).newPage(), consoleErrors);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('table options while the image model loads', () => {
  it('appear while the model is still loading: table calls have their own worker, not the one loading the model', async () => {
    // A fresh context (no model in the HTTP cache); the image model's bytes are held until the
    // options are shown, so "the capabilities line still says loading" does not depend on timing.
    const context = await browser.newContext();
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await context.route(/mobilenet[^/]*\/model[^/]*\.onnx$/, async (route) => { await held; await route.continue(); });
    const fresh = collectErrors(await context.newPage(), consoleErrors);
    await fresh.goto(served.url);
    // Timed in the page: from the synthetic file's change event to the options' "ready" state, and
    // whether the capabilities line had its backend (the model loaded) at that moment.
    await fresh.evaluate(`(() => {
      const w = window; w.__opts = {};
      document.querySelector('[data-testid=synthetic-files]').addEventListener('change', () => { w.__opts.dropped = performance.now(); }, { capture: true });
      new MutationObserver(() => {
        const o = document.querySelector('[data-testid=table-options]');
        if (!w.__opts.shown && o && o.getAttribute('data-state') === 'ready') {
          w.__opts.shown = performance.now();
          w.__opts.capsLoaded = document.querySelector('[data-testid=capabilities]').hasAttribute('data-backend');
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    })()`);
    await fresh.getByTestId('real-files').setInputFiles(join(dir, 'real.csv'));
    await fresh.getByTestId('synthetic-files').setInputFiles(join(dir, 'stretched.csv'));
    await expect.poll(() => fresh.evaluate('window.__opts.shown ?? null'), { timeout: 60_000, interval: 100 }).not.toBeNull();
    const t = await fresh.evaluate('window.__opts') as { dropped: number; shown: number; capsLoaded: boolean };
    console.info(`table options visible ${((t.shown - t.dropped) / 1000).toFixed(2)} s after the drop (image model held)`);
    expect(t.capsLoaded).toBe(false);
    expect(t.shown - t.dropped).toBeLessThan(15_000); // measured 0.2–4.4 s on 2 shared cores
    const names = await Promise.all(fresh.workers().map((w) => w.evaluate('self.name').catch(() => '')));
    expect(names.filter((n) => String(n).startsWith('synthscore-')).sort()).toEqual(['synthscore-score', 'synthscore-tables']);
    release();
    await expect.poll(() => fresh.getByTestId('capabilities').getAttribute('data-backend'), { timeout: 120_000, interval: 250 }).not.toBeNull();
    await context.close();
  });
});

/** Waits for the run to end, done or failed. */
const phaseEnd = () => expect.poll(() => page.getByTestId('phase').getAttribute('data-phase'), { timeout: 180_000, interval: 250 }).toMatch(/done|failed/);

// One page through the describe: each test continues the run of the one before (the unrealistic
// score of the run with inferred types is the yardstick for the run with a column ignored).
describe('tables in the app', () => {
  it('says "table, N bytes, format" before the run', async () => {
    await page.goto(served.url);
    await page.getByTestId('real-files').setInputFiles(join(dir, 'real.csv'));
    await page.getByTestId('synthetic-files').setInputFiles(join(dir, 'stretched.csv'));
    const summary = page.getByTestId('summary-real').getByTestId('table-summary');
    await summary.waitFor(POLL);
    const bytes = (await readFile(join(dir, 'real.csv'))).length;
    expect(await summary.textContent()).toContain(`table, ${bytes.toLocaleString('en-US')} bytes, csv`);
    expect(await page.getByTestId('summary-real').textContent()).not.toContain('Only images');
  });

  it('scores two CSV files and shows the four scores, per-column charts worst first, ranked rows and duplicate pairs', async () => {
    await expect.poll(() => page.getByTestId('run').isEnabled(), POLL).toBe(true);
    await page.getByTestId('run').click();
    await expect.poll(() => page.getByTestId('phase').getAttribute('data-phase'), { timeout: 180_000, interval: 250 }).toMatch(/done|failed/);
    const error = await page.getByTestId('error').textContent().catch(() => null);
    expect(await page.getByTestId('phase').getAttribute('data-phase'), `${error} ${consoleErrors.join('\n')}`).toBe('done');

    const score = async (k: string) => Number(await page.getByTestId(`cell-stretched.csv-${k}`).textContent());
    const scores = Object.fromEntries(await Promise.all(['unrealistic', 'unrepresentative', 'unvaried', 'unoriginal'].map(async (k) => [k, await score(k)] as const)));
    console.info('table e2e scores:', JSON.stringify(scores));
    stretchedUnrealistic = scores.unrealistic;
    for (const v of Object.values(scores)) expect(v).toBeGreaterThanOrEqual(0);
    expect(scores.unrealistic).toBeGreaterThan(0.5); // stretched flippers are easy to tell apart
    expect(scores.unoriginal).toBeGreaterThan(0); // the 10 copies
    for (const k of ['unrealistic', 'unrepresentative', 'unvaried', 'unoriginal']) await page.getByTestId(`score-${k}`).waitFor();
    // Rows parsed and encoded, not "0 embedded".
    expect(await page.getByTestId('table-run-line').getAttribute('data-rows-parsed')).toBe(String(nReal + nSynth));
    expect(await page.getByTestId('embedding').count()).toBe(0);

    // Per-column charts: every compared column, the stretched one first.
    const charts = page.getByTestId('column-charts');
    const figs = charts.getByRole('figure');
    expect(await figs.count()).toBe(7);
    expect(await figs.first().getAttribute('data-testid')).toBe(`column-${FLIPPER}`);
    const shapes = await figs.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-shape'))));
    expect(shapes).toEqual([...shapes].sort((a, b) => a - b));
    expect(shapes[0]).toBeLessThan(0.7);
    expect(await figs.first().getByTestId('chart-bin').count()).toBeGreaterThan(1);

    // Rows ranked by p, with their cells.
    const unreal = page.getByTestId('unrealistic-rows');
    expect(Number(await unreal.getAttribute('data-count'))).toBe(Math.min(200, nSynth));
    expect(await unreal.getByTestId('ranked-row').first().textContent()).toMatch(/stretched\.csv#row \d+/);
    expect(Number(await page.getByTestId('unrepresented-rows').getAttribute('data-count'))).toBe(Math.min(200, nReal));
    // Duplicate pairs: the 10 copies, every cell matching.
    const pairs = page.getByTestId('duplicate-pair');
    expect(await pairs.count()).toBeGreaterThanOrEqual(COPIES);
    const first = pairs.first();
    expect(await first.getAttribute('data-kind')).toBe('unoriginal');
    expect(await first.locator('td.differs').count()).toBe(0);
    expect(await first.locator('td.match').count()).toBe(14);
  });

  it('exports a table report carrying the row cells sample', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    const web = JSON.parse(await readFile((await download.path())!, 'utf8')) as Report;
    expect(web.modality).toBe('table');
    const cells = web.experiments[0].table!.rowCells!;
    expect(cells.columns).toContain(FLIPPER);
    expect(cells.rows.length).toBeGreaterThan(0);
    expect(cells.rows.length).toBeLessThanOrEqual(nReal + nSynth);

    // The 2-D map: every row fits under 5,000 points; clicking a point shows that row and its cells.
    const map = web.experiments[0].map!;
    expect(map.rows.length).toBe(nReal + nSynth);
    expect(Number(await page.getByTestId('map').getAttribute('data-points'))).toBe(nReal + nSynth);
    await page.getByTestId('map-canvas').click({ position: { x: 8 + map.xy[0] * 464, y: 8 + map.xy[1] * 464 } });
    const item = page.getByTestId('map-item');
    await item.waitFor(POLL);
    const row = Number(await item.getAttribute('data-row'));
    expect(await item.textContent()).toContain(web.experiments[0].rows[row].path);
    expect(await item.locator('tr').count()).toBe(7);
    expect(await item.locator('th').first().textContent()).toBe('Species');
  });


  it('exports an HTML report with the table evidence', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-html').click()]);
    const html = await readFile((await download.path())!, 'utf8');
    expect(html.match(/<figure data-column=/g)).toHaveLength(7);
    expect(html.indexOf(`<figure data-column="${FLIPPER}"`)).toBe(html.indexOf('<figure data-column='));
    expect(html).toContain('data-list="unrealistic"');
    expect(html.match(/data-pair="unoriginal"/g)!.length).toBeGreaterThanOrEqual(COPIES);
    expect(html).not.toMatch(/<script|https?:\/\//i);
  });

  it('shows the inferred types; overriding the giveaway column to "ignore" removes it and lowers unrealistic', async () => {
    await page.goto(served.url);
    await page.getByTestId('real-files').setInputFiles(join(dir, 'real.csv'));
    await page.getByTestId('synthetic-files').setInputFiles(join(dir, 'stretched.csv'));
    const rows = page.getByTestId('table-options').getByTestId('column-type');
    await expect.poll(() => rows.count(), POLL).toBe(7);
    expect(await page.locator(`[data-testid=column-type][data-column="${FLIPPER}"]`).getAttribute('data-inferred')).toBe('number');
    await page.getByLabel(`type of ${FLIPPER}`).selectOption('ignore');
    await page.getByTestId('run').click();
    await phaseEnd();
    expect(await page.getByTestId('phase').getAttribute('data-phase'), (await page.getByTestId('error').textContent().catch(() => '')) ?? '').toBe('done');
    const figs = page.getByTestId('column-charts').getByRole('figure');
    expect(await figs.count()).toBe(6);
    expect(await page.getByTestId(`column-${FLIPPER}`).count()).toBe(0);
    const unrealistic = Number(await page.getByTestId('cell-stretched.csv-unrealistic').textContent());
    console.info(`unrealistic: ${stretchedUnrealistic} as inferred, ${unrealistic} with "${FLIPPER}" ignored`);
    expect(unrealistic).toBeLessThan(stretchedUnrealistic - 0.1);
  });
});

describe('table options before the run', () => {
  it('a set with an extra column is refused with its name, and runs once the user drops it', async () => {
    await page.goto(served.url);
    await page.getByTestId('real-files').setInputFiles(join(dir, 'real.csv'));
    await page.getByTestId('synthetic-files').setInputFiles(join(dir, 'extra.csv'));
    const mismatch = page.getByTestId('column-mismatch');
    await mismatch.waitFor(POLL);
    expect(await mismatch.textContent()).toContain('has “Note”, which the real set lacks');
    expect(await mismatch.getByTestId('mismatch-set').getAttribute('data-set')).toBe('extra.csv');
    // Renamed after the drop: the list follows the name (no stale "extra.csv"), without a new read.
    await page.getByLabel('experiment name').fill('with notes');
    await expect.poll(() => mismatch.getByTestId('mismatch-set').getAttribute('data-set'), POLL).toBe('with notes');
    expect(await mismatch.textContent()).toMatch(/^with notes \(extra\.csv\) has “Note”/);
    expect(await page.getByTestId('table-options').getAttribute('data-state')).toBe('ready');
    await page.getByTestId('run').click();
    await phaseEnd();
    expect(await page.getByTestId('phase').getAttribute('data-phase')).toBe('failed');
    expect(await page.getByTestId('error').textContent()).toMatch(/"Note" that the real set lacks/);

    await page.getByTestId('drop-mismatched').check();
    await page.getByTestId('run').click();
    await phaseEnd();
    expect(await page.getByTestId('phase').getAttribute('data-phase')).toBe('done');
    expect(await page.getByTestId('table-findings').textContent()).toContain('Dropped columns: Note (only in with notes)');
    expect(await page.getByTestId('column-charts').getByRole('figure').count()).toBe(7);
  });
});

describe('cancelling a table run', () => {
  it('stops within seconds, says so, and the next run works', async () => {
    await page.goto(served.url);
    await page.getByTestId('real-files').setInputFiles(join(dir, 'big-real.csv'));
    await page.getByTestId('synthetic-files').setInputFiles(join(dir, 'big-broken.csv'));
    await expect.poll(() => page.getByTestId('run').isEnabled(), POLL).toBe(true);
    await page.getByTestId('run').click();
    // Cancel once the tree detector is running (the longest stage).
    await page.locator('[data-testid=progress] li[data-stage="big-broken.csv: detector"]').waitFor({ timeout: 120_000 });
    // Timed inside the page, from the click to the "Cancelled." phase (the harness adds its own latency).
    await page.evaluate(`(() => {
      const w = window; w.__cancel = {};
      document.querySelector('[data-testid=cancel]').addEventListener('click', () => { w.__cancel.clicked = performance.now(); }, { capture: true });
      const phase = document.querySelector('[data-testid=phase]');
      new MutationObserver(() => { if (phase.getAttribute('data-phase') === 'cancelled') w.__cancel.shown = performance.now(); }).observe(phase, { attributes: true });
    })()`);
    await page.getByTestId('cancel').click();
    await expect.poll(() => page.getByTestId('phase').getAttribute('data-phase'), { timeout: 10_000, interval: 50 }).toBe('cancelled');
    const t = await page.evaluate('window.__cancel') as { clicked: number; shown: number };
    const seconds = (t.shown - t.clicked) / 1000;
    console.info(`table run cancelled in ${seconds.toFixed(3)} s`);
    // The target is 1–2 s. Measured 0.01–2.8 s here on 2 shared, heavily loaded cores; a run that
    // waited for its detector fold instead would take tens of seconds at this size.
    expect(seconds).toBeLessThan(5);
    expect(await page.getByTestId('phase').textContent()).toBe('Cancelled.');
    expect(await page.getByTestId('error').count()).toBe(0);
    // No result of this run (the page may show an earlier report kept from a past visit).
    const results = page.getByTestId('results');
    expect(await results.count() === 0 || !(await results.textContent())!.includes('big-broken.csv')).toBe(true);

    // Nothing crashed: a fresh worker scores the next run.
    await page.goto(served.url);
    await page.getByTestId('real-files').setInputFiles(join(dir, 'real.csv'));
    await page.getByTestId('synthetic-files').setInputFiles(join(dir, 'stretched.csv'));
    await expect.poll(() => page.getByTestId('run').isEnabled(), POLL).toBe(true);
    await page.getByTestId('run').click();
    const done = () => expect.poll(() => page.getByTestId('phase').getAttribute('data-phase'), { timeout: 180_000, interval: 250 }).toBe('done');
    await done();
    // These files were scored earlier in this browser: Run showed that stored report; score them.
    if (await page.getByTestId('stored-run').count()) {
      await page.getByTestId('run-again').click();
      await expect.poll(() => page.getByTestId('stored-run').count(), POLL).toBe(0);
      await done();
    }
    expect(await page.getByTestId('stored-run').count()).toBe(0);
    expect(consoleErrors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
