// Column type inference from raw cells. The rules, in order, over the non-missing values:
// 1. all booleans (true/false, yes/no, t/f, y/n in any case; not 0/1)      → boolean
// 2. all numbers (JSON numbers, or text that parses as a decimal number)   → number
//    … unless integers unique per row in a column named like an id         → identifier
// 3. all dates (ISO 8601, d/m/y with separators, or a month name and year) → datetime
// 4. text: few distinct values (≤ 50, or ≤ 5% of the rows up to 1,000)     → category
//    unique per row                                                         → identifier
//    otherwise long (mean ≥ 20 characters) or many distinct                 → text
//    otherwise                                                              → category
// A column with no non-missing value is reported as all-missing (type null).
import { type Cell, type ColumnType, isMissing } from './types.ts';

const BOOL_TRUE = new Set(['true', 't', 'yes', 'y']);
const BOOL_FALSE = new Set(['false', 'f', 'no', 'n']);
const ISO_DATE_RE = /^\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;
const DMY_RE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}( \d{1,2}:\d{2}(:\d{2})?)?$/;
const MONTH_RE = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b.*\b\d{4}\b|\b\d{4}\b.*\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const ID_NAME_RE = /(^|[^a-z])(id|key|uuid|guid|index)$|^(id|key|uuid|index)([^a-z]|$)/i;

export function parseBoolean(c: Cell): boolean | null {
  if (typeof c === 'boolean') return c;
  if (typeof c !== 'string') return null;
  const s = c.trim().toLowerCase();
  return BOOL_TRUE.has(s) ? true : BOOL_FALSE.has(s) ? false : null;
}

export function parseNumber(c: Cell): number {
  if (typeof c === 'number') return Number.isFinite(c) ? c : NaN;
  if (typeof c === 'boolean') return NaN;
  if (typeof c !== 'string') return NaN;
  const s = c.trim();
  if (!isDecimal(s)) return NaN;
  return simpleDecimal(s);
}

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k); // exact doubles

/**
 * Number(s) for a string isDecimal accepts. Up to 15 digits and no exponent: the digits as an
 * integer divided by a power of ten ≤ 10^22, both exact, so the one rounding is the correctly rounded
 * value Number(s) gives (Clinger's fast path); otherwise Number(s) itself.
 */
function simpleDecimal(s: string): number {
  let m = 0, digits = 0, frac = 0, dot = false;
  const neg = s.charCodeAt(0) === 45;
  for (let i = neg || s.charCodeAt(0) === 43 ? 1 : 0; i < s.length; i++) {
    const k = s.charCodeAt(i);
    if (k === 46) { dot = true; continue; }
    if (k < 48 || k > 57) return Number(s); // exponent
    if (m > 0 || k !== 48) digits++;
    if (digits > 15) return Number(s);
    m = m * 10 + (k - 48);
    if (dot) frac++;
  }
  if (frac > 22) return Number(s);
  const v = m / POW10[frac];
  return neg ? -v : v;
}

const isDigit = (k: number) => k >= 48 && k <= 57;

/** /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s), scanned by hand: every numeric cell is parsed through here. */
export function isDecimal(s: string): boolean {
  const n = s.length;
  let i = 0;
  if (i < n && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)) i++; // + -
  const intStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  const intDigits = i - intStart;
  let fracDigits = 0, dot = false;
  if (i < n && s.charCodeAt(i) === 46) { // .
    dot = true;
    const fracStart = ++i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    fracDigits = i - fracStart;
  }
  if (intDigits === 0 && !(dot && fracDigits > 0)) return false;
  if (i < n && (s.charCodeAt(i) === 101 || s.charCodeAt(i) === 69)) { // e E
    i++;
    if (i < n && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)) i++;
    const expStart = i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    if (i === expStart) return false;
  }
  return i === n;
}

