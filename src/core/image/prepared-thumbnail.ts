// What copyDistance (copy-distance.ts) reads of one descriptor, computed once per row rather than
// once per pair (issue 17: a row meets ~10 candidates and ~10 rows that list it, and re-deriving
// its tables each time was a fifth of the copy graph's time). Every number is computed by the
// same arithmetic as the per-pair code did, so distances stay equal to the bit.
import { blur121, isFlat, type CopySignalParams } from './copy-descriptor.ts';

/**
 * Where a thumbnail's summed-area tables are read: the shift search only asks for rectangles whose
 * edges lie within `reach` of the borders, so only those coordinates are kept ((2·reach + 2)² of
 * the (side + 1)² entries: 100 instead of 625 at side 24, reach 4).
 */
export interface CornerLayout {
  /** Coordinate 0…side ↦ its index among the kept ones (−1: never read). */
  at: Int32Array;
  /** Kept coordinates per axis. */
  w: number;
}

/** The summed-area tables of a thumbnail and of its squares, at a CornerLayout's coordinates. */
export interface CornerTables {
  sum: Float64Array;
  squares: Float64Array;
}

/** The geometry of one parameter set: its layouts and per-row sizes. */
export interface ThumbnailGeometry {
  side: number;
  maxShift: number;
  /** The shift search's full-resolution layout: shifts up to maxShift + 1 (the parabola's neighbours). */
  fine: CornerLayout;
  /** Halved thumbnails' side and shift range for the coarse search, when it runs (an even side, maxShift ≥ 2). */
  half: { side: number; maxShift: number; layout: CornerLayout } | null;
  blurSearch: number;
}

export interface PreparedThumbnail {
  /** The descriptor's fine part (a view of it). */
  fine: Float32Array;
  flat: boolean;
  moments: CornerTables;
  /** 2×2 averages of the fine part and their tables (the coarse search), or null. */
  half: Float32Array | null;
  halfMoments: CornerTables | null;
  /** The fine part after blurSearch passes of blur121, made when a pair first needs it. */
  blurred: Float32Array | null;
  /** Whether `blurred` holds this thumbnail's blur (it is reused storage). */
  blurredReady: boolean;
}

function cornerLayout(side: number, reach: number): CornerLayout {
  const at = new Int32Array(side + 1).fill(-1);
  let w = 0;
  for (let c = 0; c <= side; c++) if (c <= reach || c >= side - reach) at[c] = w++;
  return { at, w };
}

const geometries = new Map<string, ThumbnailGeometry>();

export function thumbnailGeometry(p: CopySignalParams): ThumbnailGeometry {
  const key = `${p.side}/${p.maxShift}/${p.blurSearch}`;
  let g = geometries.get(key);
  if (g) return g;
  const { side, maxShift } = p;
  // A shift of maxShift + 1 must leave an overlap, or rectangles would reach past the thumbnail.
  if (!(Number.isInteger(maxShift) && maxShift >= 0 && maxShift + 1 < side))
    throw new RangeError(`copy signal: maxShift ${maxShift} must be an integer in [0, ${side - 2}] for a ${side}-pixel thumbnail`);
  const coarseFirst = side % 2 === 0 && maxShift >= 2;
  const hs = side >> 1, hm = Math.ceil((maxShift - 1) / 2);
  g = {
    side, maxShift, blurSearch: p.blurSearch,
    fine: cornerLayout(side, maxShift + 1),
    half: coarseFirst ? { side: hs, maxShift: hm, layout: cornerLayout(hs, hm) } : null,
  };
  geometries.set(key, g);
  return g;
}

/** Summed-area tables ((side + 1)² scratch per table) of the thumbnails of one side. */
const fullTables = new Map<number, CornerTables>();

