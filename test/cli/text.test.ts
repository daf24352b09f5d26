// The CLI on text: a JSONL file of records with a "text" field is recognised as text, and a
// stylistic tic in the synthetic set makes it unrealistic.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.ts';
import { runCli } from './run-cli.ts';

it('scores JSONL text: fresh jokes near the baseline, jokes with a tic unrealistic', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'synthscore-text-cli-'));
  const jokes: { body: string }[] = JSON.parse(await readFile('node_modules/one-liner-joke/jokes.json', 'utf8'));
  const jsonl = (texts: string[]) => texts.map((text) => JSON.stringify({ text })).join('\n') + '\n';
  const body = jokes.map((j) => j.body);
  await writeFile(join(dir, 'real.jsonl'), jsonl(body.slice(0, 200)));
  await writeFile(join(dir, 'fresh.jsonl'), jsonl(body.slice(200, 400)));
  await writeFile(join(dir, 'tic.jsonl'), jsonl(body.slice(200, 400).map((t) => `${t} !!`)));

  const r = await runCli(['score', '--real', join(dir, 'real.jsonl'), '--synthetic', `fresh=${join(dir, 'fresh.jsonl')}`, '--synthetic', `tic=${join(dir, 'tic.jsonl')}`, '--json', '-', '--quiet', '--no-cache']);
  expect(r.code, r.stderr).toBe(0);
  const report: Report = JSON.parse(r.stdout);
  expect(report.modality).toBe('text');
  const [fresh, tic] = report.experiments;
  expect(fresh.scores.unrealistic.value).toBeLessThan(0.56);
  expect(tic.scores.unrealistic.value).toBeGreaterThan(0.85);
  expect(tic.rows.find((row) => row.side === 'synthetic')!.path).toMatch(/tic\.jsonl#L\d+/);
}, 180_000);

// Regression: with 60 + 60 texts the detector used 128 PCA components over ~100 training rows,
// picked the heaviest λ and gave p = 0.5 to every row, tic or not.
it('detects a stylistic tic with only 60 + 60 texts', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'synthscore-text-small-'));
  const jokes: { body: string }[] = JSON.parse(await readFile('node_modules/one-liner-joke/jokes.json', 'utf8'));
  const jsonl = (texts: string[]) => texts.map((text) => JSON.stringify({ text })).join('\n') + '\n';
  const body = jokes.map((j) => j.body);
  await writeFile(join(dir, 'real.jsonl'), jsonl(body.slice(0, 60)));
  await writeFile(join(dir, 'fresh.jsonl'), jsonl(body.slice(60, 120)));
  await writeFile(join(dir, 'tic.jsonl'), jsonl(body.slice(60, 120).map((t) => `${t} !!`)));
  const r = await runCli(['score', '--real', join(dir, 'real.jsonl'), '--synthetic', `fresh=${join(dir, 'fresh.jsonl')}`, '--synthetic', `tic=${join(dir, 'tic.jsonl')}`, '--json', '-', '--quiet', '--no-cache']);
  expect(r.code, r.stderr).toBe(0);
  const [fresh, tic] = (JSON.parse(r.stdout) as Report).experiments;
  expect(tic.auc.value).toBeGreaterThan(0.7);
  expect(tic.scores.unrealistic.value).toBeGreaterThan(fresh.scores.unrealistic.value + 0.08);
  expect(fresh.scores.unrealistic.value).toBeLessThan(0.56);
}, 180_000);
