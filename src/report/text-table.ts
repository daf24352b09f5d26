// Fixed-width text tables for terminals (the CLI summary, `synthscore compare`): columns as wide
// as their widest cell, two spaces apart, text columns left-aligned and numbers right-aligned.
import type { Estimate } from './schema.ts';

/** An estimate as the terminal tables print it: value [lo, hi], three decimals. */
export const estimateText = (e: Estimate) => `${e.value.toFixed(3)} [${e.lo.toFixed(3)}, ${e.hi.toFixed(3)}]`;

export interface TextTableOptions {
  /** Which columns are left-aligned (the rest are right-aligned). */
  left(column: number, columns: number): boolean;
  /** A line of dashes under the head. */
  rule?: boolean;
  /** Trailing spaces dropped from each line. */
  trimEnd?: boolean;
}

/** The head, the optional rule and the rows, one string per line. */
export function textTable(head: string[], rows: string[][], opts: TextTableOptions): string[] {
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => {
    const s = cells.map((x, c) => (opts.left(c, cells.length) ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join('  ');
    return opts.trimEnd ? s.trimEnd() : s;
  };
  return [line(head), ...(opts.rule ? [widths.map((w) => '-'.repeat(w)).join('  ')] : []), ...rows.map(line)];
}
