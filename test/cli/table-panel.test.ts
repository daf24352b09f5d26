// The table run's panel in the CLI (issue 14, docs/panel-images-tables.md): the summary on stdout
// and the HTML export show SDMetrics' column shapes and column pair trends for every experiment and
// the real-vs-real reference, and with `--holdout` a table of unseen real rows adds the DCR share.
// Penguins (vega-datasets) cut in three seeded parts: real, holdout and fresh rows.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, shuffle } from '../../src/core/random.ts';
import type { Report } from '../../src/report/schema.ts';
import { VEGA } from '../core/table/fixtures.ts';
import { runCli, type CliResult } from './run-cli.ts';

type Row = Record<string, string | number | null>;
const toCsv = (rows: Row[]) => {
  const cols = Object.keys(rows[0]);
  return [cols.join(','), ...rows.map((r) => cols.map((c) => r[c] ?? '').join(','))].join('\n') + '\n';
};

let dir: string;
let run: CliResult;
let report: Report;
let html: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'synthscore-table-panel-'));
  const penguins: Row[] = JSON.parse(await readFile(join(VEGA, 'penguins.json'), 'utf8'));
  const rows = shuffle(penguins.filter((r) => r['Beak Length (mm)'] !== null), createRng(7));
  const third = Math.floor(rows.length / 3);
  await writeFile(join(dir, 'real.csv'), toCsv(rows.slice(0, third)));
  await writeFile(join(dir, 'holdout.csv'), toCsv(rows.slice(third, 2 * third)));
  await writeFile(join(dir, 'fresh.csv'), toCsv(rows.slice(2 * third)));
  await writeFile(join(dir, 'copies.csv'), toCsv(rows.slice(0, third)));
  run = await runCli(['score', '--real', join(dir, 'real.csv'), '--synthetic', `fresh=${join(dir, 'fresh.csv')}`, '--synthetic', `copies=${join(dir, 'copies.csv')}`,
    '--holdout', join(dir, 'holdout.csv'), '--json', join(dir, 'r.json'), '--html', join(dir, 'r.html'), '--quiet', '--bootstrap', '200']);
  report = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8'));
  html = await readFile(join(dir, 'r.html'), 'utf8');
}, 300_000);

/** The panel block of the summary: heading, rule, rows (reference first). */
function panelBlock(out: string): string[] {
  const lines = out.slice(out.indexOf('\npanel ') + 1).split('\n');
  return lines.slice(0, lines.findIndex((l) => l.startsWith('Ideal:')));
}

describe('the table panel in the CLI', () => {
  it('prints column shapes, pair trends and the DCR share for each experiment and the reference', () => {
    expect(run.code, run.stderr).toBe(0);
    const block = panelBlock(run.stdout);
    expect(block[0]).toMatch(/^panel\s+DCR share\s+column shapes\s+pair trends$/);
    const rows = [report.reference!, ...report.experiments];
    expect(block.slice(2).map((l) => l.trim().split(/\s{2,}/))).toEqual(rows.map((e, i) => [
      i === 0 ? 'real vs real (reference)' : e.name,
      e.panel!.dcrShare!.value.toFixed(3), e.panel!.columnShapes!.value.toFixed(3), e.panel!.columnPairTrends!.value.toFixed(3),
    ]));
    // The numbers move as they should: copies are nearer the training rows, and match the real columns exactly.
    const [fresh, copies] = report.experiments.map((e) => e.panel!);
    expect(copies.dcrShare!.value).toBeGreaterThan(0.9);
    expect(Math.abs(fresh.dcrShare!.value - 0.5)).toBeLessThan(0.15);
    expect(copies.columnShapes!.value).toBe(1);
    expect(fresh.columnShapes!.value).toBeLessThan(1);
  });

  it('puts the same numbers in the HTML export', () => {
    for (const e of [report.reference!, ...report.experiments]) {
      expect(html).toContain(`<td data-panel="columnShapes">${e.panel!.columnShapes!.value.toFixed(3)}</td>`);
      expect(html).toContain(`<td data-panel="columnPairTrends">${e.panel!.columnPairTrends!.value.toFixed(3)}</td>`);
    }
    expect(html).toMatch(/<dt>column shapes<\/dt><dd>[^<]*SDMetrics/);
  });
});
