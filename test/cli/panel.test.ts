// The extended panel (docs/panel.md, issue 14) end to end on real handwritten digits: the CLI
// with the demo's constructed sets and a holdout of other real digits. Each set built to show one
// problem moves the panel's measures the way their definitions say, against fresh real digits.
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Experiment, Panel, Report } from '../../src/report/schema.ts';
import { buildDemoSets, DEMO_SETS } from '../../scripts/demo-data/build-sets.ts';
import { digitCount, digitPixels, greyToPng } from '../../scripts/demo-data/mnist-images.ts';
import { runCli, type CliResult } from './run-cli.ts';

const PER_CLASS = 20;
let dir: string;
let report: Report;
let run: CliResult;
let html: string;
const ex = (name: string): Experiment => report.experiments.find((e) => e.name === name)!;
const panel = (name: string): Panel => ex(name).panel!;

/** Other real digits: every stride-th digit at an offset no demo role uses (build-sets.ts uses 0–3). */
async function buildHoldout(out: string): Promise<void> {
  const stride = Math.floor(Math.min(...Array.from({ length: 10 }, (_, d) => digitCount(d))) / PER_CLASS);
  for (let d = 0; d < 10; d++) {
    await mkdir(join(out, String(d)), { recursive: true });
    for (let i = 0; i < PER_CLASS; i++) await writeFile(join(out, String(d), `h${i}.png`), await greyToPng(digitPixels(d, i * stride + 5)));
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'synthscore-panel-'));
  await buildDemoSets(dir, { perClass: PER_CLASS });
  await buildHoldout(join(dir, 'holdout'));
  run = await runCli(['score', '--real', join(dir, 'real'), ...DEMO_SETS.flatMap((s) => ['--synthetic', `${s}=${join(dir, s)}`]),
    '--holdout', join(dir, 'holdout'), '--json', join(dir, 'r.json'), '--html', join(dir, 'r.html'), '--quiet', '--bootstrap', '200', '--cache-dir', join(dir, 'cache')]);
  report = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8'));
  html = await readFile(join(dir, 'r.html'), 'utf8');
}, 900_000);

describe('the panel on MNIST sets', () => {
  it('is in the report for every experiment and the reference, with sample sizes', () => {
    expect(run.code, run.stderr).toBe(0);
    for (const s of DEMO_SETS) {
      const p = panel(s);
      expect(p.k).toBe(5);
      expect(p.precision!.n).toBe(ex(s).counts.synthetic);
      expect(p.recall!.n).toBe(ex(s).counts.real);
      expect(p.frechetDistance!.method).toBe('none');
      expect(p.imageIssues).toBeDefined();
    }
    expect(report.reference!.panel!.dcrShare).toBeDefined();
    // One Fréchet n for all: min(⌊n_real / 2⌋, every n_synthetic).
    const ns = new Set([...DEMO_SETS.map((s) => panel(s).frechetDistance!.n), report.reference!.panel!.frechetDistance!.n]);
    expect([...ns]).toEqual([Math.floor(report.real.count / 2)]);
    expect(report.warnings ?? []).not.toContainEqual(expect.stringMatching(/panel/));
  });

  it('fresh digits score near the real-vs-real reference', () => {
    const ref = report.reference!.panel!;
    expect(Math.abs(panel('fresh').precision!.value - ref.precision!.value)).toBeLessThan(0.15);
    expect(Math.abs(panel('fresh').recall!.value - ref.recall!.value)).toBeLessThan(0.15);
  });

  it('dropped classes lower recall and coverage', () => {
    expect(panel('dropped').recall!.value).toBeLessThan(panel('fresh').recall!.value - 0.1);
    expect(panel('dropped').coverage!.value).toBeLessThan(panel('fresh').coverage!.value - 0.1);
  });

  it('drawn digits lower precision and density', () => {
    expect(panel('drawn').precision!.value).toBeLessThan(panel('fresh').precision!.value - 0.1);
    expect(panel('drawn').density!.value).toBeLessThan(panel('fresh').density!.value - 0.1);
  });

  it('repeats lower the Vendi score', () => {
    expect(panel('repeats').vendi!.value).toBeLessThan(0.9 * panel('fresh').vendi!.value);
  });

  it('copies with a holdout give a DCR share well above 0.5, fresh digits about 0.5', () => {
    expect(panel('copies').dcrShare!.value).toBeGreaterThan(0.6);
    expect(panel('copies').dcrPValue!).toBeLessThan(0.01);
    expect(panel('fresh').dcrShare!.lo).toBeLessThanOrEqual(0.5);
    expect(panel('fresh').dcrShare!.hi).toBeGreaterThanOrEqual(0.5);
  });

  it('prints the panel table after the comparisons, reference first, with its legend', () => {
    const out = run.stdout;
    const at = out.indexOf('\npanel ');
    expect(at).toBeGreaterThan(out.indexOf('Paired comparisons'));
    const lines = out.slice(at + 1).split('\n');
    expect(lines[0]).toMatch(/precision.*recall.*density.*coverage.*FD.*Vendi.*authenticity.*DCR share/);
    expect(lines[2]).toMatch(/^real vs real \(reference\)/);
    for (const s of DEMO_SETS) expect(lines.slice(3, 3 + DEMO_SETS.length).join('\n')).toMatch(new RegExp(`^${s}\\s`, 'm'));
    expect(lines[3 + DEMO_SETS.length]).toMatch(/^Ideal: .*DCR share 0\.5/);
    // Image issues: each kind some set has, synthetic / real rate (MNIST digits are all low-information by CleanVision's default).
    const col = lines[0].indexOf('low information (synth / real)');
    expect(col).toBeGreaterThan(lines[0].indexOf('DCR share'));
    const rate = (e: Experiment) => e.panel!.imageIssues!['low-information'];
    for (const [i, e] of [report.reference!, ...DEMO_SETS.map(ex)].entries()) {
      expect(lines[2 + i]).toContain(`${rate(e).synthetic.value.toFixed(3)} / ${rate(e).real.value.toFixed(3)}`);
    }
    expect(lines[0]).not.toMatch(/odd aspect ratio/); // no set has it: no column of zeros
  });

  it('puts the same table in the HTML export, with each measure’s meaning and ideal', () => {
    expect(html).toContain('<table class="panel">');
    expect(html).toContain(`<td data-panel="dcrShare">${panel('copies').dcrShare!.value.toFixed(3)}</td>`);
    expect(html).toMatch(/<dt>coverage<\/dt><dd>[^<]*Ideal: ≈ 0\.97/);
    const low = panel('fresh').imageIssues!['low-information'];
    expect(html).toContain(`<td data-panel="imageIssues.low-information">${low.synthetic.value.toFixed(3)} / ${low.real.value.toFixed(3)}</td>`);
  });
});
