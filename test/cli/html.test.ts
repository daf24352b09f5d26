// `synthscore score --html FILE`: one self-contained file with every experiment and thumbnails.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { buildDemoSets } from '../../scripts/demo-data/build-sets.ts';
import { escapeHtml } from '../../src/report/cells.ts';
import { runCli } from './run-cli.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'synthscore-html-'));
  await buildDemoSets(dir, { perClass: 4, sets: ['copies', 'drawn'] });
}, 300_000);

it('--html writes a file with every experiment, the four scores and embedded thumbnails only', async () => {
  const names = ['copies & <co>', 'drawn "digits"'];
  const out = join(dir, 'report.html');
  const r = await runCli(['score', '--real', join(dir, 'real'), '--synthetic', `${names[0]}=${join(dir, 'copies')}`,
    '--synthetic', `${names[1]}=${join(dir, 'drawn')}`, '--html', out, '--quiet', '--bootstrap', '50', '--cache-dir', join(dir, 'cache')]);
  expect(r.code, r.stderr).toBe(0);
  const html = await readFile(out, 'utf8');
  for (const n of names) expect(html).toContain(escapeHtml(n));
  for (const k of ['unrealistic', 'unrepresentative', 'unvaried', 'unoriginal']) expect(html).toContain(`data-score="${k}"`);
  expect(html).not.toMatch(/https?:\/\/|<script|<link|url\(/i);
  const images = html.match(/<img src="data:image\/jpeg;base64,/g)?.length ?? 0;
  expect(images).toBeGreaterThan(10);
  expect(html).not.toContain('shown without an image');
});
