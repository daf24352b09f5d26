// Decode + preprocess cost per image in Node: a 1024×768 JPEG (photo-like: gradients + noise)
// → decodeImageFile (sharp, RGBA) → preprocessImage to 224×224. Usage: tsx scripts/bench-decode.ts [n]
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { decodeImageFile } from '../src/ingest/node-decode.ts';
import { preprocessImage } from '../src/models/preprocess.ts';

const n = Number(process.argv[2] ?? 40);
const W = 1024, H = 768;
const raw = Buffer.alloc(W * H * 3);
let seed = 12345;
for (let y = 0; y < H; y++) {
  for (let x = 0; x < W; x++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const noise = (seed >>> 24) / 16 - 8;
    const i = (y * W + x) * 3;
    raw[i] = Math.max(0, Math.min(255, (x / W) * 255 + noise));
    raw[i + 1] = Math.max(0, Math.min(255, (y / H) * 255 + noise));
    raw[i + 2] = Math.max(0, Math.min(255, 128 + 100 * Math.sin(x / 40) * Math.cos(y / 30) + noise));
  }
}
const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-decode-'));
const file = path.join(dir, 'photo.jpg');
await writeFile(file, await sharp(raw, { raw: { width: W, height: H, channels: 3 } }).jpeg({ quality: 90 }).toBuffer());

const out = new Float32Array(224 * 224 * 3);
const decodeMs: number[] = [], prepMs: number[] = [];
for (let i = 0; i < n + 5; i++) {
  const t0 = performance.now();
  const img = await decodeImageFile(file);
  const t1 = performance.now();
  preprocessImage(img, { width: 224, height: 224 }, out);
  const t2 = performance.now();
  if (i >= 5) { decodeMs.push(t1 - t0); prepMs.push(t2 - t1); } // first 5 warm up
}
await rm(dir, { recursive: true, force: true });

const median = (a: number[]) => [...a].sort((p, q) => p - q)[a.length >> 1];
const min = (a: number[]) => Math.min(...a);
const total = decodeMs.map((d, i) => d + prepMs[i]);
const fmt = (a: number[]) => `median ${median(a).toFixed(2)} ms, min ${min(a).toFixed(2)} ms`;
console.log(`1024×768 JPEG → 224×224, ${n} runs, sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}, ${os.cpus().length} CPUs`);
console.log(`  decode (sharp → RGBA):   ${fmt(decodeMs)}`);
console.log(`  preprocess (pure TS):    ${fmt(prepMs)}`);
console.log(`  decode + preprocess:     ${fmt(total)}`);
