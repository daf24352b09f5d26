// Normalised correlation of two thumbnails at integer shifts: copy-distance.ts's shift search
// (docs/copy-signal-images.md). The overlap's sums come from summed-area tables prepared once per
// row (prepared-thumbnail.ts), so only the cross products are summed here. A 3×3 block of shifts
// is summed in one pass (issue 17): one sum alone waits on each addition before the next, nine
// independent ones overlap and share a's loads, and each still adds its own terms in the same
// order as alone, so every correlation is equal to the bit to the one-shift loop.
import { FLAT_EPS } from './copy-descriptor.ts';
import type { CornerLayout, CornerTables } from './prepared-thumbnail.ts';

/** Sum over [x0, x1) × [y0, y1) of a summed-area table kept at a layout's coordinates. */
function rect(t: Float64Array, l: CornerLayout, x0: number, y0: number, x1: number, y1: number): number {
  const { at, w } = l;
  return t[at[y1] * w + at[x1]] - t[at[y0] * w + at[x1]] - t[at[y1] * w + at[x0]] + t[at[y0] * w + at[x0]];
}

/** The correlation at shift (dx, dy) given its cross sum; NaN without contrast. */
function fromCrossSum(sab: number, ma: CornerTables, mb: CornerTables, l: CornerLayout, side: number, dx: number, dy: number): number {
  const y0 = Math.max(0, -dy), y1 = Math.min(side, side - dy);
  const x0 = Math.max(0, -dx), x1 = Math.min(side, side - dx);
  const n = (y1 - y0) * (x1 - x0);
  const sa = rect(ma.sum, l, x0, y0, x1, y1), sb = rect(mb.sum, l, x0 + dx, y0 + dy, x1 + dx, y1 + dy);
  const varA = rect(ma.squares, l, x0, y0, x1, y1) - (sa * sa) / n, varB = rect(mb.squares, l, x0 + dx, y0 + dy, x1 + dx, y1 + dy) - (sb * sb) / n;
  if (varA <= FLAT_EPS || varB <= FLAT_EPS) return NaN;
  return (sab - (sa * sb) / n) / Math.sqrt(varA * varB);
}

/** Normalised correlation of a[x, y] with b[x + dx, y + dy] over their overlap; NaN without contrast. */
export function shiftedCorrelation(a: Float32Array, b: Float32Array, ma: CornerTables, mb: CornerTables, l: CornerLayout, side: number, dx: number, dy: number): number {
  const y0 = Math.max(0, -dy), y1 = Math.min(side, side - dy);
  const x0 = Math.max(0, -dx), x1 = Math.min(side, side - dx);
  let sab = 0;
  for (let y = y0; y < y1; y++) {
    let i = y * side + x0, j = (y + dy) * side + x0 + dx;
    for (let x = x0; x < x1; x++, i++, j++) sab += a[i] * b[j];
  }
  return fromCrossSum(sab, ma, mb, l, side, dx, dy);
}

/** The nine cross sums of a block, in shiftedBlock's order (row v, column u at 3v + u). */
const cross = new Float64Array(9);

/**
 * Rows [ya, yb) of the cross sums at (dx, dy), (dx + 1, dy), (dx + 2, dy), added to cross[at…at + 2].
 * Per row, shift s covers x in [max(0, −s), min(side, side − s)): the larger shifts start and end
 * earlier, so a row is summed as a head (larger shifts only), the common run [l0, r2), and a tail.
 */
function crossRow3(a: Float32Array, b: Float32Array, side: number, dx: number, dy: number, ya: number, yb: number, at: number): void {
  const l0 = Math.max(0, -dx), l1 = Math.max(0, -dx - 1), l2 = Math.max(0, -dx - 2);
  const r0 = Math.min(side, side - dx), r1 = Math.min(side, side - dx - 1), r2 = Math.min(side, side - dx - 2);
  let s0 = cross[at], s1 = cross[at + 1], s2 = cross[at + 2];
  for (let y = ya; y < yb; y++) {
    const ra = y * side, rb = (y + dy) * side + dx; // b's index for a's x at shift dx + u: rb + x + u
    for (let x = l2; x < l1; x++) s2 += a[ra + x] * b[rb + x + 2];
    for (let x = l1; x < l0; x++) {
      const v = a[ra + x];
      s1 += v * b[rb + x + 1];
      s2 += v * b[rb + x + 2];
    }
    for (let x = l0; x < r2; x++) {
      const v = a[ra + x], o = rb + x;
      s0 += v * b[o];
      s1 += v * b[o + 1];
      s2 += v * b[o + 2];
    }
    for (let x = r2; x < r1; x++) {
      const v = a[ra + x];
      s0 += v * b[rb + x];
      s1 += v * b[rb + x + 1];
    }
    for (let x = r1; x < r0; x++) s0 += a[ra + x] * b[rb + x];
  }
  cross[at] = s0;
  cross[at + 1] = s1;
  cross[at + 2] = s2;
}

