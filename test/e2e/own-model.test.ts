// The image model chooser end to end (issue 15): the built MobileNet's model.onnx, read from disk
// and given to "Use my own model…" under a new name with the form filled as its manifest says,
// scores a small MNIST set exactly as the built-in does (its own vectors: the cache is keyed by the
// model, so nothing is shared); a text file named .onnx gets a clear error and the page still runs
// with the built-in; switching models is not an "unchanged" re-run; Inception-V3 runs when built.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoPage } from './demo-page.ts';
import { buildDemoSets } from '../../scripts/demo-data/build-sets.ts';
import type { Report } from '../../src/report/schema.ts';

const PER_CLASS = 5;
const N = 10 * PER_CLASS;
const MOBILENET = 'public/models/mobilenet-v2-1.4-nsfwjs';
const INCEPTION = 'public/models/inception-v3-nsfwjs/model.onnx';
const POLL = { timeout: 30_000, interval: 100 };
const RUN = { timeout: 240_000, interval: 200 };
/** Inception-V3 costs about ten times MobileNet's work per image: a smaller set for it. */
const INCEPTION_PER_CLASS = 2;

let page: Page;
let consoleErrors: string[];
let close: (() => Promise<void>) | undefined;
let dir: string;
let modelBytes: Buffer;
let sha256: string;
/** The built-in's run, exported as JSON. */
let builtin: Report;

/** Runs (the sets are loaded) until the page says done, and returns the exported report. */
async function runAndExport(p: Page): Promise<Report> {
  await p.getByTestId('run').click();
  await expect.poll(() => p.getByTestId('phase').getAttribute('data-phase'), POLL).toBe('running');
  await expect.poll(() => p.getByTestId('phase').getAttribute('data-phase'), RUN).toBe('done');
  return exported(p);
}

async function exported(p: Page): Promise<Report> {
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('export-json').click()]);
  return JSON.parse(await readFile((await download.path())!, 'utf8')) as Report;
}

const scoresOf = (r: Report) => ({
  experiments: r.experiments.map((ex) => ({ name: ex.name, scores: ex.scores, auc: ex.auc })),
  reference: r.reference?.scores,
});

beforeAll(async () => {
  ({ page, consoleErrors, close } = await openDemoPage('.cache/dist-e2e-own-model'));
  dir = await mkdtemp(join(tmpdir(), 'synthscore-e2e-own-model-'));
  await buildDemoSets(join(dir, 'sets'), { perClass: PER_CLASS, sets: ['fresh', 'copies'] });
  if (existsSync(INCEPTION)) await buildDemoSets(join(dir, 'small'), { perClass: INCEPTION_PER_CLASS, sets: ['fresh'] });
  modelBytes = await readFile(join(MOBILENET, 'model.onnx'));
  sha256 = createHash('sha256').update(modelBytes).digest('hex');
});

