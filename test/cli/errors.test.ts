// Usage errors exit 1, input problems exit 2, each with a message that names the problem.
import { mkdtemp, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDemoSets } from '../../scripts/demo-data/build-sets.ts';
import { runCli } from './run-cli.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'synthscore-err-'));
  await buildDemoSets(join(dir, 'small'), { perClass: 1, sets: ['fresh'] }); // 10 per side
  await mkdir(join(dir, 'empty'));
}, 120_000);

describe('CLI errors', () => {
  it('exits 1 with usage on a missing --real', async () => {
    const r = await runCli(['score', '--synthetic', 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--real PATH is required');
    expect(r.stderr).toContain('Usage:');
  });

  it('exits 1 on an unknown option', async () => {
    const r = await runCli(['score', '--real', 'a', '--synthetic', 'b', '--bogus']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bogus/);
  });

  it('exits 2 naming a path that does not exist', async () => {
    const r = await runCli(['score', '--real', join(dir, 'nope'), '--synthetic', join(dir, 'empty'), '--no-cache']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(dir, 'nope'));
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 2 on an empty side', async () => {
    const r = await runCli(['score', '--real', join(dir, 'small', 'real'), '--synthetic', join(dir, 'empty'), '--no-cache']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no usable files/);
  });

  it('exits 2 when a side has fewer than 20 usable items', async () => {
    const r = await runCli(['score', '--real', join(dir, 'small', 'real'), '--synthetic', join(dir, 'small', 'fresh'), '--no-cache']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/only 10 usable files; at least 20/);
  });
});
