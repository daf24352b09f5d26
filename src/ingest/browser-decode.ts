// Browser image decoding and content hashes (window or worker). Decoders return the stored pixels
// and the EXIF orientation and never rotate; the shared preprocessImage (src/models/preprocess.ts)
// applies the orientation, as in Node. Chromium (checked on 156) applies a JPEG's EXIF orientation
// even with createImageBitmap's imageOrientation 'none', so the orientation is read with exifr and
// the tag is set to 1 in a copy of the bytes before decoding (test/e2e/decode.test.ts checks this).
import exifr from 'exifr';
import type { DecodedImage } from '../pipeline/environment.ts';
import { sniffKind } from './sniff.js';
import { DecodeError } from './types.js';

const FORMAT_NAME: Record<string, string> = { jpeg: 'JPEG', png: 'PNG', gif: 'GIF', webp: 'WebP', bmp: 'BMP' };
/** Same limit as the Node decoder (sharp's default). */
export const MAX_PIXELS = 0x3fff * 0x3fff;

function asBlob(bytes: Uint8Array): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>]);
}

async function orientationOf(bytes: Uint8Array, format: string): Promise<number> {
  if (format !== 'jpeg' && format !== 'png' && format !== 'webp') return 1;
  try {
    const o = await exifr.orientation(bytes);
    return typeof o === 'number' && o >= 1 && o <= 8 ? o : 1;
  } catch {
    return 1;
  }
}

/**
 * A copy of JPEG bytes whose EXIF orientation tag (0x0112 in IFD0) says 1, or the bytes themselves
 * when there is no such tag. Walks the markers up to the start of scan; never throws.
 */
export function withoutJpegOrientation(bytes: Uint8Array): Uint8Array {
  const b = bytes;
  let p = 2;
  while (p + 4 <= b.length && b[p] === 0xff) {
    const marker = b[p + 1];
    if (marker === 0xda || marker === 0xd9) break; // start of scan / end of image
    if (marker === 0xff || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { p += marker === 0xff ? 1 : 2; continue; }
    const len = (b[p + 2] << 8) | b[p + 3];
    const seg = p + 4;
    if (marker === 0xe1 && len >= 16 && b[seg] === 0x45 && b[seg + 1] === 0x78 && b[seg + 2] === 0x69 && b[seg + 3] === 0x66) {
      const tiff = seg + 6;
      const le = b[tiff] === 0x49;
      const u16 = (o: number) => (le ? b[o] | (b[o + 1] << 8) : (b[o] << 8) | b[o + 1]);
      const u32 = (o: number) => (le ? u16(o) + u16(o + 2) * 0x10000 : u16(o) * 0x10000 + u16(o + 2));
      const ifd = tiff + u32(tiff + 4);
      const end = seg + len - 2;
      if (ifd + 2 > end) return bytes;
      const n = u16(ifd);
      for (let i = 0; i < n; i++) {
        const e = ifd + 2 + i * 12;
        if (e + 12 > end) break;
        if (u16(e) === 0x0112) {
          if (u16(e + 8) === 1) return bytes;
          const copy = bytes.slice();
          copy[e + 8] = le ? 1 : 0;
          copy[e + 9] = le ? 0 : 1;
          return copy;
        }
      }
      return bytes;
    }
    p = seg + len - 2;
  }
  return bytes;
}

/** Decode image bytes to RGBA in the stored orientation. Throws DecodeError with a short reason. */
export async function decodeImageBytes(bytes: Uint8Array, name = ''): Promise<DecodedImage> {
  if (bytes.length === 0) throw new DecodeError('empty file (0 bytes)');
  const sniffed = sniffKind(bytes.subarray(0, 512), name);
  if (sniffed.kind !== 'image') throw new DecodeError(`not an image (looks like ${sniffed.label})`);
  const fmt = FORMAT_NAME[sniffed.format] ?? sniffed.format;
  const orientation = await orientationOf(bytes, sniffed.format);
  const stored = sniffed.format === 'jpeg' && orientation !== 1 ? withoutJpegOrientation(bytes) : bytes;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(asBlob(stored), {
      imageOrientation: 'none',
      premultiplyAlpha: 'none',
      colorSpaceConversion: 'default',
    });
  } catch (err) {
    throw new DecodeError(`truncated or corrupt ${fmt}: ${(err as Error).message || 'could not be decoded'}`);
  }
  try {
    const { width, height } = bitmap;
    if (width * height > MAX_PIXELS) throw new DecodeError(`invalid or too large dimensions ${width}×${height}`);
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new DecodeError('no 2-D canvas available to read pixels');
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, width, height, { colorSpace: 'srgb' }).data;
    return { data, width, height, orientation };
  } finally {
    bitmap.close();
  }
}

function hex(buf: ArrayBuffer): string {
  const b = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < b.length; i++) s += b[i].toString(16).padStart(2, '0');
  return s;
}

/** SHA-256 of a file's bytes, hex (the same digest as the Node adapter). */
export async function hashBytes(bytes: Uint8Array): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

/** SHA-256 of decoded pixels, hex: width and height (uint32 LE) then the RGBA bytes (as in Node). */
export async function hashPixels(img: DecodedImage): Promise<string> {
  const n = img.width * img.height * 4;
  const buf = new Uint8Array(8 + n);
  const v = new DataView(buf.buffer);
  v.setUint32(0, img.width, true);
  v.setUint32(4, img.height, true);
  buf.set(img.data.subarray(0, n), 8);
  return hex(await crypto.subtle.digest('SHA-256', buf));
}
