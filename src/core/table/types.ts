// Tabular types shared by the table engine. Pure: no DOM, no Node.

/** A raw cell as read from a file: CSV gives strings, JSON and Parquet typed values; null is missing. */
export type Cell = string | number | boolean | null;

/**
 * number: real-valued; category: a small set of levels; boolean: two values;
 * datetime: dates or timestamps; text: free text (long, mostly distinct);
 * identifier: unique per row (ids, keys), left out of the detector and of duplicate matching by default;
 * ignore: left out entirely (only by the user's override).
 */
export type ColumnType = 'number' | 'category' | 'boolean' | 'datetime' | 'text' | 'identifier' | 'ignore';

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

export type FindingKind =
  | 'precision'
  | 'date-format'
  | 'date-resolution'
  | 'casing'
  | 'whitespace'
  | 'boolean-format'
  | 'all-missing'
  | 'left-out'
  | 'unseen-levels';

/** Something about a column worth telling the user, with whether the engine corrected it. */
export interface TableFinding {
  kind: FindingKind;
  column: string;
  side: 'real' | 'synthetic';
  message: string;
  /** Rows concerned and their share of that side's rows. */
  rows: number;
  share: number;
  /** A few examples: the synthetic value and, where there is one, the real value it became. */
  examples: { value: string; normalisedTo?: string }[];
  /** True when the synthetic values were rewritten to the real data's precision/format before scoring. */
  normalised: boolean;
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
