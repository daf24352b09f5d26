// The CLI's opt-in `--decode fast`: sharp decodes a large JPEG at reduced scale, orients,
// composites on white and resizes to the model's input. Its numbers differ slightly from the exact decode, so it must
// stay close to it, and its vectors must never share a cache with exact ones.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parseCli, UsageError } from '../../src/cli/args.ts';
import { createNodeEnv } from '../../src/cli/node-env.ts';
import { decodeImageBytes, decodeImageBytesFast, hashPixels } from '../../src/ingest/node-decode.ts';
import { readJpegHeader } from '../../src/ingest/jpeg-markers.ts';
import { buildFixture } from './fixtures.ts';
import { orientedSize, preprocessImage } from '../../src/models/preprocess.ts';

const T = { width: 224, height: 224 };

/** A smooth 1200×800 photo-like RGB image: gradients and a dark disc on the left. */
const W = 1200, H = 800;
function scene(): Buffer {
  const w = W, h = H, px = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const inDisc = (x - 300) ** 2 + (y - 400) ** 2 < 180 ** 2;
    px.set(inDisc ? [30, 40, 60] : [(x * 255) / w, (y * 255) / h, 180], (y * w + x) * 3);
  }
  return px;
}

describe('decodeImageBytesFast', () => {
  it('gives model-sized, upright pixels close to the exact decode + preprocess', async () => {
    // Stored rotated for EXIF orientation 6: both paths must show the disc on the left, upright.
    const stored = await sharp(scene(), { raw: { width: W, height: H, channels: 3 } }).rotate(-90).raw().toBuffer();
    const jpeg = await sharp(stored, { raw: { width: H, height: W, channels: 3 } }).jpeg({ quality: 92 }).withMetadata({ orientation: 6 }).toBuffer();
    expect(readJpegHeader(jpeg).size).toEqual({ width: H, height: W });

    const small = await decodeImageBytesFast(jpeg, T);
    expect([small.width, small.height, small.orientation]).toEqual([224, 224, 1]);
    const fast = preprocessImage(small, T);
    const full = await decodeImageBytes(jpeg);
    expect(orientedSize(full.width, full.height, full.orientation)).toEqual({ width: W, height: H });
    const exact = preprocessImage(full, T);
    let sum = 0;
    for (let i = 0; i < exact.length; i++) sum += Math.abs(fast[i] - exact[i]);
    expect(sum / exact.length).toBeLessThan(0.01); // under 3 grey levels on average
    // The disc (dark) is on the left in both.
    const at = (a: Float32Array, x: number, y: number) => a[(y * 224 + x) * 3 + 2];
    expect(at(fast, 56, 112)).toBeLessThan(0.3);
    expect(at(fast, 200, 112)).toBeGreaterThan(0.6);
  });

  it('decodes exactly what shrinking on load cannot help: small JPEGs, PNG, BMP', async () => {
    const fx = await buildFixture();
    try {
      const small = await sharp(scene(), { raw: { width: W, height: H, channels: 3 } }).resize(400, 300).jpeg().toBuffer();
      for (const bytes of [small, await readFile(fx.sameDigit.png), await readFile(fx.sameDigit.bmp)]) {
        const fast = await decodeImageBytesFast(bytes, T), exact = await decodeImageBytes(bytes);
        expect([fast.width, fast.height]).toEqual([exact.width, exact.height]);
        expect(hashPixels(fast.data, fast.width, fast.height)).toBe(hashPixels(exact.data, exact.width, exact.height));
      }
    } finally {
      await rm(fx.dir, { recursive: true, force: true });
    }
  });

  it('names the problem in a corrupt file', async () => {
    const jpeg = await sharp(scene(), { raw: { width: W, height: H, channels: 3 } }).jpeg().toBuffer();
    await expect(decodeImageBytesFast(jpeg.subarray(0, 2000), T)).rejects.toMatchObject({
      name: 'DecodeError', message: expect.stringMatching(/^truncated or corrupt JPEG: /),
    });
  });
});

describe('--decode', () => {
  const base = ['score', '--real', 'r', '--synthetic', 's'];
  it('defaults to exact, takes fast, refuses anything else', () => {
    expect((parseCli(base) as { decode: string }).decode).toBe('exact');
    expect((parseCli([...base, '--decode', 'fast']) as { decode: string }).decode).toBe('fast');
    expect(() => parseCli([...base, '--decode', 'quick'])).toThrow(UsageError);
    expect(() => parseCli([...base, '--decode', 'quick'])).toThrow('--decode must be one of exact, fast, got "quick".');
  });

  it('keeps fast and exact vectors in separate cache files', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'decode-cache-'));
    try {
      for (const decode of ['exact', 'fast'] as const) await (await createNodeEnv({ cacheDir: dir, decode })).close();
      const files = (await readdir(dir)).sort();
      expect(files).toHaveLength(2);
      expect(files.filter((f) => f.includes('fast-decode'))).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