/** Milliseconds since the epoch (UTC for dates without a zone), or NaN. */
export function parseDate(c: Cell): number {
  if (typeof c !== 'string') return NaN;
  const s = c.trim();
  if (ISO_DATE_RE.test(s)) {
    // Date-only ISO strings parse as UTC, date-time ones without a zone as local time: pin them to UTC.
    const withZone = /[T ]/.test(s) && !/(Z|[+-]\d{2}:?\d{2})$/.test(s) ? s.replace(' ', 'T') + 'Z' : s.replace(' ', 'T');
    const t = Date.parse(withZone);
    return Number.isNaN(t) ? NaN : t;
  }
  if (DMY_RE.test(s)) {
    const [date, time] = s.split(' ');
    const p = date.split(/[/.-]/).map(Number);
    // y-m-d when the first part has 4 digits; else m/d/y if the first part ≤ 12, else d/m/y.
    let y: number, m: number, d: number;
    if (date.split(/[/.-]/)[0].length === 4) [y, m, d] = p;
    else if (p[0] > 12) [d, m, y] = p;
    else [m, d, y] = p;
    if (y < 100) y += y < 50 ? 2000 : 1900;
    if (m < 1 || m > 12 || d < 1 || d > 31) return NaN;
    const [hh, mm, ss] = (time ?? '0:0:0').split(':').map(Number);
    return Date.UTC(y, m - 1, d, hh || 0, mm || 0, ss || 0);
  }
  if (MONTH_RE.test(s)) {
    const t = Date.parse(s + (/(Z|UTC|GMT|[+-]\d{2}:?\d{2})$/.test(s) ? '' : ' UTC'));
    return Number.isNaN(t) ? NaN : t;
  }
  return NaN;
}

export interface Inferred {
  /** null when every value is missing. */
  type: ColumnType | null;
  missing: number;
  /** Distinct trimmed values; counted only where the decision needs it (not for plain booleans, numbers, dates). */
  distinct?: number;
  /** Why the type was chosen, for messages. */
  reason: string;
}

export function inferColumnType(name: string, cells: readonly Cell[]): Inferred {
  const present: Cell[] = [];
  for (const c of cells) if (!isMissing(c)) present.push(c);
  const missing = cells.length - present.length;
  if (present.length === 0) return { type: null, missing, distinct: 0, reason: 'every value is missing' };
  // A set of every value is costly on long numeric columns, where it is rarely needed.
  const countDistinct = () => new Set(present.map((c) => (typeof c === 'string' ? c.trim() : String(c)))).size;
  const n = present.length;
  if (present.every((c) => parseBoolean(c) !== null)) return { type: 'boolean', missing, reason: 'every value is a boolean' };
  if (present.every((c) => !Number.isNaN(parseNumber(c)))) {
    if (n >= 20 && ID_NAME_RE.test(name.trim()) && present.every((c) => Number.isInteger(parseNumber(c)))) {
      const distinct = countDistinct();
      if (distinct === n) return { type: 'identifier', missing, distinct, reason: 'integers unique per row in a column named like an id' };
    }
    return { type: 'number', missing, reason: 'every value is a number' };
  }
  if (present.every((c) => !Number.isNaN(parseDate(c)))) return { type: 'datetime', missing, reason: 'every value is a date' };
  const distinct = countDistinct();
  if (distinct <= 50 || distinct <= Math.min(1000, 0.05 * n)) return { type: 'category', missing, distinct, reason: `${distinct} distinct values` };
  if (distinct === n && n >= 20) {
    const meanLen = present.reduce((s: number, c) => s + String(c).length, 0) / n;
    const spaced = present.filter((c) => /\s/.test(String(c).trim())).length / n;
    if (meanLen < 40 && spaced < 0.5) return { type: 'identifier', missing, distinct, reason: 'unique per row' };
  }
  const meanLen = present.reduce((s: number, c) => s + String(c).length, 0) / n;
  if (meanLen >= 20 || distinct > 0.5 * n) return { type: 'text', missing, distinct, reason: `${distinct} distinct values, mean length ${meanLen.toFixed(0)}` };
  return { type: 'category', missing, distinct, reason: `${distinct} distinct values` };
}

/** Decimals as written: "3.140" → 3, 2.5 → 1, "1e-3" → 3, integers → 0. */
export function decimalsOf(c: Cell): number {
  const s = typeof c === 'number' ? String(c) : typeof c === 'string' ? c.trim() : '';
  const e1 = s.indexOf('e'), e2 = s.indexOf('E');
  const e = e1 < 0 ? e2 : e2 < 0 ? e1 : Math.min(e1, e2);
  const mant = e >= 0 ? s.slice(0, e) : s;
  const exp = e >= 0 ? Number(s.slice(e + 1)) : 0;
  const dot = mant.indexOf('.');
  const dec = dot >= 0 ? mant.length - dot - 1 : 0;
  return Math.max(0, dec - exp);
}

/** Shape of a written date, digits → d and letters → a: "2012-01-01" → "dddd-dd-dd". */
export function dateShape(c: Cell): string {
  return String(c).trim().replace(/\d/g, 'd').replace(/[a-zA-Z]+/g, 'a');
}
