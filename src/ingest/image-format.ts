// What both image decoders (node-decode.ts, browser-decode.ts) check before decoding: that the
// bytes are an image of a supported format, and the pixel limit. Pure: Node and browser.
import { EMPTY_FILE, notOfKind } from './skip-reasons.ts';
import { SNIFF_BYTES, sniffKind } from './sniff.ts';
import { DecodeError } from './types.ts';

/** Images above this many pixels are refused (sharp's default limit), in Node and the browser. */
export const MAX_PIXELS = 0x3fff * 0x3fff;

/** The image format of `bytes` ('jpeg', …) and its name in messages ('JPEG'); DecodeError when empty or not an image. */
export function imageFormatOf(bytes: Uint8Array, name: string): { format: string; formatName: string } {
  if (bytes.length === 0) throw new DecodeError(EMPTY_FILE);
  const sniffed = sniffKind(bytes.subarray(0, SNIFF_BYTES), name);
  if (sniffed.kind !== 'image') throw new DecodeError(notOfKind('image', sniffed.label));
  return { format: sniffed.format, formatName: sniffed.label.replace(/ image$/, '') };
}
