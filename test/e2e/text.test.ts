// Text in the app, end to end in Debian's Chromium: pick a real and a synthetic .jsonl of jokes
// (one-liner-joke; the synthetic jokes are other jokes with " !!" appended, an artefact a detector
// sees at once), run, read the scores and the text evidence, and check that the browser's report
// equals the command line's on the same files. Then a CSV of jokes with their tags: the field
// picker offers its columns, the user picks the text and label columns, the run uses them, and a
// click on the 2-D map shows the text under the point.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.ts';
import { runCli } from '../cli/run-cli.ts';
import { collectErrors, launchChromium } from '../../scripts/browser/chromium.ts';
import { buildAndPreview, type Served } from '../../scripts/browser/server.ts';

// 200 per side, as test/cli/text.test.ts: at 60 per side the detector (both CLI and app, to 1e-7)
// is regularised to p ≈ 0.5 for every row, so the " !!" tic is not seen (an engine finding, see the report).
const N = 200;
const POLL = { timeout: 30_000, interval: 100 };
let served: Served;
let browser: Browser;
let page: Page;
let dir: string;
const consoleErrors: string[] = [];
const all = createRequire(import.meta.url)('one-liner-joke/jokes.json') as { body: string; tags: string[] }[];
const jokes = all.map((j) => j.body);
let csvReport: Report;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'synthscore-e2e-text-'));
  const jsonl = (texts: string[]) => texts.map((text) => JSON.stringify({ text })).join('\n') + '\n';
  await writeFile(join(dir, 'real.jsonl'), jsonl(jokes.slice(0, N)));
  await writeFile(join(dir, 'synth.jsonl'), jsonl(jokes.slice(N, 2 * N).map((j) => `${j} !!`)));
  // Columns: id, joke, tag (the joke's first tag: a class label). The text column is not called "text".
  const csv = (rows: typeof all) => Papa.unparse(rows.map((j, i) => ({ id: i + 1, joke: j.body, tag: j.tags[0] ?? 'none' })));
  await writeFile(join(dir, 'real.csv'), csv(all.slice(0, 150)));
  await writeFile(join(dir, 'gen.csv'), csv(all.slice(600, 750)));
  // A CSV the content rule judges a table: its longest column holds 3-word openings, not free text.
  const opening = (rows: typeof all) => Papa.unparse(rows.map((j, i) => ({ id: i + 1, opening: j.body.split(/\s+/).slice(0, 3).join(' '), tag: j.tags[0] ?? 'none', words: j.body.split(/\s+/).length })));
  await writeFile(join(dir, 'openings-real.csv'), opening(all.slice(0, 150)));
  await writeFile(join(dir, 'openings-gen.csv'), opening(all.slice(600, 750)));
  served = await buildAndPreview();
  browser = await launchChromium();
  page = collectErrors(await (await browser.newContext()).newPage(), consoleErrors);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Presses Run and waits for the end; a failed run fails here with the error the page showed. */
async function runToEnd(): Promise<void> {
  await expect.poll(() => page.getByTestId('run').isEnabled(), POLL).toBe(true);
  await page.getByTestId('run').click();
  await expect.poll(() => page.getByTestId('phase').getAttribute('data-phase'), { timeout: 180_000, interval: 250 }).toMatch(/done|failed/);
  const error = await page.getByTestId('error').textContent().catch(() => null);
  expect(await page.getByTestId('phase').getAttribute('data-phase'), `${error} ${consoleErrors.join('\n')}`).toBe('done');
}

/** The report as the page's "Export JSON" downloads it. */
async function exportedReport(): Promise<Report> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  return JSON.parse(await readFile((await download.path())!, 'utf8')) as Report;
}

