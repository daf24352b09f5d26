// The CLI on tables: a CSV is recognised as a table, and the constructed sets move their scores.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.ts';
import { createRng, shuffle } from '../../src/core/random.ts';
import { VEGA } from '../core/table/fixtures.ts';
import { runCli } from './run-cli.ts';

type Row = Record<string, string | number | null>;
let dir: string;

function toCsv(rows: Row[]): string {
  const cols = Object.keys(rows[0]);
  return [cols.join(','), ...rows.map((r) => cols.map((c) => r[c] ?? '').join(','))].join('\n') + '\n';
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'synthscore-table-cli-'));
  const penguins: Row[] = JSON.parse(await readFile(join(VEGA, 'penguins.json'), 'utf8'));
  // A seeded shuffle before splitting: the file lists penguins in pairs (female, male).
  const rows = shuffle(penguins.filter((r) => r['Beak Length (mm)'] !== null), createRng(7));
  const half = rows.length >> 1;
  await writeFile(join(dir, 'real.csv'), toCsv(rows.slice(0, half)));
  await writeFile(join(dir, 'fresh.csv'), toCsv(rows.slice(half)));
  await writeFile(join(dir, 'copies.csv'), toCsv([...rows.slice(0, 80), ...rows.slice(half, half + 80)]));
});

it('scores CSV files as tables: fresh rows near the baseline, copied rows unoriginal', async () => {
  const r = await runCli(['score', '--real', join(dir, 'real.csv'), '--synthetic', join(dir, 'fresh.csv'), '--synthetic', join(dir, 'copies.csv'), '--json', join(dir, 'r.json'), '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  const report: Report = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8'));
  expect(report.modality).toBe('table');
  const [fresh, copies] = report.experiments;
  expect(fresh.name).toBe('fresh.csv');
  expect(fresh.scores.unrealistic.value).toBeLessThan(0.56);
  expect(fresh.scores.unoriginal.value).toBeLessThan(0.05);
  expect(copies.scores.unoriginal.value).toBeGreaterThan(0.4);
  expect(r.stdout).toContain('±1% rel');
});

it('names the missing column when the synthetic table lacks one', async () => {
  const text = await readFile(join(dir, 'fresh.csv'), 'utf8');
  const dropLast = text.split('\n').map((l) => l.split(',').slice(0, -1).join(',')).join('\n');
  await writeFile(join(dir, 'narrow.csv'), dropLast);
  const r = await runCli(['score', '--real', join(dir, 'real.csv'), '--synthetic', join(dir, 'narrow.csv'), '--quiet']);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/Sex/);
  expect(r.stderr).toMatch(/narrow\.csv/);
});
