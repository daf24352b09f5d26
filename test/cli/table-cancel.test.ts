// Ctrl-C on a table run: the run happens in a worker thread, so the CLI stops at once (exit 130,
// a "Cancelled" line) even while the tree detector is inside a long fold; on the main thread it
// would have waited for the fold to end (tens of seconds at this size on a busy machine).
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { correlatedCsv } from '../fixtures/correlated-csv.ts';

const BIN = fileURLToPath(new URL('../../bin/synthscore.mjs', import.meta.url));
let dir = '';


afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

it('Ctrl-C during the detector of a table run exits 130 within seconds, with a message', async () => {
  dir = await mkdtemp(join(tmpdir(), 'synthscore-table-cancel-'));
  await writeFile(join(dir, 'real.csv'), correlatedCsv(20_000, 1, false));
  await writeFile(join(dir, 'broken.csv'), correlatedCsv(20_000, 2, true));
  const child = spawn(process.execPath, [BIN, 'score', '--real', join(dir, 'real.csv'), '--synthetic', join(dir, 'broken.csv'), '--json', join(dir, 'r.json')]);
  let stderr = '', stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  // Interrupt once the detector has started its first fold.
  await new Promise<void>((resolve) => child.stderr.on('data', (d) => {
    stderr += d;
    if (/detector…/.test(stderr) && !child.killed) resolve();
  }));
  await new Promise((r) => setTimeout(r, 500));
  const t0 = performance.now();
  child.kill('SIGINT');
  const code = await closed;
  const seconds = (performance.now() - t0) / 1000;
  console.info(`table run stopped ${seconds.toFixed(2)} s after SIGINT`);
  expect(code, stderr).toBe(130);
  expect(stderr).toMatch(/synthscore: Cancelled/);
  expect(stderr).not.toMatch(/detector: 5\/5/); // it really stopped mid-run
  expect(stdout).toBe('');
  expect(seconds).toBeLessThan(3);
}, 180_000);
