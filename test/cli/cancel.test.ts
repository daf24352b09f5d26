// Ctrl-C mid-run: exit 130 with a clear line, and every batch embedded before it stays cached.
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.ts';
import { buildDemoSets } from '../../scripts/demo-data/build-sets.ts';
import { runCli } from './run-cli.ts';

const BIN = fileURLToPath(new URL('../../bin/synthscore.mjs', import.meta.url));

it('a cancelled run keeps what it embedded, and the next run starts from there', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'synthscore-cancel-'));
  await buildDemoSets(dir, { perClass: 30, sets: ['fresh'] });
  const args = ['score', '--real', join(dir, 'real'), '--synthetic', join(dir, 'fresh'), '--cache-dir', join(dir, 'cache')];

  const child = spawn(process.execPath, [BIN, ...args]);
  let stderr = '';
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  // Interrupt once some items have been embedded (progress lines say "embed real: N/300").
  await new Promise<void>((resolve) =>
    child.stderr.on('data', (d) => {
      stderr += d;
      const done = [...stderr.matchAll(/embed real: (\d+)\/300/g)].map((m) => Number(m[1]));
      if (done.some((n) => n >= 32) && !child.killed) {
        child.kill('SIGINT');
        resolve();
      }
    }),
  );
  expect(await closed).toBe(130);
  expect(stderr).toMatch(/cancelled|aborted/);

  const again = await runCli([...args, '--json', '-', '--quiet']);
  expect(again.code, again.stderr).toBe(0);
  const report: Report = JSON.parse(again.stdout);
  expect(report.embedding.fromCache).toBeGreaterThanOrEqual(32);
  expect(report.embedding.embedded + report.embedding.fromCache).toBe(600);
}, 300_000);
