// The real holdout drop zone end to end (issue 14, docs/panel.md): drop a real set, two synthetic
// sets (other real digits, and half lightly edited copies of the real set) and a holdout of real
// digits the "generator" never saw; the run's panel then shows the DCR share, and the copies sit
// closer to the training digits than to the holdout, so their share is higher than fresh's. Then
// tables: a holdout table (penguins, vega-datasets) gives the table run a DCR share, the CLI's.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoPage } from './demo-page.ts';
import { runCli } from '../cli/run-cli.ts';
import { createRng, shuffle } from '../../src/core/random.ts';
import type { Report } from '../../src/report/schema.ts';
import { buildDemoSets } from '../../scripts/demo-data/build-sets.ts';
import { digitCount, digitPixels, greyToPng } from '../../scripts/demo-data/mnist-images.ts';

const PER_CLASS = 15;
const N = 10 * PER_CLASS;
/** buildDemoSets takes every stride-th digit at offsets 0–3; offset 5 is a disjoint set of real digits, same writers. */
const HOLDOUT_OFFSET = 5;
const POLL = { timeout: 30_000, interval: 100 };

let page: Page;
let consoleErrors: string[];
let close: (() => Promise<void>) | undefined;
let dir: string;

async function buildHoldout(out: string): Promise<void> {
  const stride = Math.floor(Math.min(...Array.from({ length: 10 }, (_, d) => digitCount(d))) / PER_CLASS);
  for (let d = 0; d < 10; d++) {
    await mkdir(join(out, String(d)), { recursive: true });
    for (let i = 0; i < PER_CLASS; i++) {
      await writeFile(join(out, String(d), `h${i}.png`), await greyToPng(digitPixels(d, i * stride + HOLDOUT_OFFSET)));
    }
  }
}

beforeAll(async () => {
  ({ page, consoleErrors, close } = await openDemoPage('.cache/dist-e2e-holdout'));
  dir = await mkdtemp(join(tmpdir(), 'synthscore-e2e-holdout-'));
  await buildDemoSets(join(dir, 'sets'), { perClass: PER_CLASS, sets: ['fresh', 'copies'] });
  await buildHoldout(join(dir, 'holdout'));
});

afterAll(async () => {
  await close?.();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the real holdout', () => {
  it('is listed once dropped, apart from the real set', async () => {
    await page.getByTestId('real-folder').setInputFiles(join(dir, 'sets', 'real'));
    await page.getByTestId('synthetic-folder').setInputFiles(join(dir, 'sets', 'fresh'));
    await page.getByTestId('synthetic-folder').setInputFiles(join(dir, 'sets', 'copies'));
    await page.getByTestId('holdout-folder').setInputFiles(join(dir, 'holdout'));
    await expect.poll(() => page.getByTestId('summary-real').getAttribute('data-items'), POLL).toBe(String(N));
    await expect.poll(() => page.getByTestId('summary-synthetic-fresh').getAttribute('data-items'), POLL).toBe(String(N));
    await expect.poll(() => page.getByTestId('summary-synthetic-copies').getAttribute('data-items'), POLL).toBe(String(N));
    await expect.poll(() => page.getByTestId('summary-holdout').getAttribute('data-items'), POLL).toBe(String(N));
  });

  it("gives the run's panel a DCR share, higher for copies of the real set than for fresh digits", async () => {
    await page.getByTestId('run').click();
    await expect.poll(() => page.getByTestId('phase').getAttribute('data-phase'), { timeout: 200_000, interval: 200 }).toBe('done');
    expect(await page.getByTestId('demo-banner').count()).toBe(0);
    // The holdout was embedded as its own stage.
    expect(await page.locator('[data-testid=progress] li[data-stage="embed holdout"]').count()).toBe(1);
    // The panel (of the first experiment, fresh) comes after the scores and carries the DCR share.
    const dcr = page.getByTestId('panel-dcrShare');
    await dcr.waitFor({ timeout: 60_000 });
    const freshPanel = Number(await dcr.getAttribute('data-value'));
    expect(await page.getByTestId('panel-dcrShare-value').textContent()).toMatch(/\d/);
    expect(await page.getByTestId('panel-dcr-hint').count()).toBe(0); // no "add a holdout" hint any more
    // Both experiments' shares, from the comparison table's full column set.
    await page.getByTestId('panel-columns-toggle').click();
    const share = async (exp: string) => Number(await page.getByTestId(`cell-${exp}-dcrShare`).getAttribute('data-value'));
    await expect.poll(() => page.getByTestId('cell-copies-dcrShare').count(), POLL).toBe(1);
    const fresh = await share('fresh'), copies = await share('copies');
    expect(fresh).toBeCloseTo(freshPanel, 6);
    for (const v of [fresh, copies]) { expect(v).toBeGreaterThanOrEqual(0); expect(v).toBeLessThanOrEqual(1); }
    // Fresh digits are as close to the holdout as to the training digits (ideal 0.5); copies are not.
    expect(Math.abs(fresh - 0.5)).toBeLessThan(0.2);
    expect(copies).toBeGreaterThan(fresh + 0.1);
    console.log(`DCR share: fresh ${fresh.toFixed(3)}, copies ${copies.toFixed(3)}`);
    expect(consoleErrors.filter((m) => /Content Security Policy|pageerror/i.test(m))).toEqual([]);
  });
});

