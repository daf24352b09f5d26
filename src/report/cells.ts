// Cell helpers shared by the app's views and the HTML export: the tabular near-duplicate rule cell
// by cell, how a cell reads, shortening for display, and HTML escaping.
import type { CellValue } from './schema.ts';

/** The tabular duplicate rule, cell by cell: both missing, equal, or numbers within 1% relative. */
export function cellsMatch(a: CellValue, b: CellValue): boolean {
  if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b);
  const x = asNumber(a),
    y = asNumber(b);
  if (Number.isFinite(x) && Number.isFinite(y)) return Math.abs(x - y) <= 0.01 * Math.max(Math.abs(x), Math.abs(y));
  return String(a).trim() === String(b).trim();
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export function cellText(v: CellValue | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

const asNumber = (v: CellValue): number => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN);

/** At most n characters: a longer text keeps n − 1 and ends in "…". */
export const shorten = (s: string, n: number) => (s.length > n ? `${s.slice(0, Math.max(1, n - 1))}…` : s);

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
