// `synthscore score --html FILE` on tables: the file carries the table evidence (per-column charts,
// ranked rows, duplicate pairs), not image galleries.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createRng, shuffle } from '../../src/core/random.ts';
import { VEGA } from '../core/table/fixtures.ts';
import { runCli } from './run-cli.ts';

type Row = Record<string, string | number | null>;
let dir = '';
const toCsv = (rows: Row[]) => {
  const cols = Object.keys(rows[0]);
  return [cols.join(','), ...rows.map((r) => cols.map((c) => r[c] ?? '').join(','))].join('\n') + '\n';
};

afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

it('--html on two CSV files writes the table evidence: charts, ranked rows, copied pairs', async () => {
  dir = await mkdtemp(join(tmpdir(), 'synthscore-table-html-'));
  const rows = shuffle((JSON.parse(await readFile(join(VEGA, 'penguins.json'), 'utf8')) as Row[]), createRng(7));
  const half = rows.length >> 1;
  await writeFile(join(dir, 'real.csv'), toCsv(rows.slice(0, half)));
  await writeFile(join(dir, 'copies.csv'), toCsv([...rows.slice(0, 60), ...rows.slice(half + 60)]));
  const out = join(dir, 'report.html');
  const r = await runCli(['score', '--real', join(dir, 'real.csv'), '--synthetic', `copies=${join(dir, 'copies.csv')}`, '--html', out, '--quiet', '--bootstrap', '50']);
  expect(r.code, r.stderr).toBe(0);
  const html = await readFile(out, 'utf8');
  expect(html).toContain(' · table · model table-trees');
  expect(html.match(/<figure data-column=/g)).toHaveLength(7);
  expect(html).toContain('data-list="unrealistic"');
  expect(html).toContain('data-list="unrepresented"');
  expect(html.match(/data-pair="unoriginal"/g)!.length).toBeGreaterThanOrEqual(10);
  expect(html).not.toContain('no image');
  expect(html).not.toMatch(/https?:\/\/|<script|<link|url\(/i);
});
