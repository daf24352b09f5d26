import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImageBytes, decodeImageFile, hashBytes, hashPixels } from '../../src/ingest/node-decode.ts';
import { jpegMayHaveExif } from '../../src/ingest/jpeg-markers.ts';
import { orientedSize, preprocessImage } from '../../src/models/preprocess.ts';
import { buildFixture, digit, greyToRgba, type Fixture } from './fixtures.ts';

let fx: Fixture;
beforeAll(async () => { fx = await buildFixture(); });
afterAll(async () => { await rm(fx.dir, { recursive: true, force: true }); });

const maxDiff = (a: Uint8Array, b: Uint8Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe('decodeImageFile', () => {
  it('decodes every format to the same RGBA pixels (lossless exact, JPEG close)', async () => {
    const want = greyToRgba(digit(3));
    for (const format of ['png', 'bmp', 'webp', 'gif'] as const) {
      const img = await decodeImageFile(fx.sameDigit[format]);
      expect([format, img.width, img.height, img.orientation]).toEqual([format, 28, 28, 1]);
      expect([format, maxDiff(img.data, want)]).toEqual([format, 0]);
    }
    const png = await decodeImageFile(fx.sameDigit.png);
    const bmp = await decodeImageFile(fx.sameDigit.bmp);
    expect(hashPixels(bmp.data, bmp.width, bmp.height)).toBe(hashPixels(png.data, png.width, png.height));
    expect(hashBytes(bmp.bytes)).not.toBe(hashBytes(png.bytes));

    const jpeg = await decodeImageFile(fx.sameDigit.jpeg);
    const meanAbs = jpeg.data.reduce((s, v, i) => s + Math.abs(v - want[i]), 0) / want.length;
    expect(meanAbs).toBeLessThan(3);
    expect(maxDiff(jpeg.data, want)).toBeLessThan(60);
  });

  it('rejects a truncated JPEG with DecodeError naming the problem', async () => {
    await expect(decodeImageFile(fx.truncatedJpeg)).rejects.toMatchObject({
      name: 'DecodeError', message: expect.stringMatching(/^truncated or corrupt JPEG: .*premature end/i),
    });
  });

  it('rejects corrupt PNG data, text and empty input with DecodeError', async () => {
    const png = await sharp(Buffer.from(digit(4)), { raw: { width: 28, height: 28, channels: 1 } }).png().toBuffer();
    const broken = Uint8Array.from(png);
    broken.fill(0x55, 60, broken.length - 20); // keep the header, trash the compressed data
    await expect(decodeImageBytes(broken)).rejects.toMatchObject({ name: 'DecodeError', message: expect.stringMatching(/^truncated or corrupt PNG: /) });
    await expect(decodeImageFile(fx.text)).rejects.toMatchObject({ name: 'DecodeError', message: 'not an image (looks like text)' });
    await expect(decodeImageBytes(new Uint8Array(0))).rejects.toMatchObject({ name: 'DecodeError', message: 'empty file (0 bytes)' });
  });

  it('decodes only the first frame of an animated GIF', async () => {
    const frames = Buffer.concat([digit(1), digit(2)]);
    const gif = await sharp(frames, { raw: { width: 28, height: 56, channels: 1, pageHeight: 28 } as never })
      .gif({ loop: 0 }).toBuffer();
    expect((await sharp(gif).metadata()).pages).toBe(2);
    const img = await decodeImageBytes(gif);
    expect([img.width, img.height]).toEqual([28, 28]);
    expect(maxDiff(img.data, greyToRgba(digit(1)))).toBeLessThanOrEqual(2);
  });

  it('keeps EXIF orientation 6 unapplied, and preprocessImage makes it upright', async () => {
    // Upright: a 40×20 (w×h) image, black on the left, white on the right. Stored for orientation 6,
    // the pixels are rotated 90° counter-clockwise: 20×40, black at the bottom.
    const upright = Buffer.alloc(40 * 20 * 3, 255);
    for (let y = 0; y < 20; y++) for (let x = 0; x < 20; x++) upright.fill(0, (y * 40 + x) * 3, (y * 40 + x) * 3 + 3);
    const stored = await sharp(upright, { raw: { width: 40, height: 20, channels: 3 } }).rotate(-90).raw().toBuffer();
    const jpeg = await sharp(stored, { raw: { width: 20, height: 40, channels: 3 } })
      .jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer();
    const file = path.join(fx.dir, 'oriented.jpg');
    await writeFile(file, jpeg);

    const img = await decodeImageFile(file);
    expect([img.width, img.height, img.orientation]).toEqual([20, 40, 6]);
    const size = orientedSize(img.width, img.height, img.orientation);
    expect(size).toEqual({ width: 40, height: 20 });
    const out = preprocessImage(img, size);
    const at = (x: number, y: number) => out[(y * 40 + x) * 3];
    expect(at(5, 10)).toBeLessThan(0.1);
    expect(at(34, 10)).toBeGreaterThan(0.9);

    // And it matches sharp's own auto-orientation.
    const ref = await sharp(jpeg).rotate().raw().toBuffer({ resolveWithObject: true });
    expect([ref.info.width, ref.info.height]).toEqual([40, 20]);
    let worst = 0;
    for (let i = 0; i < 40 * 20; i++) worst = Math.max(worst, Math.abs(out[i * 3] * 255 - ref.data[i * ref.info.channels]));
    expect(worst).toBeLessThan(1);
  });
});

describe('JPEG orientation without a second parse', () => {
  const pixels = Buffer.alloc(16 * 8 * 3, 90);
  const jpeg = (f: (s: Sharp) => Sharp) => f(sharp(pixels, { raw: { width: 16, height: 8, channels: 3 } })).jpeg().toBuffer();

  it('reads every EXIF orientation, and 1 for JPEGs with other header segments but no EXIF', async () => {
    for (let o = 1; o <= 8; o++) {
      const bytes = await jpeg((s) => s.withMetadata({ orientation: o }));
      expect(jpegMayHaveExif(bytes)).toBe(true);
      expect((await decodeImageBytes(bytes)).orientation).toBe(o);
    }
    const plain = await jpeg((s) => s);
    const withIcc = await jpeg((s) => s.withIccProfile('srgb'));
    const withXmp = await jpeg((s) => s.withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>'));
    for (const bytes of [plain, withIcc, withXmp]) {
      expect(jpegMayHaveExif(bytes)).toBe(false);
      expect((await decodeImageBytes(bytes)).orientation).toBe(1);
    }
    // A header it cannot walk is left to the real parser.
    expect(jpegMayHaveExif(Uint8Array.from([0xff, 0xd8, 0x00, 0x00, 0x00, 0x00]))).toBe(true);
  });
});

describe('hashes', () => {
  it('hashBytes is sha-256 hex; hashPixels depends on size as well as pixels', () => {
    expect(hashBytes(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const px = new Uint8Array(16).fill(7);
    expect(hashPixels(px, 2, 2)).not.toBe(hashPixels(px, 4, 1));
    expect(hashPixels(px, 2, 2)).toMatch(/^[0-9a-f]{64}$/);
  });
});
