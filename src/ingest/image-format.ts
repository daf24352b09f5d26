// What both image decoders (node-decode.ts, browser-decode.ts) check before decoding: that the
// bytes are an image of a supported format, and, from the header alone, that its size is within
// the pixel limit (a 31 KB PNG can say 16000×16000: 1 GB once decoded). Pure: Node and browser.
import { readJpegHeader } from './jpeg-markers.ts';
import { badImageSize, EMPTY_FILE, notOfKind, tooLargeImage, truncatedImage } from './skip-reasons.ts';
import { SNIFF_BYTES, sniffKind } from './sniff.ts';
import { DecodeError } from './types.ts';

/** Images above this many pixels are refused before decoding (the CLI's --max-pixels raises it). */
export const DEFAULT_MAX_PIXELS = 40_000_000;

/** The largest image file worth reading for a pixel limit: every pixel stored uncompressed as RGBA
 *  (4 bytes), plus 16 MB of headers and metadata. A larger file is refused before it is read. */
export const maxImageFileBytes = (maxPixels = DEFAULT_MAX_PIXELS): number => 4 * maxPixels + 16 * 2 ** 20;

export interface ImageSize {
  width: number;
  height: number;
}

const u16le = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8);
const u24le = (b: Uint8Array, at: number): number => u16le(b, at) + b[at + 2] * 0x10000;
const u32le = (b: Uint8Array, at: number): number => u16le(b, at) + u16le(b, at + 2) * 0x10000;
const u32be = (b: Uint8Array, at: number): number => b[at] * 0x1000000 + ((b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]);
const i32le = (b: Uint8Array, at: number): number => u32le(b, at) | 0;
const tag = (b: Uint8Array, at: number): string => String.fromCharCode(...b.subarray(at, at + 4));

function pngSize(b: Uint8Array): ImageSize | null {
  if (b.length < 24 || tag(b, 12) !== 'IHDR') return null;
  return { width: u32be(b, 16), height: u32be(b, 20) };
}

/** The logical screen, grown to hold the first frame (a decoder allocates whichever is larger). */
function gifSize(b: Uint8Array): ImageSize | null {
  if (b.length < 10) return null;
  let width = u16le(b, 6);
  let height = u16le(b, 8);
  let p = 13 + (b[10] & 0x80 ? 3 << ((b[10] & 7) + 1) : 0);
  while (p < b.length) {
    if (b[p] === 0x2c) { // image descriptor
      if (p + 9 > b.length) break;
      width = Math.max(width, u16le(b, p + 1) + u16le(b, p + 5));
      height = Math.max(height, u16le(b, p + 3) + u16le(b, p + 7));
      break;
    }
    if (b[p] !== 0x21) break; // not an extension: nothing more to learn from the header
    p += 2;
    while (p < b.length && b[p] !== 0) p += b[p] + 1; // data sub-blocks
    p++;
  }
  return { width, height };
}

function webpSize(b: Uint8Array): ImageSize | null {
  if (b.length < 30) return null;
  const chunk = tag(b, 12);
  if (chunk === 'VP8 ') return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = u32le(b, 21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  return null;
}

function bmpSize(b: Uint8Array): ImageSize | null {
  if (b.length < 26) return null;
  if (u32le(b, 14) === 12) return { width: u16le(b, 18), height: u16le(b, 20) };
  return { width: i32le(b, 18), height: Math.abs(i32le(b, 22)) };
}

/** Where an uncompressed BMP's pixel rows end, from its header; null when compressed or unknown. */
function bmpDataEnd(b: Uint8Array, size: ImageSize): number | null {
  const core = u32le(b, 14) === 12;
  if (b.length < (core ? 26 : 34)) return null;
  const bitsPerPixel = u16le(b, core ? 24 : 28);
  const compression = core ? 0 : u32le(b, 30);
  if (compression !== 0 && compression !== 3 && compression !== 6) return null; // RLE, JPEG, PNG
  const stride = Math.floor((bitsPerPixel * size.width + 31) / 32) * 4;
  return u32le(b, 10) + stride * size.height;
}

/** The stored width and height an image's header gives, or null when it does not say. */
export function imageSizeOf(bytes: Uint8Array, format: string): ImageSize | null {
  switch (format) {
    case 'png': return pngSize(bytes);
    case 'gif': return gifSize(bytes);
    case 'webp': return webpSize(bytes);
    case 'bmp': return bmpSize(bytes);
    case 'jpeg': return readJpegHeader(bytes).size;
    default: return null;
  }
}

/** Pixels an image's header promises (what decoding it will hold), or null when unknown. Never throws. */
export function headerPixels(bytes: Uint8Array): number | null {
  const sniffed = sniffKind(bytes.subarray(0, SNIFF_BYTES), '');
  const size = sniffed.kind === 'image' ? imageSizeOf(bytes, sniffed.format) : null;
  return size && size.width > 0 && size.height > 0 ? size.width * size.height : null;
}

/** The image format of `bytes` ('jpeg', …) and its name in messages ('JPEG'); DecodeError when empty or not an image. */
export function imageFormatOf(bytes: Uint8Array, name: string): { format: string; formatName: string } {
  if (bytes.length === 0) throw new DecodeError(EMPTY_FILE);
  const sniffed = sniffKind(bytes.subarray(0, SNIFF_BYTES), name);
  if (sniffed.kind !== 'image') throw new DecodeError(notOfKind('image', sniffed.label));
  return { format: sniffed.format, formatName: sniffed.label.replace(/ image$/, '') };
}

export interface PixelLimit {
  maxPixels: number;
  /** How the user raises the limit, added to the reason: '--max-pixels raises it'. */
  raise?: string;
}

/**
 * An image's format and header size, checked before any decoding: DecodeError when the file is not
 * an image, its header gives an impossible size or one over `limit.maxPixels`, or (BMP) the file
 * ends before the pixel rows its header describes. `size` is null when the header does not say.
 */
export function checkImageHeader(bytes: Uint8Array, name: string, limit: PixelLimit): { format: string; formatName: string; size: ImageSize | null } {
  const { format, formatName } = imageFormatOf(bytes, name);
  const size = imageSizeOf(bytes, format);
  if (size) {
    const { width, height } = size;
    if (width <= 0 || height <= 0) throw new DecodeError(badImageSize(formatName, width, height));
    if (width * height > limit.maxPixels) throw new DecodeError(tooLargeImage(width, height, limit.maxPixels, limit.raise));
    const end = format === 'bmp' ? bmpDataEnd(bytes, size) : null;
    if (end !== null && bytes.length < end) throw new DecodeError(truncatedImage(formatName, width, height, bytes.length));
  }
  return { format, formatName, size };
}
