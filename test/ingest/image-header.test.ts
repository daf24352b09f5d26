// Images are refused from their header, before any decoding: a 31 KB PNG of 16000×16000 cost
// 1.2 GB and 11 s to decode, eight of them 8 GB. And a decoder's raw message never reaches users.
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { classifySet, type SetFile } from '../../src/ingest/classify-set.ts';
import { checkImageHeader, imageSizeOf } from '../../src/ingest/image-format.ts';
import { decodeImageBytes, decodeImageBytesFast } from '../../src/ingest/node-decode.ts';
import { SNIFF_BYTES } from '../../src/ingest/sniff.ts';
import { BOMB_REASON, pngBomb } from '../../scripts/hostile/bombs.ts';
import { digit, encode } from './fixtures.ts';

// The real sharp, counted: a refusal from the header must not reach it.
const sharpCalls = vi.hoisted(() => ({ n: 0 }));
vi.mock('sharp', async (importOriginal) => {
  const real = ((await importOriginal()) as { default: typeof sharp }).default;
  return { default: (...args: Parameters<typeof sharp>) => { sharpCalls.n++; return real(...args); } };
});

const bomb = pngBomb(16000, 16000);

describe('image header sizes', () => {
  it('reads the stored size of every supported format from its header', async () => {
    const img = () => sharp({ create: { width: 37, height: 23, channels: 3, background: '#808080' } });
    const files: Record<string, Buffer> = {
      png: await img().png().toBuffer(),
      jpeg: await img().jpeg().toBuffer(),
      gif: await img().gif().toBuffer(),
      webp: await img().webp().toBuffer(),
      'webp lossless': await img().webp({ lossless: true }).toBuffer(),
      'webp with alpha (VP8X)': await img().ensureAlpha(0.5).webp().toBuffer(),
    };
    for (const [name, bytes] of Object.entries(files)) {
      expect([name, imageSizeOf(bytes, name.split(' ')[0])]).toEqual([name, { width: 37, height: 23 }]);
    }
    expect(imageSizeOf(encode.bmp(digit(1)), 'bmp')).toEqual({ width: 28, height: 28 });
  });
});

describe('decompression bombs', () => {
  it('a 16000×16000 PNG of 31 KB is refused from its header, without calling the decoder', async () => {
    expect(bomb.length).toBeLessThan(64_000);
    sharpCalls.n = 0;
    const before = process.memoryUsage().rss;
    await expect(decodeImageBytes(bomb, 'bomb.png')).rejects.toMatchObject({ name: 'DecodeError', message: BOMB_REASON });
    await expect(decodeImageBytesFast(bomb, { width: 224, height: 224 }, 'bomb.png')).rejects.toMatchObject({ message: BOMB_REASON });
    expect(sharpCalls.n).toBe(0);
    expect(process.memoryUsage().rss - before).toBeLessThan(100e6);
  });

  it('the app names the same limit, without the CLI flag', () => {
    expect(() => checkImageHeader(bomb, 'bomb.png', { maxPixels: 40e6 })).toThrow(
      expect.objectContaining({ message: 'too large: 16000×16000 = 256 Mpx, over the 40 Mpx limit' }),
    );
  });

  it('--max-pixels moves the limit both ways', async () => {
    const png = await encode.png(digit(2)); // 28×28 = 784 pixels
    await expect(decodeImageBytes(png, '', 784)).resolves.toMatchObject({ width: 28, height: 28 });
    await expect(decodeImageBytes(png, '', 783)).rejects.toMatchObject({
      message: 'too large: 28×28 = 0.000784 Mpx, over the 0.000783 Mpx limit (--max-pixels raises it)',
    });
  });
});

describe('raw decoder messages', () => {
  it('a truncated BMP says where the file ends, not "The value of "offset" is out of range"', async () => {
    const truncated = encode.bmp(digit(5)).subarray(0, 90);
    await expect(decodeImageBytes(truncated)).rejects.toMatchObject({
      name: 'DecodeError', message: 'truncated BMP: the header says 28×28 but the file ends at byte 90',
    });
  });

  it('a BMP cut inside its palette is a sentence too', async () => {
    const bmp = await import('bmp-ts');
    const abgr = Buffer.alloc(28 * 28 * 4, 255);
    const paletted = bmp.encode({ data: abgr, width: 28, height: 28, bitPP: 8, palette: Array.from({ length: 256 }, (_, i) => ({ red: i, green: i, blue: i, quad: 0 })) }).data as Buffer;
    await expect(decodeImageBytes(paletted.subarray(0, 300))).rejects.toMatchObject({ name: 'DecodeError', message: expect.not.stringMatching(/offset|out of range/i) });
  });
});

describe('listing', () => {
  it('sniffs a 1.5 GB image from its first bytes only (it was read whole: 1.7 GB)', async () => {
    const asked: number[] = [];
    const huge: SetFile = { path: 'huge.png', size: 1.5e9, head: async (n) => { asked.push(n); return bomb.subarray(0, n); } };
    const listed = await classifySet('/set', [huge], 'real');
    expect(listed.items.map((i) => [i.path, i.format])).toEqual([['huge.png', 'png']]);
    expect(Math.max(...asked)).toBeLessThanOrEqual(SNIFF_BYTES);
  });
});
