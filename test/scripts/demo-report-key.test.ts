// The demo report's key: the same inputs give the same key (npm start does not rescore), and a
// change to the demo data changes it (the report is rebuilt rather than served stale).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INDEX, DEMO_REPORT, demoReportKey, ensureAppDemo, type DemoIndex } from '../../scripts/build-app-demo.ts';

let dir: string;
const index: DemoIndex = {
  perClass: 1,
  real: { name: 'real', pack: 'real.bin', files: [['0/r0.png', 0, 4]] },
  synthetic: [{ name: 'copies', pack: 'copies.bin', files: [['0/s0.png', 0, 4]], effect: 'near-copies' }],
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'synthscore-demo-key-'));
  await writeFile(join(dir, DEMO_INDEX), JSON.stringify(index));
  await writeFile(join(dir, 'real.bin'), Buffer.from([1, 2, 3, 4]));
  await writeFile(join(dir, 'copies.bin'), Buffer.from([5, 6, 7, 8]));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('demo report key', () => {
  it('names the model and is stable for the same inputs', async () => {
    const key = await demoReportKey(dir);
    expect(key).toMatch(/^mobilenet-v2-1\.4-nsfwjs@[^:]+:[0-9a-f]{32}$/);
    expect(await demoReportKey(dir)).toBe(key);
  });

  it('changes when a demo image changes', async () => {
    const before = await demoReportKey(dir);
    await writeFile(join(dir, 'copies.bin'), Buffer.from([5, 6, 7, 9]));
    expect(await demoReportKey(dir)).not.toBe(before);
  });

  it('leaves a report built for the current inputs alone', async () => {
    const stored = { key: await demoReportKey(dir), report: { marker: 'kept' } };
    await writeFile(join(dir, DEMO_REPORT), JSON.stringify(stored));
    expect(await ensureAppDemo(dir)).toBe('fresh');
  });
});
