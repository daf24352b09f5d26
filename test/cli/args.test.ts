// --synthetic [NAME=]PATH: a path may itself hold '=' (data/year=2024, partitioned datasets).
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { parseCli, type CliOptions } from '../../src/cli/args.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'synthscore-args-'));
  await mkdir(join(dir, 'data', 'year=2024'), { recursive: true });
  await mkdir(join(dir, 'gen'));
});

const synthetic = (arg: string) => (parseCli(['score', '--real', 'r', '--synthetic', arg]) as CliOptions).synthetic[0];

it('a path with "=" that exists is a path, named after its folder', () => {
  expect(synthetic(join(dir, 'data', 'year=2024'))).toEqual({ name: 'year=2024', path: join(dir, 'data', 'year=2024') });
});

it('a missing path with "=" after a slash stays a path (the run then says it does not exist)', () => {
  expect(synthetic('data/year=2025')).toEqual({ name: 'year=2025', path: 'data/year=2025' });
});

it('NAME=PATH names the set when NAME has no slash or PATH exists', () => {
  expect(synthetic('fresh=elsewhere')).toEqual({ name: 'fresh', path: 'elsewhere' });
  expect(synthetic(`runs/v2=${join(dir, 'gen')}`)).toEqual({ name: 'runs/v2', path: join(dir, 'gen') });
});

it('--holdout PATH goes into image, text and table requests, and the usage text names it', async () => {
  const { cliRequest } = await import('../../src/cli/run-score.ts');
  const { USAGE } = await import('../../src/cli/args.ts');
  const opts = parseCli(['score', '--real', 'r', '--synthetic', 's', '--holdout', 'held']) as CliOptions;
  expect(opts.holdout).toBe('held');
  expect(cliRequest('image', opts)).toMatchObject({ modality: 'image', holdout: 'held' });
  expect(cliRequest('text', opts)).toMatchObject({ modality: 'text', holdout: 'held' });
  expect(cliRequest('table', opts)).toMatchObject({ modality: 'table', holdout: 'held' });
  // Without the flag, a request carries no holdout field at all.
  expect(cliRequest('image', parseCli(['score', '--real', 'r', '--synthetic', 's']) as CliOptions)).not.toHaveProperty('holdout');
  expect(USAGE).toMatch(/--holdout PATH\s+real data the generator never saw/);
});
