// Slow tier: eight 16000×16000 PNGs among 25 MNIST digits cost the CLI 6.6 GB of peak memory and
// 31 s (each was decoded whole, up to 16 at once). They must be skipped from their headers, at
// the memory of a run without them; and with --max-pixels raised past them, decoded one at a time.
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOMB_REASON } from '../../scripts/hostile/bombs.ts';
import { digit, encode } from '../ingest/fixtures.ts';

const BIN = fileURLToPath(new URL('../../bin/synthscore.mjs', import.meta.url));
let dir: string;

/** The CLI under /usr/bin/time -v: its exit code, stderr and peak resident memory in bytes. */
function timedCli(args: string[]): { code: number | null; stderr: string; peakRss: number } {
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, BIN, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  if (!kb) throw new Error(`no memory figure from /usr/bin/time:\n${r.stderr}`);
  return { code: r.status, stderr: r.stderr, peakRss: Number(kb[1]) * 1024 };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'synthscore-bombs-'));
  for (const side of ['real', 'synth', 'plain']) await mkdir(join(dir, side));
  const bomb = join(dir, 'bomb.png');
  await writeFile(bomb, await sharp({ create: { width: 16000, height: 16000, channels: 3, background: '#fff' } }).png().toBuffer());
  for (let b = 0; b < 8; b++) await copyFile(bomb, join(dir, 'synth', `bomb-${b}.png`));
  for (let i = 0; i < 25; i++) {
    await writeFile(join(dir, 'real', `d-${i}.png`), await encode.png(digit(i % 10, i)));
    const synth = await encode.png(digit(i % 10, 100 + i));
    await writeFile(join(dir, 'synth', `d-${i}.png`), synth);
    await writeFile(join(dir, 'plain', `d-${i}.png`), synth);
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('decompression bombs in the CLI', () => {
  it('eight 256 Mpx PNGs are skipped as too large, at the memory of a run without them', () => {
    const common = ['score', '--real', join(dir, 'real'), '--no-cache', '--quiet'];
    const plain = timedCli([...common, '--synthetic', join(dir, 'plain')]);
    const bombs = timedCli([...common, '--synthetic', join(dir, 'synth')]);
    console.log(`peak RSS: without bombs ${(plain.peakRss / 1e6).toFixed(0)} MB, with 8 bombs ${(bombs.peakRss / 1e6).toFixed(0)} MB`);
    expect([plain.code, bombs.code]).toEqual([0, 0]);
    for (let b = 0; b < 8; b++) expect(bombs.stderr).toContain(`skipped synthetic bomb-${b}.png: ${BOMB_REASON}`);
    expect(bombs.peakRss).toBeLessThan(plain.peakRss + 150e6);
  });

  it('with --max-pixels raised past them, the bombs are decoded one at a time', () => {
    const r = timedCli(['score', '--real', join(dir, 'real'), '--synthetic', join(dir, 'synth'), '--no-cache', '--quiet', '--max-pixels', '300000000']);
    console.log(`peak RSS with the bombs decoded: ${(r.peakRss / 1e6).toFixed(0)} MB`);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('too large');
    // One 16000×16000 decode holds ~1 GB of RGBA (sharp's output) plus libvips' working copy; two at once would pass 4 GB.
    expect(r.peakRss).toBeLessThan(3.5e9);
  });
});