afterAll(async () => {
  await close?.();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the image model chooser', () => {
  it('lists the built-ins, the default chosen, and offers "Use my own model…"', async () => {
    const select = page.getByTestId('model-select');
    expect(await select.inputValue()).toBe('builtin:mobilenet-v2-1.4-nsfwjs');
    const options = await select.locator('option').allTextContents();
    expect(options[0]).toMatch(/^MobileNetV2/);
    expect(options[1]).toMatch(/^Inception-V3/);
    expect(options.at(-1)).toBe('Use my own model…');
  });

  it('refuses a text file named .onnx, saying which file and why', async () => {
    await page.getByTestId('model-select').selectOption('own');
    await page.getByTestId('own-model-form').waitFor();
    expect(await page.getByTestId('own-model-local').textContent()).toMatch(/never uploaded/);
    await page.getByTestId('own-model-file').setInputFiles({ name: 'weights.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from('this is a README, not a model\n'.repeat(20)) });
    await expect.poll(() => page.getByTestId('own-model-error').textContent(), POLL).toMatch(/"weights\.onnx" cannot be used: the file is text, not an ONNX model/);
    expect(await page.getByTestId('own-model-keep').isDisabled()).toBe(true);
    await page.getByTestId('own-model-cancel').click();
    expect(await page.getByTestId('own-model-form').count()).toBe(0);
    expect(await page.getByTestId('model-select').inputValue()).toBe('builtin:mobilenet-v2-1.4-nsfwjs');
  });

  it('still runs with the built-in after the bad file', async () => {
    await page.getByTestId('real-folder').setInputFiles(join(dir, 'sets', 'real'));
    await page.getByTestId('synthetic-folder').setInputFiles(join(dir, 'sets', 'fresh'));
    await page.getByTestId('synthetic-folder').setInputFiles(join(dir, 'sets', 'copies'));
    await expect.poll(() => page.getByTestId('summary-real').getAttribute('data-items'), POLL).toBe(String(N));
    await expect.poll(() => page.getByTestId('summary-synthetic-copies').getAttribute('data-items'), POLL).toBe(String(N));
    builtin = await runAndExport(page);
    expect(builtin.model.id).toBe('mobilenet-v2-1.4-nsfwjs');
    expect(await page.getByTestId('report-model').getAttribute('data-model-id')).toBe('mobilenet-v2-1.4-nsfwjs');
    expect(await page.getByTestId('report-model').textContent()).toMatch(/^model: mobilenet-v2-1\.4-nsfwjs/);
  });

  it('keeps the built MobileNet, renamed, as the user\'s own model once its trial run passes', async () => {
    await page.getByTestId('model-select').selectOption('own');
    await page.getByTestId('own-model-file').setInputFiles({ name: 'my-mobilenet.onnx', mimeType: 'application/octet-stream', buffer: modelBytes });
    await page.getByTestId('own-model-graph').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('own-model-graph').textContent()).toContain(`sha256 ${sha256.slice(0, 12)}`);
    // The form as the built-in's manifest.json says (224×224, NHWC, 0..1, RGB, 'embedding').
    const manifest = JSON.parse(await readFile(join(MOBILENET, 'manifest.json'), 'utf8')) as { input: { width: number; height: number; range: number[] }; output: { name: string }; nearDuplicateThreshold: { value: number } };
    await page.getByTestId('own-model-name').fill('my-mobilenet');
    await page.getByTestId('own-model-width').fill(String(manifest.input.width));
    await page.getByTestId('own-model-height').fill(String(manifest.input.height));
    await page.getByTestId('own-model-layout').selectOption('NHWC');
    await page.getByTestId('own-model-range-lo').fill(String(manifest.input.range[0]));
    await page.getByTestId('own-model-range-hi').fill(String(manifest.input.range[1]));
    await page.getByTestId('own-model-colour').selectOption('RGB');
    await page.getByTestId('own-model-output').selectOption(manifest.output.name);
    await page.getByTestId('own-model-threshold').fill(String(manifest.nearDuplicateThreshold.value));
    await page.getByTestId('own-model-keep').click();
    await page.getByTestId('own-model-form').waitFor({ state: 'detached', timeout: 60_000 });
    expect(await page.getByTestId('model-select').inputValue()).toBe(`user:${sha256}`);
    expect(await page.getByTestId('model-chosen-file').textContent()).toContain('my-mobilenet.onnx');
    const option = await page.getByTestId('model-select').locator(`option[value="user:${sha256}"]`).textContent();
    expect(option).toBe('my-mobilenet (your model: my-mobilenet.onnx, 1792-d, 224×224)');
  });

  it('gives the same numbers as the built-in, from its own vectors, and says which model scored them', async () => {
    const own = await runAndExport(page);
    // Not the stored built-in run: another model is not an unchanged re-run.
    expect(await page.getByTestId('stored-run').count()).toBe(0);
    expect(own.model).toMatchObject({ id: 'my-mobilenet', dimension: 1792, source: 'user', sha256 });
    // Its vectors were embedded by it, as the built-in's first run embedded its own (the copies
    // that are the real digits' very pixels come from this run's own cache in both), none read
    // from the built-in's cache entries.
    expect(own.embedding).toEqual(builtin.embedding);
    expect(own.embedding.embedded).toBeGreaterThan(2 * N);
    expect(scoresOf(own)).toEqual(scoresOf(builtin));
    expect(own.experiments.map((ex) => ex.name)).toEqual(['fresh', 'copies']);
    const line = page.getByTestId('report-model');
    expect(await line.getAttribute('data-model-id')).toBe('my-mobilenet');
    expect(await line.textContent()).toMatch(new RegExp(`my-mobilenet.*${sha256.slice(0, 12)}`));
  });

  it('remembers the choice across a reload, and the built-in again finds its stored run', async () => {
    await page.reload();
    await expect.poll(() => page.getByTestId('model-select').inputValue(), POLL).toBe(`user:${sha256}`);
    await page.getByTestId('model-select').selectOption('builtin:mobilenet-v2-1.4-nsfwjs');
    await page.getByTestId('real-folder').setInputFiles(join(dir, 'sets', 'real'));
    await page.getByTestId('synthetic-folder').setInputFiles(join(dir, 'sets', 'fresh'));
    await page.getByTestId('synthetic-folder').setInputFiles(join(dir, 'sets', 'copies'));
    await expect.poll(() => page.getByTestId('summary-synthetic-copies').getAttribute('data-items'), POLL).toBe(String(N));
    await page.getByTestId('run').click();
    await page.getByTestId('stored-run').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('report-model').getAttribute('data-model-id')).toBe('mobilenet-v2-1.4-nsfwjs');
    expect(scoresOf(await exported(page))).toEqual(scoresOf(builtin));
  });

  // Inception-V3 is converted from npm by scripts/build-image-model.ts; a checkout that has not
  // built it yet has no public/models/inception-v3-nsfwjs/model.onnx, and this check waits for it.
  it.skipIf(!existsSync(INCEPTION))('runs with Inception-V3 when chosen, and the report says so', async () => {
    await page.reload();
    await page.getByTestId('model-select').selectOption('builtin:inception-v3-nsfwjs');
    await page.getByTestId('real-folder').setInputFiles(join(dir, 'small', 'real'));
    await page.getByTestId('synthetic-folder').setInputFiles(join(dir, 'small', 'fresh'));
    const n = 10 * INCEPTION_PER_CLASS;
    await expect.poll(() => page.getByTestId('summary-synthetic-fresh').getAttribute('data-items'), POLL).toBe(String(n));
    const t0 = Date.now();
    await page.getByTestId('run').click();
    await expect.poll(() => page.getByTestId('phase').getAttribute('data-phase'), { timeout: 420_000, interval: 500 }).toBe('done');
    console.log(`Inception-V3: ${2 * n} MNIST images scored in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    const report = await exported(page);
    expect(report.model).toMatchObject({ id: 'inception-v3-nsfwjs', dimension: 2048, source: 'builtin' });
    expect(report.embedding.embedded + report.embedding.fromCache).toBe(2 * n);
    expect(await page.getByTestId('report-model').getAttribute('data-model-id')).toBe('inception-v3-nsfwjs');
    for (const k of ['unrealistic', 'unrepresentative', 'unvaried', 'unoriginal'] as const) {
      const v = report.experiments[0].scores[k].value;
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  }, 480_000);

  it('logged no page errors', () => {
    expect(consoleErrors.filter((m) => /Content Security Policy|pageerror/i.test(m))).toEqual([]);
  });
});