/** Fills `out` with t's tables at the layout's coordinates (row and column 0 of the full tables are 0). */
function cornerMoments(t: Float32Array, side: number, layout: CornerLayout, out: CornerTables): void {
  const w = side + 1;
  let full = fullTables.get(side);
  if (!full) fullTables.set(side, (full = { sum: new Float64Array(w * w), squares: new Float64Array(w * w) }));
  const { sum, squares } = full;
  for (let y = 0; y < side; y++) {
    let rs = 0, rq = 0;
    for (let x = 0; x < side; x++) {
      const v = t[y * side + x];
      rs += v;
      rq += v * v;
      sum[(y + 1) * w + x + 1] = sum[y * w + x + 1] + rs;
      squares[(y + 1) * w + x + 1] = squares[y * w + x + 1] + rq;
    }
  }
  const { at, w: cw } = layout;
  for (let y = 0; y <= side; y++) {
    if (at[y] < 0) continue;
    for (let x = 0; x <= side; x++) {
      if (at[x] < 0) continue;
      out.sum[at[y] * cw + at[x]] = sum[y * w + x];
      out.squares[at[y] * cw + at[x]] = squares[y * w + x];
    }
  }
}

/** 2×2 averages of a side×side thumbnail (side even): the coarse grid of the shift search. */
function halve(t: Float32Array, side: number, out: Float32Array): void {
  const h = side >> 1;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < h; x++) {
      const o = 2 * y * side + 2 * x;
      out[y * h + x] = (t[o] + t[o + 1] + t[o + side] + t[o + side + 1]) / 4;
    }
}

/** Bytes one prepared row holds (for a cache's budget). */
export function preparedBytes(g: ThumbnailGeometry): number {
  const tables = (l: CornerLayout) => 2 * l.w * l.w * 8;
  const half = g.half ? tables(g.half.layout) + g.half.side * g.half.side * 4 : 0;
  return tables(g.fine) + half + (g.blurSearch > 0 ? g.side * g.side * 4 : 0) + 512; // + objects and views
}

/** Empty storage for one prepared row. */
export function newPrepared(g: ThumbnailGeometry): PreparedThumbnail {
  const tables = (l: CornerLayout): CornerTables => ({ sum: new Float64Array(l.w * l.w), squares: new Float64Array(l.w * l.w) });
  return {
    fine: new Float32Array(0), flat: true, moments: tables(g.fine),
    half: g.half ? new Float32Array(g.half.side * g.half.side) : null,
    halfMoments: g.half ? tables(g.half.layout) : null,
    blurred: g.blurSearch > 0 ? new Float32Array(g.side * g.side) : null,
    blurredReady: false,
  };
}

/** Prepares descriptor d (coarse part, then fine part) into `out`; a flat fine part needs nothing more. */
export function prepareThumbnail(d: Float32Array, p: CopySignalParams, g: ThumbnailGeometry, out: PreparedThumbnail): PreparedThumbnail {
  const skip = p.coarseSide * p.coarseSide, side = g.side;
  out.fine = d.subarray(skip, skip + side * side);
  out.flat = isFlat(out.fine);
  out.blurredReady = false;
  if (out.flat) return out;
  cornerMoments(out.fine, side, g.fine, out.moments);
  if (g.half && out.half && out.halfMoments) {
    halve(out.fine, side, out.half);
    cornerMoments(out.half, g.half.side, g.half.layout, out.halfMoments);
  }
  return out;
}

/** Two scratch thumbnails for blur121's passes. */
let blurScratch: Float32Array[] = [];

/** The fine part blurred by blurSearch passes (made once per prepared row). */
export function blurredOf(t: PreparedThumbnail, g: ThumbnailGeometry): Float32Array {
  if (t.blurredReady && t.blurred) return t.blurred;
  const n = g.side * g.side;
  if (blurScratch.length === 0 || blurScratch[0].length !== n) blurScratch = [new Float32Array(n), new Float32Array(n)];
  const [tmp, other] = blurScratch, out = t.blurred ?? (t.blurred = new Float32Array(n));
  // Alternate between `out` and `other` so the last pass lands in `out`.
  let src = t.fine;
  for (let k = 0; k < g.blurSearch; k++) {
    const dst = (g.blurSearch - 1 - k) % 2 === 0 ? out : other;
    src = blur121(src, g.side, dst, tmp);
  }
  t.blurredReady = true;
  return out;
}
