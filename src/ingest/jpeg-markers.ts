// The one reader of a JPEG's header segments (from the start of image to the first scan), for
// every caller: the stored size ('fast' decoding in Node), whether an EXIF segment exists (Node
// skips sharp's second parse without one), and where the EXIF orientation sits (the browser sets
// it to 1 before decoding). Never throws: a header it cannot walk says so. Pure: Node and browser.

export interface JpegHeader {
  /** Stored width and height from the first frame header (SOFn), or null. */
  size: { width: number; height: number } | null;
  /** Byte range of the first APP1 "Exif" segment's payload, or null. */
  exif: { start: number; end: number } | null;
  /** True when the walk reached the first scan or the end of image: every header segment was read. */
  complete: boolean;
}

/** SOF0..SOF15 less DHT (c4), JPG (c8) and DAC (cc), which share the range. */
const isFrameHeader = (m: number): boolean => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

const isExif = (b: Uint8Array, at: number): boolean => b[at] === 0x45 && b[at + 1] === 0x78 && b[at + 2] === 0x69 && b[at + 3] === 0x66;

/** Walks the marker segments after SOI up to the first scan. */
export function readJpegHeader(b: Uint8Array): JpegHeader {
  const header: JpegHeader = { size: null, exif: null, complete: false };
  let p = 2;
  while (p + 4 <= b.length) {
    if (b[p] !== 0xff) { p++; continue; } // extraneous bytes before a marker: skipped, as libjpeg and browsers do
    const marker = b[p + 1];
    if (marker === 0xff) { p++; continue; } // fill byte
    if (marker === 0xda || marker === 0xd9) { header.complete = true; return header; } // start of scan, end of image
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { p += 2; continue; } // no length
    const len = (b[p + 2] << 8) | b[p + 3];
    if (len < 2) return header;
    const start = p + 4;
    const end = p + 2 + len;
    if (!header.size && isFrameHeader(marker) && start + 5 <= b.length) {
      const height = (b[start + 1] << 8) | b[start + 2];
      const width = (b[start + 3] << 8) | b[start + 4];
      if (width > 0 && height > 0) header.size = { width, height };
    }
    if (!header.exif && marker === 0xe1 && len >= 6 && isExif(b, start)) header.exif = { start, end: Math.min(end, b.length) };
    p = end;
  }
  return header;
}

/** False only when the header certainly holds no EXIF (so no orientation); unsure answers true. */
export function jpegMayHaveExif(b: Uint8Array): boolean {
  const h = readJpegHeader(b);
  return h.exif !== null || !h.complete;
}

/** Where IFD0's orientation tag (0x0112) keeps its value in an EXIF payload, or null. */
export function exifOrientationAt(b: Uint8Array, exif: { start: number; end: number }): { offset: number; littleEndian: boolean; value: number } | null {
  if (exif.end - exif.start < 14) return null; // "Exif\0\0" and a TIFF header
  const tiff = exif.start + 6;
  const le = b[tiff] === 0x49;
  const u16 = (o: number) => (le ? b[o] | (b[o + 1] << 8) : (b[o] << 8) | b[o + 1]);
  const u32 = (o: number) => (le ? u16(o) + u16(o + 2) * 0x10000 : u16(o) * 0x10000 + u16(o + 2));
  const ifd = tiff + u32(tiff + 4);
  if (ifd + 2 > exif.end) return null;
  const n = u16(ifd);
  for (let i = 0; i < n; i++) {
    const e = ifd + 2 + i * 12;
    if (e + 12 > exif.end) return null;
    if (u16(e) === 0x0112) return { offset: e + 8, littleEndian: le, value: u16(e + 8) };
  }
  return null;
}

/** A copy of JPEG bytes whose EXIF orientation says 1, or the bytes themselves when it already does or is absent. */
export function withoutJpegOrientation(bytes: Uint8Array): Uint8Array {
  const { exif } = readJpegHeader(bytes);
  const at = exif && exifOrientationAt(bytes, exif);
  if (!at || at.value === 1) return bytes;
  const copy = bytes.slice();
  copy[at.offset] = at.littleEndian ? 1 : 0;
  copy[at.offset + 1] = at.littleEndian ? 0 : 1;
  return copy;
}
