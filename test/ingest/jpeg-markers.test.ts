import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { jpegMayHaveExif, readJpegHeader, withoutJpegOrientation } from '../../src/ingest/jpeg-markers.ts';

const jpeg = (width: number, height: number, orientation?: number) => {
  const img = sharp(Buffer.alloc(width * height * 3, 120), { raw: { width, height, channels: 3 } });
  return (orientation ? img.withMetadata({ orientation }) : img).jpeg().toBuffer().then((b) => new Uint8Array(b));
};

/** SOI, an APP1 with a big-endian ("MM") EXIF whose IFD0 holds only orientation 6, then SOS. */
const BIG_ENDIAN = Uint8Array.from([
  0xff, 0xd8,
  0xff, 0xe1, 0x00, 0x22, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00,
  0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08,
  0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  0xff, 0xda,
]);

describe('readJpegHeader', () => {
  it('reads the stored size and where EXIF sits, and says when the header could not be walked', async () => {
    const plain = readJpegHeader(await jpeg(30, 20));
    expect(plain).toMatchObject({ size: { width: 30, height: 20 }, exif: null, complete: true });
    expect(readJpegHeader(await jpeg(30, 20, 6)).exif).not.toBeNull();
    const cut = readJpegHeader(Uint8Array.from([0xff, 0xd8, 0x00, 0x00, 0x00, 0x00]));
    expect(cut).toEqual({ size: null, exif: null, complete: false });
    expect(jpegMayHaveExif(Uint8Array.from([0xff, 0xd8, 0x00, 0x00, 0x00, 0x00]))).toBe(true);
  });
});

describe('withoutJpegOrientation', () => {
  it('sets every EXIF orientation to 1 in a copy, and leaves files already upright untouched', async () => {
    for (let o = 2; o <= 8; o++) {
      const bytes = await jpeg(16, 8, o);
      const upright = withoutJpegOrientation(bytes);
      expect((await sharp(upright).metadata()).orientation).toBe(1);
      expect((await sharp(bytes).metadata()).orientation).toBe(o);
    }
    for (const bytes of [await jpeg(16, 8, 1), await jpeg(16, 8)]) expect(withoutJpegOrientation(bytes)).toBe(bytes);
  });

  it('writes 1 in the byte order of the EXIF block (big-endian too)', () => {
    const out = withoutJpegOrientation(BIG_ENDIAN);
    expect([...out.subarray(30, 32)]).toEqual([0x00, 0x01]);
    expect([...BIG_ENDIAN.subarray(30, 32)]).toEqual([0x00, 0x06]);
  });
});

describe('readJpegHeader and extraneous bytes', () => {
  it('finds the size past stray bytes between segments, which decoders skip (else the browser refuses a JPEG it can show)', async () => {
    const bytes = await jpeg(30, 20);
    const padded = Uint8Array.from([...bytes.subarray(0, 2), 0x00, 0x00, 0x00, ...bytes.subarray(2)]);
    expect(readJpegHeader(padded)).toMatchObject({ size: { width: 30, height: 20 }, complete: true });
  });
});