/**
 * shiftedCorrelation at the nine shifts (dx + u, dy + v), u, v in 0…2, into out[at + v·stride + u].
 * A row of a meets the three rows of b the block's shifts read in one pass (nine sums at once);
 * the rows only some shifts take (at the top and bottom) are summed before and after, so every sum
 * still adds its terms row by row, left to right, as shiftedCorrelation's loop does.
 */
export function shiftedBlock(
  a: Float32Array, b: Float32Array, ma: CornerTables, mb: CornerTables, l: CornerLayout, side: number, dx: number, dy: number, out: Float64Array, at: number, stride: number,
): void {
  const l0 = Math.max(0, -dx), l1 = Math.max(0, -dx - 1), l2 = Math.max(0, -dx - 2);
  const r0 = Math.min(side, side - dx), r1 = Math.min(side, side - dx - 1), r2 = Math.min(side, side - dx - 2);
  // Rows every shift of the block takes: [yc0, yc1).
  const yc0 = Math.max(0, -dy), yc1 = Math.min(side, side - dy - 2);
  if (l0 > r2 || yc0 > yc1) {
    // Shifts nearly as wide as the thumbnail: no common run; one shift at a time.
    for (let v = 0; v < 3; v++) for (let u = 0; u < 3; u++) out[at + v * stride + u] = shiftedCorrelation(a, b, ma, mb, l, side, dx + u, dy + v);
    return;
  }
  cross.fill(0);
  for (let v = 0; v < 3; v++) crossRow3(a, b, side, dx, dy + v, Math.max(0, -dy - v), yc0, 3 * v);
  let s00 = cross[0], s01 = cross[1], s02 = cross[2], s10 = cross[3], s11 = cross[4], s12 = cross[5], s20 = cross[6], s21 = cross[7], s22 = cross[8];
  for (let y = yc0; y < yc1; y++) {
    const ra = y * side, q0 = (y + dy) * side + dx, q1 = q0 + side, q2 = q1 + side;
    for (let x = l2; x < l1; x++) {
      const v = a[ra + x];
      s02 += v * b[q0 + x + 2];
      s12 += v * b[q1 + x + 2];
      s22 += v * b[q2 + x + 2];
    }
    for (let x = l1; x < l0; x++) {
      const v = a[ra + x];
      s01 += v * b[q0 + x + 1];
      s02 += v * b[q0 + x + 2];
      s11 += v * b[q1 + x + 1];
      s12 += v * b[q1 + x + 2];
      s21 += v * b[q2 + x + 1];
      s22 += v * b[q2 + x + 2];
    }
    for (let x = l0; x < r2; x++) {
      const v = a[ra + x], o0 = q0 + x, o1 = q1 + x, o2 = q2 + x;
      s00 += v * b[o0];
      s01 += v * b[o0 + 1];
      s02 += v * b[o0 + 2];
      s10 += v * b[o1];
      s11 += v * b[o1 + 1];
      s12 += v * b[o1 + 2];
      s20 += v * b[o2];
      s21 += v * b[o2 + 1];
      s22 += v * b[o2 + 2];
    }
    for (let x = r2; x < r1; x++) {
      const v = a[ra + x];
      s00 += v * b[q0 + x];
      s01 += v * b[q0 + x + 1];
      s10 += v * b[q1 + x];
      s11 += v * b[q1 + x + 1];
      s20 += v * b[q2 + x];
      s21 += v * b[q2 + x + 1];
    }
    for (let x = r1; x < r0; x++) {
      const v = a[ra + x];
      s00 += v * b[q0 + x];
      s10 += v * b[q1 + x];
      s20 += v * b[q2 + x];
    }
  }
  cross[0] = s00;
  cross[1] = s01;
  cross[2] = s02;
  cross[3] = s10;
  cross[4] = s11;
  cross[5] = s12;
  cross[6] = s20;
  cross[7] = s21;
  cross[8] = s22;
  for (let v = 0; v < 3; v++) crossRow3(a, b, side, dx, dy + v, yc1, Math.min(side, side - dy - v), 3 * v);
  for (let v = 0; v < 3; v++) for (let u = 0; u < 3; u++) out[at + v * stride + u] = fromCrossSum(cross[3 * v + u], ma, mb, l, side, dx + u, dy + v);
}
