// Fake digits drawn from stroke templates: plausible shapes, but not handwriting, so a
// real-vs-synthetic classifier should spot them (the "unrealistic" case).
import sharp from 'sharp';
import { SIDE } from './mnist-images.ts';

// Polyline strokes on a 0..10 grid, one entry per digit.
const STROKES: string[][] = [
  ['3,1 7,1 8,5 7,9 3,9 2,5 3,1'],
  ['4,2 5,1 5,9'],
  ['2,3 4,1 7,2 7,4 2,9 8,9'],
  ['2,1 8,1 5,4 8,6 7,9 2,9'],
  ['6,9 6,1 2,6 8,6'],
  ['8,1 3,1 2,5 6,4 8,6 7,9 2,9'],
  ['7,1 3,4 2,8 5,9 8,7 6,5 2,6'],
  ['2,1 8,1 4,9'],
  ['5,5 3,3 5,1 7,3 5,5 2,7 5,9 8,7 5,5'],
  ['8,4 5,6 2,4 5,1 8,3 7,9'],
];

/** A drawn digit as PNG, with seeded jitter in position, scale and stroke width. */
export function drawnDigit(digit: number, rand: () => number): Promise<Buffer> {
  const s = 2 + rand() * 0.4;
  const dx = 2 + rand() * 3;
  const dy = 2 + rand() * 3;
  const width = 1.6 + rand() * 1.4;
  const lines = STROKES[digit]
    .map((pts) => {
      const scaled = pts
        .split(' ')
        .map((p) => p.split(',').map(Number))
        .map(([x, y]) => `${(x * s + dx).toFixed(2)},${(y * s + dy).toFixed(2)}`)
        .join(' ');
      return `<polyline points="${scaled}" fill="none" stroke="#fff" stroke-width="${width.toFixed(2)}" stroke-linejoin="round" stroke-linecap="round"/>`;
    })
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIDE}" height="${SIDE}"><rect width="100%" height="100%" fill="#000"/>${lines}</svg>`;
  return sharp(Buffer.from(svg)).greyscale().png().toBuffer();
}