describe('text in the app', () => {
  it('scores two .jsonl files of texts and shows text cards, pairs and findings', async () => {
    await page.goto(served.url);
    await page.getByTestId('real-files').setInputFiles(join(dir, 'real.jsonl'));
    await page.getByTestId('synthetic-files').setInputFiles(join(dir, 'synth.jsonl'));
    await runToEnd();
    const unrealistic = Number(await page.getByTestId('cell-synth.jsonl-unrealistic').textContent());
    expect(unrealistic).toBeGreaterThan(0.8);
    expect(await page.getByTestId('embedding').getAttribute('data-embedded')).toBe(String(2 * N));
    // Text cards: the most unrealistic synthetic jokes (with their " !!") and the least represented real ones.
    const unreal = page.getByTestId('text-unrealistic');
    expect(Number(await unreal.getAttribute('data-count'))).toBe(N);
    const cards = unreal.getByTestId('text-card');
    expect(await cards.count()).toBeGreaterThan(0);
    expect(await cards.first().textContent()).toContain('!!');
    expect(await cards.first().getAttribute('data-path')).toMatch(/^synth\.jsonl#L\d+$/);
    expect(Number(await page.getByTestId('text-unrepresentative').getAttribute('data-count'))).toBe(N);
    // Findings: every synthetic text ends in "!!", so it tops the over-used phrases.
    await page.getByTestId('finding-lengths').waitFor();
    expect(await page.getByTestId('overused-phrase').first().textContent()).toContain('!!');
    await page.getByTestId('text-pairs').waitFor();
  });

  it("exports a report whose text scores equal the command line's on the same files", async () => {
    const web = await exportedReport();
    const cli = await runCli(['score', '--real', join(dir, 'real.jsonl'), '--synthetic', `synth.jsonl=${join(dir, 'synth.jsonl')}`,
      '--json', join(dir, 'cli.json'), '--cache-dir', join(dir, 'cli-cache')]);
    expect(cli.code, cli.stderr).toBe(0);
    const node = JSON.parse(await readFile(join(dir, 'cli.json'), 'utf8')) as Report;
    expect(web.modality).toBe('text');
    expect(node.modality).toBe('text');
    const [w, n] = [web.experiments[0], node.experiments[0]];
    expect(w.rows.map((r) => r.path)).toEqual(n.rows.map((r) => r.path));
    const keys = ['unrealistic', 'unrepresentative', 'unvaried', 'unoriginal'] as const;
    console.info('browser vs CLI (text):', JSON.stringify(Object.fromEntries(keys.map((k) => [k, [w.scores[k].value, n.scores[k].value]]))));
    for (const k of keys) expect(Math.abs(w.scores[k].value - n.scores[k].value)).toBeLessThan(1e-6);
    const maxDp = Math.max(...w.rows.map((r, i) => Math.abs(r.p - n.rows[i].p)));
    console.info(`max |p_web − p_cli| over ${w.rows.length} rows: ${maxDp.toExponential(2)}`);
    expect(maxDp).toBeLessThan(1e-5);
    expect(w.pairs?.length).toBe(n.pairs?.length);
    const [fw, fn] = [w.text!.findings, n.text!.findings];
    for (const k of ['length', 'distinct', 'overused'] as const) {
      if (JSON.stringify(fw[k]) !== JSON.stringify(fn[k])) console.info(`findings.${k} differ:`, JSON.stringify(fw[k]).slice(0, 600), JSON.stringify(fn[k]).slice(0, 600));
    }
    expect(fw.length).toEqual(fn.length);
    expect(fw.distinct.synthetic.d1).toBeCloseTo(fn.distinct.synthetic.d1, 9);
    expect(fw.distinct.real.d2).toBeCloseTo(fn.distinct.real.d2, 9);
    expect(fw.overused.slice(0, 5).map((p) => p.phrase)).toEqual(fn.overused.slice(0, 5).map((p) => p.phrase));
  });

  it('offers the CSV columns before the run; the picked text and label columns are used; the map shows a clicked text', async () => {
    await page.goto(served.url);
    await page.getByTestId('real-files').setInputFiles(join(dir, 'real.csv'));
    await page.getByTestId('synthetic-files').setInputFiles(join(dir, 'gen.csv'));
    const picker = page.getByTestId('text-field-picker');
    await picker.waitFor(POLL);
    expect(await picker.getAttribute('data-text')).toBe('joke');
    expect(await picker.getByTestId('field-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field')))).toEqual(['id', 'joke', 'tag']);
    await page.getByTestId('label-field').selectOption('tag');
    expect(await picker.getAttribute('data-label')).toBe('tag');
    await runToEnd();
    const report = await exportedReport();
    csvReport = report;
    const ex = report.experiments[0];
    expect(report.modality).toBe('text');
    expect(ex.text!.texts[0]).toBe(jokes[0]); // read from the "joke" column
    expect(report.real.classes).not.toBeNull(); // the "tag" column gave classes
    expect(ex.rows[0].className).toBe(all[0].tags[0]);
    // The map: every text drawn; a click on a point shows that text's card.
    expect(ex.map!.rows.length).toBe(300);
    const canvas = page.getByTestId('map-canvas');
    const box = (await canvas.boundingBox())!;
    const k = ex.map!.rows.findIndex((r) => ex.rows[r].side === 'synthetic');
    const [x, y] = [ex.map!.xy[2 * k], ex.map!.xy[2 * k + 1]];
    await canvas.click({ position: { x: ((8 + x * 464) * box.width) / 480, y: ((8 + y * 464) * box.height) / 480 } });
    const item = page.getByTestId('map-item');
    await item.waitFor({ timeout: 10_000 });
    const path = await item.getAttribute('data-path');
    const row = ex.rows.findIndex((r) => r.path === path);
    expect(row).toBeGreaterThanOrEqual(0);
    expect(await item.textContent()).toContain(ex.text!.texts[row].slice(0, 40));
    // Points can overlap: the card is the clicked point's or one drawn within a few pixels of it.
    const at = (r: number) => { const i = ex.map!.rows.indexOf(r); return [ex.map!.xy[2 * i], ex.map!.xy[2 * i + 1]]; };
    expect(Math.hypot(at(row)[0] - x, at(row)[1] - y) * 464).toBeLessThan(12);
  });

  it('exports an HTML report of the text run: cards, pairs, findings and map, no script', async () => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-html').click()]);
    const html = await readFile((await download.path())!, 'utf8');
    expect(html).not.toMatch(/https?:\/\/|<script|<link|<iframe|url\(|@import/i);
    expect(html).toContain('data-gallery="unrealistic"');
    expect((html.match(/<div class="tcard"/g) ?? []).length).toBeGreaterThanOrEqual(24);
    for (const f of ['lengths', 'distinct', 'overused']) expect(html).toContain(`data-finding="${f}"`);
    expect(html).toContain('aria-label="2-D map"');
    // The most unrealistic synthetic text is the gallery's first card.
    const ex = csvReport.experiments[0];
    const top = ex.rows.map((r, i) => i).filter((i) => ex.rows[i].side === 'synthetic').sort((a, b) => ex.rows[b].p - ex.rows[a].p || a - b)[0];
    const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    expect(/data-gallery="unrealistic"><div class="tcard" data-row="(\d+)"/.exec(html)?.[1]).toBe(String(top));
    expect(html).toContain(esc(ex.text!.texts[top].slice(0, 40)));
  });

  it('a CSV judged a table offers "score as text": the table stays the default, a picked string column runs a text run', async () => {
    await page.goto(served.url);
    await page.getByTestId('real-files').setInputFiles(join(dir, 'openings-real.csv'));
    await page.getByTestId('synthetic-files').setInputFiles(join(dir, 'openings-gen.csv'));
    const picker = page.getByTestId('text-field-picker');
    await picker.waitFor(POLL);
    expect(await picker.getAttribute('data-text')).toBe(''); // "score as a table"
    expect(await picker.textContent()).toContain('Scored as a table');
    // Only the string columns are offered.
    expect(await page.getByTestId('text-field').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['', 'opening', 'tag']);
    await page.getByTestId('table-options').waitFor(POLL);
    await page.getByTestId('text-field').selectOption('opening');
    expect(await picker.getAttribute('data-text')).toBe('opening');
    expect(await page.getByTestId('table-options').count()).toBe(0);
    await runToEnd();
    const report = await exportedReport();
    expect(report.modality).toBe('text');
    expect(report.experiments[0].text!.texts[0]).toBe(all[0].body.split(/\s+/).slice(0, 3).join(' '));
  });
});
