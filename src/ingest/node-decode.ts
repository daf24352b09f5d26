// Node image decoding (sharp for JPEG/PNG/WebP/GIF, bmp-ts for BMP) and content hashes.
// Decoders return the stored pixels and the EXIF orientation; they never rotate. The shared
// preprocessImage (src/models/preprocess.ts) applies the orientation, in Node and the browser alike.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as bmp from 'bmp-ts';
import sharp from 'sharp';
import { checkImageHeader, DEFAULT_MAX_PIXELS, type PixelLimit } from './image-format.ts';
import { jpegMayHaveExif } from './jpeg-markers.ts';
import { corruptImage, tooLargeImage } from './skip-reasons.ts';
import { DecodeError } from './types.js';

export interface DecodedImage {
  /** RGBA, row-major, stored orientation. */
  data: Uint8Array;
  width: number;
  height: number;
  /** EXIF orientation 1..8 (1 when absent). */
  orientation: number;
  /** The file's bytes, for hashBytes. */
  bytes: Uint8Array;
}

/** The CLI's pixel limit: `maxPixels` from --max-pixels, which the refusal names. */
const limitOf = (maxPixels = DEFAULT_MAX_PIXELS): PixelLimit => ({ maxPixels, raise: '--max-pixels raises it' });

/** A failed decode as a sentence: sharp's own pixel limit (a backstop to the header check) in the same words. */
function decodeFailure(err: unknown, formatName: string, limit: PixelLimit, size: { width: number; height: number } | null): Error {
  if (err instanceof DecodeError) return err;
  if (size && /exceeds pixel limit/i.test(String((err as Error)?.message))) {
    return new DecodeError(tooLargeImage(size.width, size.height, limit.maxPixels, limit.raise));
  }
  return new DecodeError(corruptImage(formatName, shortReason(err)));
}

function shortReason(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const line = msg.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 2).join('; ');
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

/** Decode one image file to RGBA. Throws DecodeError with a short human reason. */
export async function decodeImageFile(absPath: string): Promise<DecodedImage> {
  const buf = await readFile(absPath);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  return decodeImageBytes(bytes, absPath);
}

/**
 * Decode image bytes (name is used only for the text/extension heuristics of the sniffer). An
 * image whose header says it has more than `maxPixels` pixels is refused before decoding.
 */
export async function decodeImageBytes(bytes: Uint8Array, name = '', maxPixels?: number): Promise<DecodedImage> {
  const limit = limitOf(maxPixels);
  const { format, formatName, size } = checkImageHeader(bytes, name, limit);
  try {
    if (format === 'bmp') return { ...decodeBmp(bytes), orientation: 1, bytes };
    // failOn 'error': a truncated or corrupt stream is an error (sharp's 'warning' default also
    // rejects files that browsers display fine, e.g. JPEGs with extraneous bytes before a marker).
    const options = { failOn: 'error', autoOrient: false, pages: 1, page: 0, limitInputPixels: limit.maxPixels } as const;
    const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // The orientation needs a second parse of the file (metadata); a JPEG without an EXIF segment
    // has none, so most photos skip it.
    const readsOrientation = format !== 'jpeg' || jpegMayHaveExif(bytes);
    const [meta, out] = await Promise.all([
      readsOrientation ? sharp(input, options).metadata() : null,
      sharp(input, options).toColourspace('srgb').ensureAlpha().raw({ depth: 'uchar' })
        .toBuffer({ resolveWithObject: true }),
    ]);
    const { width, height, channels } = out.info;
    if (channels !== 4) throw new Error(`unexpected channel count ${channels}`);
    const o = meta?.orientation;
    const orientation = typeof o === 'number' && o >= 1 && o <= 8 ? o : 1;
    const data = new Uint8Array(out.data.buffer, out.data.byteOffset, out.data.byteLength);
    return { data, width, height, orientation, bytes };
  } catch (err) {
    throw decodeFailure(err, formatName, limit, size);
  }
}

/**
 * How image files are decoded before the model. 'exact' (the default, and the only mode of the
 * app): full-size pixels, then the shared TypeScript preprocessImage, the same numbers as the
 * browser. 'fast' (CLI opt-in): a JPEG at least twice the model's input on its short side is
 * decoded by sharp at reduced scale (DCT shrink-on-load), oriented, flattened on white and resized
 * to the model's input; vectors then differ slightly from exact ones, so the two are never mixed
 * (separate caches). Every other file is decoded exactly, as shrinking on load would not apply.
 */
