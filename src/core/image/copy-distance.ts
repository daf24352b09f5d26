// The image copy signal's distance (docs/copy-signal-images.md) between two descriptors of
// copy-descriptor.ts: it reads the fine parts only, 1 − their normalised correlation maximised
// over small shifts (coarse to fine), refined to a sub-pixel peak, small scale changes and a blur.
// Symmetric to the bit; flat against flat is 0, flat against anything else is 1. A signal over many
// rows prepares each row once (prepared-thumbnail.ts, image-copy-signal.ts) and calls
// copyDistancePrepared; copyDistance on two bare descriptors prepares both for the call.
import { COPY_SIGNAL_PARAMS, type CopySignalParams } from './copy-descriptor.ts';
import {
  blurredOf, newPrepared, prepareThumbnail, type PreparedThumbnail, thumbnailGeometry, type ThumbnailGeometry,
} from './prepared-thumbnail.ts';
import { shiftedBlock, shiftedCorrelation } from './shifted-correlation.ts';
import { warpedColumn } from './warped-column.ts';
import { warpedCorrelation, warpedWithBlurs } from './warped-correlation.ts';

/** Where the parabola through (−1, l), (0, c), (1, r) peaks, in [−0.5, 0.5]; 0 when c is no peak. */
function parabolaVertex(l: number, c: number, r: number): number {
  const curve = l + r - 2 * c; // l + r, not l − 2c + r: the swapped call's (r, c, l) must give −vertex to the bit
  if (!(curve < 0)) return 0;
  return Math.max(-0.5, Math.min(0.5, (l - r) / (2 * curve)));
}

/** Correlations by shift (up to maxShift + 1, the parabola's neighbours), reused from call to call; NaN: not yet measured. */
let surfaceBuffer = new Float64Array(0);
/** The blur search's three correlations. */
const blurred3 = [NaN, NaN, NaN];
/** The second parabola's three correlations along y. */
const column3 = [NaN, NaN, NaN];
/** The coarse search's correlations (3×3, row-major). */
let coarseBuffer = new Float64Array(0);

/**
 * 1 − the normalised correlation of the two fine parts at their best alignment, in [0, 2]; the
 * coarse part only steers the kNN. The best integer shift (dx, dy) ∈ [−maxShift, maxShift]²,
 * pairing a[x, y] with b[x + dx, y + dy] over the overlap, is found coarse to fine: every shift of
 * the 2×2-averaged thumbnails, then the 3×3 full-resolution shifts around the best one (the
 * swapped call visits the same pairs at (−dx, −dy), in the same order). Below `earlyExit` it stops
 * there: the refinements gain a few hundredths, and thresholds sit near 0.99. With `subpixel`, the
 * best integer shift is refined to the vertex of the parabolas through its neighbours and measured
 * there (bilinear) at scales 1/S, 1 and S: on MNIST a copy offset by half a thumbnail pixel, or
 * cropped by 4%, otherwise loses as much correlation as two different digits differ by
 * (docs/copy-signal-images.md). With `blurSearch` passes, the refined alignment is also measured
 * with either side blurred: a copy resized to 60% otherwise loses half its catches on MNIST.
 * Symmetric to the bit, as every refinement samples the same points in the swapped call. Flat
 * against flat is 0; flat against anything else is 1.
 */
