// The demo, end to end, for what a stakeholder receives: the self-contained HTML report (no
// external reference, the four scores, embedded thumbnails), the JSON report reopened on a fresh
// page without the data (scores and map), the 2-D map's click-to-see, and clear messages for a
// file that is not a report and for a model that does not load.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.ts';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { buildAndPreview, type Served } from '../../scripts/browser/server.ts';

const POLL = { timeout: 30_000, interval: 100 };
const KEYS = ['unrealistic', 'unrepresentative', 'unvaried', 'unoriginal'] as const;
let served: Served;
let browser: Browser;
let page: Page;
let dir: string;
let jsonPath: string;
let report: Report;
const consoleErrors: string[] = [];

async function freshPage(): Promise<Page> {
  const p = await (await browser.newContext()).newPage();
  p.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  p.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) consoleErrors.push(m.text()); });
  return p;
}

beforeAll(async () => {
  served = await buildAndPreview();
  dir = await mkdtemp(join(tmpdir(), 'synthscore-e2e-report-'));
  browser = await launchChromium();
  page = await freshPage();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('reports a stakeholder can open', () => {
  it('runs the demo and draws a map per experiment', async () => {
    await page.goto(served.url);
    await page.getByTestId('demo').click();
    await expect.poll(() => page.getByTestId('run').isEnabled(), POLL).toBe(true);
    await page.getByTestId('run').click();
    await expect.poll(() => page.getByTestId('phase').getAttribute('data-phase'), { timeout: 600_000, interval: 500 }).toBe('done');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    jsonPath = join(dir, 'report.json');
    await writeFile(jsonPath, await readFile((await download.path())!));
    report = JSON.parse(await readFile(jsonPath, 'utf8'));
    expect(report.experiments.length).toBe(5);
    for (const ex of report.experiments) {
      expect(ex.map?.rows.length).toBe(ex.rows.length); // 600 rows: under the 5,000 cap, all drawn
      expect(ex.map!.xy.length).toBe(2 * ex.rows.length);
    }
    expect(Number(await page.getByTestId('map').getAttribute('data-points'))).toBe(report.experiments[0].rows.length);
  }, 700_000);

  it('shows the item under a clicked point of the map, with its image', async () => {
    const ex = report.experiments[0];
    const canvas = page.getByTestId('map-canvas');
    const box = (await canvas.boundingBox())!;
    const [x, y] = [ex.map!.xy[0], ex.map!.xy[1]];
    await canvas.click({ position: { x: ((8 + x * 464) * box.width) / 480, y: ((8 + y * 464) * box.height) / 480 } });
    const item = page.getByTestId('map-item');
    await item.waitFor({ timeout: 10_000 });
    expect(await item.textContent()).toMatch(/P\(synthetic\)/);
    await item.locator('img').waitFor({ timeout: 10_000 });
  });

  it('exports a self-contained HTML report with the four scores and no external reference', async () => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-html').click()]);
    const file = (await download.path())!;
    const html = await readFile(file, 'utf8');
    expect((await stat(file)).size).toBeLessThanOrEqual(5_000_000);
    expect(html).not.toMatch(/https?:\/\/|<script|<link|<iframe|url\(|@import/i);
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?(?!data:)[^\s"'>]/i);
    for (const k of KEYS) expect(html).toContain(`data-score="${k}"`);
    for (const ex of report.experiments) {
      expect(html).toContain(`<th>${ex.name}</th>`);
      // A cell a comparison marks better carries a class and its verdicts as attributes.
      expect(html).toMatch(new RegExp(`data-score="unrealistic"[^>]*>${ex.scores.unrealistic.value.toFixed(3)}<`));
    }
    const images = html.match(/<img src="data:image\/jpeg;base64,/g)?.length ?? 0;
    expect(images).toBeGreaterThan(20);
    expect(images).toBeLessThanOrEqual(48 * report.experiments.length);
    // It reads offline, in a page with no network at all.
    const viewer = await freshPage();
    await viewer.route('**/*', (r) => r.abort());
    await viewer.setContent(html);
    expect(await viewer.locator('.experiment').count()).toBe(5);
    await viewer.context().close();
  });

  it('reopens the exported JSON on a fresh page and shows its scores and map', async () => {
    const fresh = await freshPage();
    await fresh.goto(served.url);
    await fresh.getByTestId('open-report-file').setInputFiles(jsonPath);
    await fresh.getByTestId('results').waitFor({ timeout: 30_000 });
    // A fresh profile opens on the demo's build-time report: the opened file must replace it.
    await expect.poll(() => fresh.getByTestId('demo-banner').count(), POLL).toBe(0);
    for (const ex of report.experiments)
      for (const k of KEYS)
        expect(Number(await fresh.getByTestId(`cell-${ex.name}-${k}`).textContent())).toBeCloseTo(ex.scores[k].value, 3);
    expect(Number(await fresh.getByTestId('map').getAttribute('data-points'))).toBe(report.experiments[0].map!.rows.length);

    await writeFile(join(dir, 'other.json'), JSON.stringify({ tool: 'cleanlab', version: 1 }));
    await fresh.getByTestId('open-report-file').setInputFiles(join(dir, 'other.json'));
    await expect.poll(() => fresh.getByTestId('open-report-error').textContent(), POLL).toMatch(/not a SynthScore report.*"cleanlab"/);
    await fresh.context().close();
  });

  it('says clearly when the model cannot be loaded', async () => {
    const broken = await freshPage();
    // On the context, so the scoring worker's requests are routed too.
    await broken.context().route('**/models/**', (r) => r.fulfill({ status: 404, body: 'gone' }));
    await broken.goto(served.url);
    await expect.poll(() => broken.getByTestId('capabilities').textContent(), POLL).toMatch(/could not be loaded.*HTTP 404/);
    await broken.context().close();
  });

  it('broke no Content-Security-Policy rule and threw no uncaught error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
