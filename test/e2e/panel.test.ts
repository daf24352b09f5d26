// The demo's extended panel (issue 14): a fresh profile opens on the demo's build-time report; under
// the first experiment's scorecard the panel shows precision with its interval and what real against
// real scores on the demo digits, the comparison table carries precision for the reference row, and
// the optional real holdout has its own drop zone. Then the page scores folders of real digits,
// fresh digits and a holdout, and the CLI scores the same folders: the panels agree.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoPage } from './demo-page.ts';
import { runCli } from '../cli/run-cli.ts';
import { buildDemoSets } from '../../scripts/demo-data/build-sets.ts';
import { digitCount, digitPixels, greyToPng } from '../../scripts/demo-data/mnist-images.ts';
import type { Panel, Report } from '../../src/report/schema.ts';

let page: Page;
let demo: Report;
let consoleErrors: string[];
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ page, demo, consoleErrors, close } = await openDemoPage('.cache/dist-e2e-panel'));
});

let dir: string | undefined;

afterAll(async () => {
  await close?.();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the demo's panel", () => {
  it('shows precision with its interval, its sample size and the real-vs-real value', async () => {
    const ex = demo.experiments[0];
    const precision = ex.panel?.precision, reference = demo.reference?.panel?.precision;
    expect(precision, 'the demo report carries a panel').toBeDefined();
    expect(reference, 'and a reference panel').toBeDefined();
    await page.getByTestId('panel').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('panel-precision-value').textContent()).toBe(precision!.value.toFixed(3));
    expect(await page.getByTestId('panel-precision-interval').textContent()).toBe(` 95% ${precision!.lo.toFixed(3)}–${precision!.hi.toFixed(3)}`);
    expect(await page.getByTestId('panel-precision').textContent()).toContain(`n = ${precision!.n}`);
    expect(await page.getByTestId('panel-precision-reference').textContent()).toBe(`real vs real: ${reference!.value.toFixed(3)}`);
    // The panel sits under the scorecard.
    const below = await page.evaluate(() => {
      const card = document.querySelector('[data-testid="score-unrealistic"]')!, panel = document.querySelector('[data-testid="panel"]')!;
      return card.getBoundingClientRect().bottom <= panel.getBoundingClientRect().top;
    });
    expect(below).toBe(true);
  });

  it('puts precision in the comparison table, the reference row included', async () => {
    const reference = demo.reference!.panel!.precision!;
    expect(await page.getByTestId('reference-precision').textContent()).toBe(reference.value.toFixed(3));
    for (const ex of demo.experiments) {
      expect(await page.getByTestId(`cell-${ex.name}-precision`).textContent()).toBe(ex.panel!.precision!.value.toFixed(3));
    }
  });

  it('offers a real holdout drop zone', async () => {
    expect(await page.getByTestId('holdout').locator('.label').textContent()).toBe('Real holdout (optional)');
    expect(consoleErrors.filter((m) => /Content Security Policy|pageerror/i.test(m))).toEqual([]);
  });
});

/** Digits per class of each set the page and the CLI score (100 images a set). */
const PER_CLASS = 10;
const POLL = { timeout: 30_000, interval: 100 };
/** The panel's measures compared, each to 3 decimals (the vectors agree to float rounding: test/e2e/app.test.ts). */
const SAME: readonly (keyof Panel)[] = ['precision', 'recall', 'density', 'coverage', 'frechetDistance', 'vendi', 'vendiReal', 'authenticity', 'dcrShare'];

/** Other real digits than buildDemoSets takes (it uses offsets 0–3 of every stride-th digit). */
async function buildHoldout(out: string): Promise<void> {
  const stride = Math.floor(Math.min(...Array.from({ length: 10 }, (_, d) => digitCount(d))) / PER_CLASS);
  for (let d = 0; d < 10; d++) {
    await mkdir(join(out, String(d)), { recursive: true });
    for (let i = 0; i < PER_CLASS; i++) await writeFile(join(out, String(d), `h${i}.png`), await greyToPng(digitPixels(d, i * stride + 5)));
  }
}

describe('the app and the CLI on the same folders', () => {
  it('give the same panel numbers, the reference and the holdout included', async () => {
    dir = await mkdtemp(join(tmpdir(), 'synthscore-e2e-panel-'));
    await buildDemoSets(join(dir, 'sets'), { perClass: PER_CLASS, sets: ['fresh'] });
    await buildHoldout(join(dir, 'holdout'));
    await page.getByTestId('real-folder').setInputFiles(join(dir, 'sets', 'real'));
    await page.getByTestId('synthetic-folder').setInputFiles(join(dir, 'sets', 'fresh'));
    await page.getByTestId('holdout-folder').setInputFiles(join(dir, 'holdout'));
    await expect.poll(() => page.getByTestId('summary-holdout').getAttribute('data-items'), POLL).toBe(String(10 * PER_CLASS));
    await expect.poll(() => page.getByTestId('run').isEnabled(), POLL).toBe(true);
    await page.getByTestId('run').click();
    // 'done' comes with the final report, the panel in it (the headline shows first while 'running').
    await expect.poll(() => page.getByTestId('phase').getAttribute('data-phase'), { timeout: 300_000, interval: 250 }).toBe('done');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    const web = JSON.parse(await readFile((await download.path())!, 'utf8')) as Report;
    const cli = await runCli(['score', '--real', join(dir, 'sets', 'real'), '--synthetic', `fresh=${join(dir, 'sets', 'fresh')}`, '--holdout', join(dir, 'holdout'),
      '--json', join(dir, 'cli.json'), '--quiet', '--cache-dir', join(dir, 'cli-cache')]);
    expect(cli.code, cli.stderr).toBe(0);
    const node = JSON.parse(await readFile(join(dir, 'cli.json'), 'utf8')) as Report;
    for (const [what, w, n] of [['fresh', web.experiments[0].panel, node.experiments[0].panel], ['reference', web.reference?.panel, node.reference?.panel]] as const) {
      expect(w, `the app's ${what} panel`).toBeDefined();
      expect(n, `the CLI's ${what} panel`).toBeDefined();
      console.info(`panel, app vs CLI (${what}):`, JSON.stringify(Object.fromEntries(SAME.map((k) => [k, [(w![k] as { value: number }).value, (n![k] as { value: number }).value]]))));
      for (const k of SAME) {
        const [a, b] = [w![k] as { value: number; n: number }, n![k] as { value: number; n: number }];
        expect(a.n, `${what} ${k}: sample size`).toBe(b.n);
        expect(a.value, `${what} ${k}`).toBeCloseTo(b.value, 3);
      }
    }
    expect(consoleErrors.filter((m) => /Content Security Policy|pageerror/i.test(m))).toEqual([]);
  });
});
