// Tabular types shared by the table engine. Pure: no DOM, no Node.

// Output types that go into the report as they are: declared once, in the report's schema.
import type { ColumnType, TableFindingKind as FindingKind, TableFinding } from '../../report/schema.ts';
export type { ColumnType, FindingKind, TableFinding };

/** A raw cell as read from a file: CSV gives strings, JSON and Parquet typed values; null is missing. */
export type Cell = string | number | boolean | null;

export const COLUMN_TYPES: readonly ColumnType[] = ['number', 'category', 'boolean', 'datetime', 'text', 'identifier', 'ignore'];

/** A column after typing: numbers (number, boolean as 0/1, datetime as ms since epoch) or level codes. */
export interface TypedColumn {
  name: string;
  type: ColumnType;
  /** number/boolean/datetime: the value, NaN when missing. */
  values?: Float64Array;
  /** category/text/identifier: index into levels, −1 when missing. */
  codes?: Int32Array;
  /** Shared by the real and synthetic sides of one column, so codes compare across sets. */
  levels?: string[];
}

/** Values read as missing in text cells (case-insensitive, after trimming). */
const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '#n/a', '?', '-']);

export function isMissing(c: Cell): boolean {
  if (c === null) return true;
  if (typeof c === 'number') return !Number.isFinite(c);
  if (typeof c === 'string') {
    if (!plainEnds(c)) return MISSING.has(c.trim().toLowerCase());
    // Nothing to trim: every missing word is at most 4 characters and starts with n, #, ? or -.
    if (c.length > 4) return false;
    const a = c.charCodeAt(0);
    return (a === 110 || a === 78 || a === 35 || a === 63 || a === 45) && MISSING.has(c.toLowerCase());
  }
  return false;
}

/** Non-empty, first and last characters printable ASCII other than space: trim() would not shorten the string. */
const plainEnds = (s: string) => {
  if (s.length === 0) return false;
  const a = s.charCodeAt(0), b = s.charCodeAt(s.length - 1);
  return a > 32 && a < 127 && b > 32 && b < 127;
};
