// The CLI summary and the HTML export after issue 13: the real-vs-real reference is the table's
// first row, and each comparison that found a difference is printed beneath it in words.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { createRng, shuffle } from '../../src/core/random.ts';
import type { Report } from '../../src/report/schema.ts';
import { VEGA } from '../core/table/fixtures.ts';
import { runCli } from './run-cli.ts';

type Row = Record<string, string | number | null>;
let dir: string;
const toCsv = (rows: Row[]) => {
  const cols = Object.keys(rows[0]);
  return [cols.join(','), ...rows.map((r) => cols.map((c) => r[c] ?? '').join(','))].join('\n') + '\n';
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'synthscore-comparison-cli-'));
  const penguins: Row[] = JSON.parse(await readFile(join(VEGA, 'penguins.json'), 'utf8'));
  const rows = shuffle(penguins.filter((r) => r['Beak Length (mm)'] !== null), createRng(7));
  const half = rows.length >> 1;
  await writeFile(join(dir, 'real.csv'), toCsv(rows.slice(0, half)));
  await writeFile(join(dir, 'fresh.csv'), toCsv(rows.slice(half)));
  await writeFile(join(dir, 'dropped.csv'), toCsv(rows.slice(half).filter((r) => r.Species !== 'Adelie')));
});

it('prints the reference row first and the verdicts beneath the table; the HTML shows both', async () => {
  const r = await runCli(['score', '--real', join(dir, 'real.csv'), '--synthetic', join(dir, 'fresh.csv'), '--synthetic', join(dir, 'dropped.csv'),
    '--json', join(dir, 'r.json'), '--html', join(dir, 'r.html'), '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  const lines = r.stdout.split('\n');
  expect(lines[0]).toMatch(/^experiment\s/);
  expect(lines[2]).toMatch(/^real vs real \(reference\)\s+0\.\d{3} \[/);
  expect(lines[3]).toMatch(/^fresh\.csv\s/);
  expect(lines[4]).toMatch(/^dropped\.csv\s/);
  expect(r.stdout).toMatch(/^ {2}dropped\.csv: unrepresentative higher than fresh\.csv by 0\.\d\d \[0\.\d\d, 0\.\d\d\]$/m);
  expect(r.stdout).not.toMatch(/^ {2}.*no difference detected in/m);

  const report: Report = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8'));
  const none = report.comparisons!.filter((c) => c.verdict === 'no difference detected').length;
  expect(none).toBeGreaterThan(0);
  expect(r.stdout).toContain(`  ${none} comparison${none === 1 ? '' : 's'} found no difference`);
  expect(r.stdout).toContain('Near-duplicates (unvaried, unoriginal)'); // the lines that were there stay

  const html = await readFile(join(dir, 'r.html'), 'utf8');
  const table = /<table class="comparison">.*?<\/table>/s.exec(html)![0];
  const firstRow = /<tbody><tr class="reference"><th>real vs real: what indistinguishable looks like here<\/th>/;
  expect(table).toMatch(firstRow);
  // fresh.csv is detectably better (lower) on unrepresentative than dropped.csv: its cell is marked.
  expect(table).toMatch(/<tr><th>fresh\.csv<\/th>.*<td data-score="unrepresentative" class="better" title="dropped\.csv: unrepresentative higher than fresh\.csv/s);
  expect(table).not.toMatch(/<tr><th>dropped\.csv<\/th><td data-score="unrepresentative" class="better"/);
  expect(html).toMatch(/<ul class="verdicts" data-verdicts="differences"><li data-verdict="higher">dropped\.csv: unrepresentative higher than fresh\.csv by/);
  expect(html).toContain(`No difference detected: ${none} of ${report.comparisons!.length} comparisons`);
});