export type DecodeMode = 'exact' | 'fast';

/**
 * 'fast' decoding (see DecodeMode). A large JPEG comes back upright, on white and at the model's
 * input size, as opaque RGBA with orientation 1, so preprocessImage only scales it to [0, 1], and
 * hashPixels compares these small pixels (identical files still match). Anything else: exact.
 */
export async function decodeImageBytesFast(bytes: Uint8Array, target: { width: number; height: number }, name = '', maxPixels?: number): Promise<DecodedImage> {
  const limit = limitOf(maxPixels);
  const { format, size } = checkImageHeader(bytes, name, limit);
  const stored = format === 'jpeg' ? size : null;
  if (!stored || Math.min(stored.width, stored.height) < 2 * Math.max(target.width, target.height)) {
    return decodeImageBytes(bytes, name, maxPixels);
  }
  try {
    const out = await sharp(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { failOn: 'error', autoOrient: true, limitInputPixels: limit.maxPixels })
      .flatten({ background: '#ffffff' })
      .resize(target.width, target.height, { fit: 'fill', kernel: 'linear' })
      .toColourspace('srgb').raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    const { width, height, channels } = out.info;
    if (channels !== 3 || width !== target.width || height !== target.height) {
      throw new Error(`unexpected output ${width}×${height}×${channels}`);
    }
    const n = width * height;
    const data = new Uint8Array(n * 4);
    for (let i = 0, p = 0, q = 0; i < n; i++, p += 3, q += 4) {
      data[q] = out.data[p];
      data[q + 1] = out.data[p + 1];
      data[q + 2] = out.data[p + 2];
      data[q + 3] = 255;
    }
    return { data, width, height, orientation: 1, bytes };
  } catch (err) {
    throw decodeFailure(err, 'JPEG', limit, stored);
  }
}

/** A BMP whose size checkImageHeader has accepted. */
function decodeBmp(bytes: Uint8Array): { data: Uint8Array; width: number; height: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // toRGBA: false (ABGR) on purpose: bmp-ts 1.0.9's 1-bit path writes alpha at a wrong offset in
  // RGBA mode, which corrupts pixels; in ABGR mode that stray write lands on the pixel's own alpha.
  let d: ReturnType<typeof bmp.decode>;
  try {
    d = bmp.decode(buf, { toRGBA: false });
  } catch (err) {
    // bmp-ts reads past the end of a short palette or compressed stream: "offset is out of range".
    if (err instanceof RangeError) throw new DecodeError(corruptImage('BMP', 'the file ends before the data its header describes'));
    throw err;
  }
  const { width, height } = d;
  const src = d.data;
  const n = width * height;
  if (src.length < n * 4) throw new Error('pixel data shorter than the header says');
  const data = new Uint8Array(n * 4);
  // bmp-ts reads alpha for 16/32-bit files (255 when the file has no alpha mask) and writes 0 for
  // palette and 24-bit ones. Use it for 16/32-bit only, and (as browsers do) only if some pixel
  // has non-zero alpha: many 32-bit writers leave the alpha byte at 0.
  let anyAlpha = false;
  if (d.bitPP >= 16) for (let i = 0; i < n && !anyAlpha; i++) anyAlpha = src[i * 4] !== 0;
  for (let i = 0, p = 0; i < n; i++, p += 4) {
    data[p] = src[p + 3];
    data[p + 1] = src[p + 2];
    data[p + 2] = src[p + 1];
    data[p + 3] = anyAlpha ? src[p] : 255;
  }
  return { data, width, height };
}

/** SHA-256 of a file's bytes, hex. Node only. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** SHA-256 of decoded pixels, hex: width and height (uint32 LE) then the RGBA bytes. */
export function hashPixels(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): string {
  const head = new Uint8Array(8);
  const v = new DataView(head.buffer);
  v.setUint32(0, width, true);
  v.setUint32(4, height, true);
  return createHash('sha256').update(head).update(rgba.subarray(0, width * height * 4)).digest('hex');
}