export function copyDistancePrepared(pa: PreparedThumbnail, pb: PreparedThumbnail, p: CopySignalParams, g: ThumbnailGeometry = thumbnailGeometry(p)): number {
  if (pa.flat || pb.flat) return pa.flat && pb.flat ? 0 : 1;
  const { side, maxShift } = g, a = pa.fine, b = pb.fine, ma = pa.moments, mb = pb.moments;
  const w = 2 * maxShift + 3;
  if (surfaceBuffer.length !== w * w) surfaceBuffer = new Float64Array(w * w);
  const surface = surfaceBuffer.fill(NaN);
  const at = (dx: number, dy: number) => {
    const k = (dy + maxShift + 1) * w + dx + maxShift + 1;
    let r = surface[k];
    // A shift without contrast stays NaN and is measured again: rare, and NaN never wins.
    if (r !== r) r = surface[k] = shiftedCorrelation(a, b, ma, mb, g.fine, side, dx, dy);
    return r;
  };
  // Coarse: every shift s in [−⌈(maxShift − 1)/2⌉, …]² of the halved thumbnails (an even side);
  // the full-resolution shifts 2s − 1, 2s, 2s + 1 around the best s then cover [−maxShift, maxShift].
  let cx = 0, cy = 0;
  const coarse = g.half;
  if (coarse && pa.half && pb.half && pa.halfMoments && pb.halfMoments) {
    const hs = coarse.side, hm = coarse.maxShift, hw = 2 * hm + 1;
    if (coarseBuffer.length !== hw * hw) coarseBuffer = new Float64Array(hw * hw);
    // Nine shifts in one pass where the search is 3×3 (each value as shiftedCorrelation gives it).
    if (hw === 3) shiftedBlock(pa.half, pb.half, pa.halfMoments, pb.halfMoments, coarse.layout, hs, -1, -1, coarseBuffer, 0, 3);
    let hbest = -Infinity;
    for (let dy = -hm; dy <= hm; dy++) {
      for (let dx = -hm; dx <= hm; dx++) {
        const r = hw === 3 ? coarseBuffer[(dy + 1) * 3 + dx + 1] : shiftedCorrelation(pa.half, pb.half, pa.halfMoments, pb.halfMoments, coarse.layout, hs, dx, dy);
        if (r > hbest) {
          hbest = r;
          cx = 2 * dx;
          cy = 2 * dy;
        }
      }
    }
  }
  const span = coarse ? 1 : maxShift;
  let best = -Infinity, bx = 0, by = 0;
  const dx0 = Math.max(-maxShift, cx - span), dx1 = Math.min(maxShift, cx + span);
  const dy0 = Math.max(-maxShift, cy - span), dy1 = Math.min(maxShift, cy + span);
  // A 3×3 window in one pass (the coarse search's usual case); at() measures any other shift alone.
  if (dx1 - dx0 === 2 && dy1 - dy0 === 2) shiftedBlock(a, b, ma, mb, g.fine, side, dx0, dy0, surface, (dy0 + maxShift + 1) * w + dx0 + maxShift + 1, w);
  for (let dy = dy0; dy <= dy1; dy++) {
    for (let dx = dx0; dx <= dx1; dx++) {
      const r = at(dx, dy);
      if (r > best) {
        best = r;
        bx = dx;
        by = dy;
      }
    }
  }
  // No shift had contrast on both sides (e.g. one lone pixel in a corner): no evidence either way.
  if (best === -Infinity) return 1;
  if (best < p.earlyExit || !p.subpixel) return Math.min(2, Math.max(0, 1 - best));
  let fx = bx + parabolaVertex(at(bx - 1, by), best, at(bx + 1, by));
  let fy = by + parabolaVertex(at(bx, by - 1), best, at(bx, by + 1));
  // The parabola through integer shifts misplaces the peak of a blurred, resampled thumbnail by up
  // to a quarter pixel, which on MNIST costs a 3 px shift its catch: one more parabola through
  // the warped correlation half a pixel either side of it.
  if (p.refine) {
    // (fx, fy − h), (fx, fy) and (fx, fy + h) share a pass (warped-column.ts).
    const h = 0.5, [up, c, down] = warpedColumn(a, b, side, fx, fy, h, column3);
    if (c > best) best = c;
    const nx = fx + h * parabolaVertex(warpedCorrelation(a, b, side, fx - h, fy, 1, 1), c, warpedCorrelation(a, b, side, fx + h, fy, 1, 1));
    fy += h * parabolaVertex(up, c, down);
    fx = nx;
  }
  // A resized copy lost detail its source kept: blur the sharper one to match (trying both sides
  // keeps it symmetric). Two distinct images rarely gain from it, as they differ coarsely too.
  // Scale 1 and the blurred pairs share one alignment, so they are resampled together.
  const blurs = g.blurSearch > 0 ? warpedWithBlurs(a, blurredOf(pa, g), b, blurredOf(pb, g), side, fx, fy, blurred3) : null;
  for (let s = 0; s < SCALE_PAIRS.length; s++) {
    const [ka, kb] = SCALE_PAIRS[s];
    const r = blurs && ka === 1 && kb === 1 ? blurs[0] : warpedCorrelation(a, b, side, fx, fy, ka, kb);
    if (r > best) best = r;
  }
  if (blurs) best = Math.max(best, blurs[1], blurs[2]);
  return Math.min(2, Math.max(0, 1 - best));
}

/** Two reusable prepared thumbnails per geometry, for calls on bare descriptors. */
const scratchPairs = new Map<ThumbnailGeometry, [PreparedThumbnail, PreparedThumbnail]>();

/** copyDistancePrepared on two descriptors (coarse part, then fine part), each prepared for this call. */
export function copyDistanceWith(da: Float32Array, db: Float32Array, p: CopySignalParams): number {
  if (da.length !== db.length) throw new RangeError(`copy descriptors differ in length: ${da.length} vs ${db.length}`);
  const g = thumbnailGeometry(p);
  let pair = scratchPairs.get(g);
  if (!pair) scratchPairs.set(g, (pair = [newPrepared(g), newPrepared(g)]));
  return copyDistancePrepared(prepareThumbnail(da, p, g, pair[0]), prepareThumbnail(db, p, g, pair[1]), p, g);
}

/** Relative scales tried by the refinement (a 2–5% crop scaled back to size enlarges by 1.02–1.05),
 * as (ka, kb) pairs closed under swapping, so the swapped call tries the same numbers. */
const HALF_SCALE = Math.sqrt(1.035);
const SCALE_PAIRS: [number, number][] = [[1, 1], [HALF_SCALE, 1 / HALF_SCALE], [1 / HALF_SCALE, HALF_SCALE]];

/** copyDistanceWith at the chosen design's shifts. */
export function copyDistance(a: Float32Array, b: Float32Array): number {
  return copyDistanceWith(a, b, COPY_SIGNAL_PARAMS);
}
