// The real holdout drop zone end to end (issue 14, docs/panel.md): drop a real set, two synthetic
// sets (other real digits, and half lightly edited copies of the real set) and a holdout of real
// digits the "generator" never saw; the run's panel then shows the DCR share, and the copies sit
// closer to the training digits than to the holdout, so their share is higher than fresh's.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoPage } from './demo-page.ts';
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
