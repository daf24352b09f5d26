// Regression: the CLI's text vector cache never hit (every text was stored under one all-zero
// key), so a second run of the same texts embedded them all again.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.ts';
import { runCli } from './run-cli.ts';

it('a second CLI run of the same texts embeds nothing and gives the same scores', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'synthscore-text-cache-'));
  const jokes: { body: string }[] = JSON.parse(await readFile('node_modules/one-liner-joke/jokes.json', 'utf8'));
  const jsonl = (texts: string[]) => texts.map((text) => JSON.stringify({ text })).join('\n') + '\n';
  await writeFile(join(dir, 'real.jsonl'), jsonl(jokes.slice(0, 30).map((j) => j.body)));
  await writeFile(join(dir, 'gen.jsonl'), jsonl(jokes.slice(30, 60).map((j) => j.body)));
  const args = ['score', '--real', join(dir, 'real.jsonl'), '--synthetic', `gen=${join(dir, 'gen.jsonl')}`, '--json', '-', '--quiet', '--cache-dir', join(dir, 'cache')];

  const first = await runCli(args);
  expect(first.code, first.stderr).toBe(0);
  const a: Report = JSON.parse(first.stdout);
  expect(a.embedding).toEqual({ embedded: 60, fromCache: 0 });

  const second = await runCli(args);
  expect(second.code, second.stderr).toBe(0);
  const b: Report = JSON.parse(second.stdout);
  expect(b.embedding).toEqual({ embedded: 0, fromCache: 60 });
  expect(b.experiments[0].scores).toEqual(a.experiments[0].scores);
}, 180_000);