type Row = Record<string, string | number | null>;
const toCsv = (rows: Row[]) => {
  const cols = Object.keys(rows[0]);
  return [cols.join(','), ...rows.map((r) => cols.map((c) => r[c] ?? '').join(','))].join('\n') + '\n';
};

describe('the real holdout of a table run', () => {
  it('gives the panel a DCR share, copies far above fresh rows, and the CLI the same numbers', async () => {
    // Penguins in three seeded parts: the real (training) rows, a holdout, fresh rows; copies of the real rows.
    const penguins = JSON.parse(await readFile('node_modules/vega-datasets/data/penguins.json', 'utf8')) as Row[];
    const rows = shuffle(penguins.filter((r) => r['Beak Length (mm)'] !== null), createRng(7));
    const third = Math.floor(rows.length / 3);
    const t = join(dir, 'tables');
    await mkdir(t, { recursive: true });
    await writeFile(join(t, 'real.csv'), toCsv(rows.slice(0, third)));
    await writeFile(join(t, 'held.csv'), toCsv(rows.slice(third, 2 * third)));
    await writeFile(join(t, 'fresh.csv'), toCsv(rows.slice(2 * third)));
    await writeFile(join(t, 'copies.csv'), toCsv(rows.slice(0, third)));
    await page.reload(); // a page with no sets dropped
    await page.getByTestId('real-files').setInputFiles(join(t, 'real.csv'));
    await page.getByTestId('synthetic-files').setInputFiles(join(t, 'fresh.csv'));
    await page.getByTestId('synthetic-files').setInputFiles(join(t, 'copies.csv'));
    await page.getByTestId('holdout-files').setInputFiles(join(t, 'held.csv'));
    await expect.poll(() => page.getByTestId('holdout-hint').textContent(), POLL).toMatch(/Real rows the generator never saw/);
    await expect.poll(() => page.getByTestId('run').isEnabled(), POLL).toBe(true);
    await page.getByTestId('run').click();
    await expect.poll(() => page.getByTestId('phase').getAttribute('data-phase'), { timeout: 200_000, interval: 200 }).toBe('done');
    await page.getByTestId('panel-dcrShare').waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    const web = JSON.parse(await readFile((await download.path())!, 'utf8')) as Report;
    expect(web.modality).toBe('table');
    const [fresh, copies] = web.experiments.map((e) => e.panel!.dcrShare!);
    expect(Number(await page.getByTestId('panel-dcrShare').getAttribute('data-value'))).toBeCloseTo(fresh.value, 6);
    expect(copies.value).toBeGreaterThan(0.9);
    expect(Math.abs(fresh.value - 0.5)).toBeLessThan(0.15);
    console.info(`table DCR share (app): fresh ${fresh.value.toFixed(3)}, copies ${copies.value.toFixed(3)}`);
    // The CLI on the same files: the same table panel.
    const cli = await runCli(['score', '--real', join(t, 'real.csv'), '--synthetic', `fresh.csv=${join(t, 'fresh.csv')}`, '--synthetic', `copies.csv=${join(t, 'copies.csv')}`,
      '--holdout', join(t, 'held.csv'), '--json', join(t, 'cli.json'), '--quiet']);
    expect(cli.code, cli.stderr).toBe(0);
    const node = JSON.parse(await readFile(join(t, 'cli.json'), 'utf8')) as Report;
    for (const [w, n] of [...web.experiments.map((e, i) => [e, node.experiments[i]]), [web.reference!, node.reference!]]) {
      for (const k of ['dcrShare', 'columnShapes', 'columnPairTrends'] as const) expect(w.panel![k]!.value, `${w.name} ${k}`).toBeCloseTo(n.panel![k]!.value, 3);
    }
  });
});
