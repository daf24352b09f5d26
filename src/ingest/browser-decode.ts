// Browser image decoding and content hashes (window or worker). Decoders return the stored pixels
// and the EXIF orientation and never rotate; the shared preprocessImage (src/models/preprocess.ts)
// applies the orientation, as in Node. Chromium (checked on 156) applies a JPEG's EXIF orientation
// even with createImageBitmap's imageOrientation 'none', so the orientation is read with exifr and
// the tag is set to 1 in a copy of the bytes before decoding (test/e2e/decode.test.ts checks this).
import exifr from 'exifr';
import type { DecodedImage } from '../contracts/embedders.ts';
import { checkImageHeader, DEFAULT_MAX_PIXELS } from './image-format.ts';
import { withoutJpegOrientation } from './jpeg-markers.ts';
import { corruptImage, tooLargeImage } from './skip-reasons.ts';
import { DecodeError } from './types.js';

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
 * Decode image bytes to RGBA in the stored orientation. Throws DecodeError with a short reason.
 * The size is checked from the header first: createImageBitmap would decode a bomb whole.
 */
export async function decodeImageBytes(bytes: Uint8Array, name = '', maxPixels = DEFAULT_MAX_PIXELS): Promise<DecodedImage> {
  const { format, formatName, size } = checkImageHeader(bytes, name, { maxPixels });
  // Every supported format states its size up front; a JPEG without a frame header cannot be decoded.
  if (!size) throw new DecodeError(corruptImage(formatName, 'the header does not give the image size'));
  const orientation = await orientationOf(bytes, format);
  const stored = format === 'jpeg' && orientation !== 1 ? withoutJpegOrientation(bytes) : bytes;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(asBlob(stored), {
      imageOrientation: 'none',
      premultiplyAlpha: 'none',
      colorSpaceConversion: 'default',
    });
  } catch {
    // Chromium says only "The source image could not be decoded."
    throw new DecodeError(corruptImage(formatName, `the browser could not decode this ${size.width}×${size.height} image`));
  }
  try {
    const { width, height } = bitmap;
    if (width * height > maxPixels) throw new DecodeError(tooLargeImage(width, height, maxPixels));
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
