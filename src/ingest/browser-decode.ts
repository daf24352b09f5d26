// Browser image decoding and content hashes (window or worker). Decoders return the stored pixels
// and the EXIF orientation and never rotate: createImageBitmap runs with imageOrientation 'none'
// and the shared preprocessImage (src/models/preprocess.ts) applies the orientation, as in Node.
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

/** Decode image bytes to RGBA in the stored orientation. Throws DecodeError with a short reason. */
export async function decodeImageBytes(bytes: Uint8Array, name = ''): Promise<DecodedImage> {
  if (bytes.length === 0) throw new DecodeError('empty file (0 bytes)');
  const sniffed = sniffKind(bytes.subarray(0, 512), name);
  if (sniffed.kind !== 'image') throw new DecodeError(`not an image (looks like ${sniffed.label})`);
  const fmt = FORMAT_NAME[sniffed.format] ?? sniffed.format;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(asBlob(bytes), {
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
    return { data, width, height, orientation: await orientationOf(bytes, sniffed.format) };
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
